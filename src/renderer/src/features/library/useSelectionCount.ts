/**
 * How many items a select-all holds, counted by the engine (countSelection): the window
 * never has the ids of all the results, so it cannot count them itself. Counted again when
 * the selection or the library changes; null while the engine is asked (or could not say).
 */
import { useEffect, useState } from 'react';
import type { QuerySelection } from '../../../../shared/organise';
import { tamga } from '../../api';

export function useSelectionCount(selection: QuerySelection | null, version: number): number | null {
  const [counted, setCounted] = useState<{ key: string; count: number } | null>(null);
  const key = selection === null ? '' : `${JSON.stringify(selection)}\u0000${version}`;
  useEffect(() => {
    if (selection === null) return;
    let current = true;
    void tamga.countSelection(selection).then(
      (count) => {
        if (current) setCounted({ key, count });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
    // `key` stands for the selection and the version.
  }, [key]);
  return selection !== null && counted?.key === key ? counted.count : null;
}
