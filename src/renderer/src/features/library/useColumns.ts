/** How many grid columns fit the element's width (watched with a ResizeObserver). */
import { useEffect, useState, type RefObject } from 'react';

export function useColumns(ref: RefObject<HTMLElement | null>, cellWidth: number): number {
  const [columns, setColumns] = useState(1);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = (): void => setColumns(Math.max(1, Math.floor(element.clientWidth / cellWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, cellWidth]);
  return columns;
}
