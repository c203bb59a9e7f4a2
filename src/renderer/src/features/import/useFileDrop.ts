/**
 * Files and folders dropped anywhere on the window start an import. The paths come from
 * the shell (the preload asks Electron for each dropped File's path); a drop that holds
 * no file with a path (text, a browser image) is ignored.
 */
import { useCallback, useRef, useState, type DragEvent } from 'react';
import { pathsForFiles } from '../../api';

const hasFiles = (event: DragEvent): boolean => Array.from(event.dataTransfer.types).includes('Files');

export function useFileDrop(onPaths: (paths: string[]) => void) {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  const onDragEnter = useCallback((event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDragLeave = useCallback(() => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      const paths = pathsForFiles(Array.from(event.dataTransfer.files));
      if (paths.length > 0) onPaths(paths);
    },
    [onPaths],
  );

  return { dragging, handlers: { onDragEnter, onDragOver, onDragLeave, onDrop } };
}
