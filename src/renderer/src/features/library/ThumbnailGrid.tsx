/**
 * The virtualised thumbnail grid: only the rows in view (and a few around them) exist in
 * the page, so 100 000 items scroll like 100. An ARIA grid with one focusable element;
 * the focused cell is named by aria-activedescendant and scrolled into view when focus
 * moves. Keys and clicks are the container's business (onKeyDown, renderCell).
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type JSX, type KeyboardEvent, type ReactNode } from 'react';
import { useColumns } from './useColumns';

export const CELL_WIDTH = 168;
export const ROW_HEIGHT = 196;

export interface GridGeometry {
  readonly columns: number;
  readonly pageRows: number;
}

export interface ThumbnailGridProps {
  readonly count: number;
  readonly label: string;
  readonly focusIndex: number;
  readonly cellId: (index: number) => string;
  readonly renderCell: (index: number, column: number) => ReactNode;
  readonly onKeyDown: (event: KeyboardEvent<HTMLDivElement>, geometry: GridGeometry) => void;
  /** The first and last index the grid shows (or is about to): the container loads them. */
  readonly onVisibleRange?: (from: number, to: number) => void;
}

export const ThumbnailGrid = memo(function ThumbnailGrid({ count, label, focusIndex, cellId, renderCell, onKeyDown, onVisibleRange }: ThumbnailGridProps): JSX.Element {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = useColumns(scroller, CELL_WIDTH);
  const rows = Math.ceil(count / columns);
  const virtualizer = useVirtualizer({ count: rows, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 4 });

  useEffect(() => {
    if (count > 0) virtualizer.scrollToIndex(Math.floor(focusIndex / columns), { align: 'auto' });
  }, [focusIndex, columns, count, virtualizer]);

  const virtualRows = virtualizer.getVirtualItems();
  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows.at(-1)?.index ?? 0;
  useEffect(() => {
    onVisibleRange?.(firstRow * columns, Math.min(count - 1, (lastRow + 1) * columns - 1));
  }, [firstRow, lastRow, columns, count, onVisibleRange]);

  return (
    <div
      ref={scroller}
      className="grid-scroller"
      role="grid"
      aria-label={label}
      aria-rowcount={rows}
      aria-colcount={columns}
      aria-multiselectable="true"
      aria-activedescendant={count > 0 ? cellId(focusIndex) : undefined}
      tabIndex={0}
      // Measured on a key press, not while rendering: reading a size during a scroll frame forces a layout.
      onKeyDown={(event) => onKeyDown(event, { columns, pageRows: Math.max(1, Math.floor(event.currentTarget.clientHeight / ROW_HEIGHT)) })}
    >
      <div className="grid-canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualRows.map((row) => (
          <div key={row.key} role="row" aria-rowindex={row.index + 1} className="grid-row" style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}>
            {Array.from({ length: Math.min(columns, count - row.index * columns) }, (_, column) => renderCell(row.index * columns + column, column))}
          </div>
        ))}
      </div>
    </div>
  );
});
