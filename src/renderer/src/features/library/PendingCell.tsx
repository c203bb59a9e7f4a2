/** A grid cell whose item is still being read (a page not loaded yet): same size, no content. */
import type { JSX } from 'react';

export function PendingCell({ id, columnIndex }: { readonly id: string; readonly columnIndex: number }): JSX.Element {
  return (
    <div id={id} role="gridcell" aria-colindex={columnIndex + 1} aria-busy="true" className="cell cell-pending">
      <div className="cell-thumb" />
    </div>
  );
}
