/**
 * One item in the grid: its thumbnail (through the media protocol) or a kind icon, and
 * its name and date as text. Names come from evidence: they are only ever text nodes.
 */
import { memo, type JSX, type MouseEvent } from 'react';
import type { ItemSummary } from '../../../../shared/items';
import { Icon } from '../../ui/icons';

export interface GridCellProps {
  readonly item: ItemSummary;
  readonly id: string;
  readonly thumbnailUrl: string | undefined;
  readonly selected: boolean;
  readonly focused: boolean;
  readonly date: string;
  /** True when `date` is the wording for "no capture time", not a date. */
  readonly dateUnknown?: boolean;
  readonly columnIndex: number;
  readonly onClick: (event: MouseEvent) => void;
  readonly onDoubleClick: () => void;
}

export const GridCell = memo(function GridCell({ item, id, thumbnailUrl, selected, focused, date, dateUnknown = false, columnIndex, onClick, onDoubleClick }: GridCellProps): JSX.Element {
  const hasThumb = item.thumbStatus === 'ok' || item.thumbStatus === 'placeholder';
  return (
    <div
      id={id}
      role="gridcell"
      aria-selected={selected}
      aria-colindex={columnIndex + 1}
      className={`cell${selected ? ' cell-selected' : ''}${focused ? ' cell-focused' : ''}`}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      data-item={item.id}
    >
      <div className="cell-thumb">
        {hasThumb && thumbnailUrl !== undefined ? (
          <img src={thumbnailUrl} alt="" draggable={false} decoding="async" />
        ) : (
          <Icon name={item.kind === 'video' ? 'video' : item.kind === 'photo' ? 'photo' : 'file'} size={40} />
        )}
        {item.kind === 'video' && (
          <span className="cell-kind">
            <Icon name="video" size={14} />
          </span>
        )}
      </div>
      <span className="cell-name" title={item.originalName} translate="no">
        {item.originalName}
      </span>
      <span className={dateUnknown ? 'cell-date cell-date-none' : 'cell-date'}>{date}</span>
    </div>
  );
});
