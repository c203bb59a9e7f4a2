/**
 * Step 1: the exhibits and their order (the order is the numbering E0001, E0002 …).
 * Drag a row, or use its Up and Down buttons from the keyboard.
 */
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem } from './reorder';

export interface ExhibitEntry {
  readonly id: string;
  readonly name: string;
  /** Whether the search on screen when Export was pressed shows it (null: not known); those it does not are marked. */
  readonly inResults?: boolean | null;
}

export function ExhibitOrder({ exhibits, onChange }: { readonly exhibits: readonly ExhibitEntry[]; readonly onChange: (next: ExhibitEntry[]) => void }): JSX.Element {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<number | null>(null);
  const outside = exhibits.filter((e) => e.inResults === false).length;
  return (
    <>
    <p data-testid="export-will-seal">
      {outside === 0 ? t('exportSummary.willSeal', { count: exhibits.length }) : t('exportSummary.willSealOutside', { count: exhibits.length, outside })}
    </p>
    <ol className="exhibit-order" aria-label={t('export.orderLabel')}>
      {exhibits.map((exhibit, index) => (
        <li
          key={exhibit.id}
          className={dragging === index ? 'dragging' : ''}
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
      ))}
    </ol>
    </>
  );
}
