/**
 * Step 1: the exhibits and their order (the order is the numbering E0001, E0002 …).
 * Drag a row, or use its Up and Down buttons from the keyboard.
 *
 * Virtualised like the grid (ThumbnailGrid): only the rows in view (and a few around)
 * are in the page, each telling its place in the whole list, so a selection of 100 000
 * exhibits costs what one screen of them does.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem } from './reorder';

export interface ExhibitEntry {
  readonly id: string;
  readonly name: string;
  /** Whether the search on screen when Export was pressed shows it (null: not known); those it does not are marked. */
  readonly inResults?: boolean | null;
}

/** One row's height in pixels (the stylesheet's .exhibit-order li, margin included). */
export const EXHIBIT_ROW_HEIGHT = 44;

export function ExhibitOrder({ exhibits, onChange }: { readonly exhibits: readonly ExhibitEntry[]; readonly onChange: (next: ExhibitEntry[]) => void }): JSX.Element {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<number | null>(null);
  const outside = exhibits.filter((e) => e.inResults === false).length;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: exhibits.length, getScrollElement: () => scroller.current, estimateSize: () => EXHIBIT_ROW_HEIGHT, overscan: 6 });
  return (
    <>
    <p data-testid="export-will-seal">
      {outside === 0 ? t('exportSummary.willSeal', { count: exhibits.length }) : t('exportSummary.willSealOutside', { count: exhibits.length, outside })}
    </p>
    <div ref={scroller} className="exhibit-order-scroller" data-testid="exhibit-order-scroller">
      <ol className="exhibit-order" aria-label={t('export.orderLabel')} style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map(({ index, start }) => {
          const exhibit = exhibits[index];
          if (exhibit === undefined) return null;
          return (
            <li
              key={exhibit.id}
              className={dragging === index ? 'dragging' : ''}
              style={{ transform: `translateY(${start}px)` }}
              aria-posinset={index + 1}
              aria-setsize={exhibits.length}
              draggable
              onDragStart={(e) => {
                setDragging(index);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging !== null) onChange(moveItem(exhibits, dragging, index));
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}
            >
              <span className="exhibit-number">E{String(index + 1).padStart(4, '0')}</span>
              <span className="exhibit-name" translate="no">
                {exhibit.name}
              </span>
              {exhibit.inResults === false && <span className="chip chip-warning">{t('exportSummary.notInResults')}</span>}
              <button type="button" className="button button-small" aria-label={t('export.moveUp', { name: exhibit.name })} disabled={index === 0} onClick={() => onChange(moveItem(exhibits, index, index - 1))}>
                ↑
              </button>
              <button type="button" className="button button-small" aria-label={t('export.moveDown', { name: exhibit.name })} disabled={index === exhibits.length - 1} onClick={() => onChange(moveItem(exhibits, index, index + 1))}>
                ↓
              </button>
            </li>
          );
        })}
      </ol>
    </div>
    </>
  );
}
