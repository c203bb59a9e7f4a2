/**
 * Which selected items the current search does not show. A selection is kept across
 * searches (ids, not positions), so it can hold items outside the results on screen: the
 * selection bar counts them and the export wizard marks them, so nothing is sealed that
 * the person cannot see said. Null while the engine is asked.
 */
import { useEffect, useState } from 'react';
import { tamga } from '../../api';

const NONE: ReadonlySet<string> = new Set();

export function useOutsideResults(query: string, selected: readonly string[], version: number): ReadonlySet<string> | null {
  const [outside, setOutside] = useState<{ key: string; ids: ReadonlySet<string> } | null>(null);
  const key = `${query}\u0000${selected.join(',')}\u0000${version}`;
  const everything = query.trim() === '' || selected.length === 0;
  useEffect(() => {
    if (everything) return;
    let current = true;
    void tamga.itemsMatching({ query, items: selected }).then(
      (matching) => {
        const shown = new Set(matching);
        if (current) setOutside({ key, ids: new Set(selected.filter((id) => !shown.has(id))) });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
    // `key` stands for query, selected and version.
  }, [key, everything]);
  if (everything) return NONE;
  return outside?.key === key ? outside.ids : null;
}
