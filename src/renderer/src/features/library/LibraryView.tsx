/**
 * The library: the search's results in the virtualised grid with their selection, the
 * detail pane of the focused item, the quick preview, and what can be done with a
 * selection. Pages of results load as the grid scrolls to them.
 */
import { memo, useCallback, useMemo, useRef, useState, type JSX, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSummary } from '../../../../shared/items';
import type { QuerySelection } from '../../../../shared/organise';
import { formatShortDate } from '../../format/dates';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DetailPane } from '../detail/DetailPane';
import { useMediaUrl } from '../media/MediaUrlContext';
import { QueryProblem } from '../search/QueryProblem';
import { SearchSummary } from '../search/SearchSummary';
import type { SortChoice } from '../search/sort-options';
import { useSearch } from '../search/useSearch';
import { EmptyLibrary } from './EmptyLibrary';
import { GridCell } from './GridCell';
import { PendingCell } from './PendingCell';
import { QuickPreview } from './QuickPreview';
import { SelectionBar } from './SelectionBar';
import { ThumbnailGrid } from './ThumbnailGrid';
import { isSelected, querySelectionOf, selectedInOrder } from './selection';
import { useGridState } from './useGridState';
import { useOutsideResults } from './useOutsideResults';
import { useSelectionCount } from './useSelectionCount';

export interface LibraryViewProps {
  readonly query: string;
  readonly sort: SortChoice;
  /** Changes when items may have changed (an import, a tag, a description). */
  readonly version: number;
  readonly onImport: () => void;
  readonly onFilter: (field: string, value: string) => void;
  /**
   * The actions offered for the selected items (tag, add to case, export), in grid order; `outside`: those the search does not show (null: not known yet).
   * After select-all, `items` is empty and `all` holds the selection as a query with the engine's count of it.
   */
  readonly selectionActions: (items: readonly ItemSummary[], outside: ReadonlySet<string> | null, all: { readonly selection: QuerySelection; readonly count: number } | null) => ReactNode;
  /** Something about an item changed in the detail pane. */
  readonly onChanged: () => void;
}

const cellId = (index: number): string => `cell-${index}`;

interface ConnectedCellProps {
  readonly item: ItemSummary;
  readonly index: number;
  readonly column: number;
  readonly selected: boolean;
  readonly focused: boolean;
  /** Passed down, not looked up per cell: a cell that scrolls in should cost as little as it can. */
  readonly locale: string;
  /** The caption of an item with no capture time ("No capture time"), looked up once for the grid. */
  readonly noCapture: string;
  readonly onClick: (index: number, e: MouseEvent) => void;
  readonly onOpen: () => void;
}

/** Memoised: while the grid scrolls, only cells that appear or change render. */
const ConnectedCell = memo(function ConnectedCell(props: ConnectedCellProps): JSX.Element {
  const url = useMediaUrl(props.item.thumbStatus === 'ok' || props.item.thumbStatus === 'placeholder' ? props.item.id : null, 'grid');
  const when = props.item.capturedLocal ?? props.item.capturedUtc;
  return (
    <GridCell
      item={props.item}
      id={cellId(props.index)}
      thumbnailUrl={url}
      selected={props.selected}
      focused={props.focused}
      date={when === null ? props.noCapture : formatShortDate(when, props.locale)}
      dateUnknown={when === null}
      columnIndex={props.column}
      onClick={(e) => props.onClick(props.index, e)}
      onDoubleClick={props.onOpen}
    />
  );
});

export function LibraryView({ query, sort, version, onImport, onFilter, selectionActions, onChanged }: LibraryViewProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = useSearch(query, sort, version);
  const { itemAt, show } = search;
  const [previewing, setPreviewing] = useState<ItemSummary | null>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const focusedRef = useRef<ItemSummary | null>(null);
  const actions = useMemo(() => ({ preview: () => setPreviewing(focusedRef.current), open: () => detailHeading.current?.focus() }), []);
  const grid = useGridState({ itemAt, loadItems: search.items, total: search.total, query }, actions, `${query}\u0000${sort}`);
  focusedRef.current = grid.focused;
  const previewUrl = useMediaUrl(previewing?.id ?? null, 'preview');

  const { onCellClick, selection, focusIndex } = grid;
  const noCapture = t('captureTimes.gridNone');
  const renderCell = useCallback(
    (index: number, column: number) => {
      const item = itemAt(index);
      if (item === undefined) return <PendingCell key={`pending-${index}`} id={cellId(index)} columnIndex={column} />;
      return <ConnectedCell key={item.id} item={item} index={index} column={column} selected={isSelected(selection, item.id)} focused={index === focusIndex} locale={locale} noCapture={noCapture} onClick={onCellClick} onOpen={actions.open} />;
    },
    [itemAt, selection, focusIndex, locale, noCapture, onCellClick, actions],
  );

  const selected = useMemo(() => selectedInOrder(selection), [selection]);
  const selectedIds = useMemo(() => selected.map((item) => item.id), [selected]);
  const outside = useOutsideResults(query, selectedIds, version);
  const all = useMemo(() => querySelectionOf(selection), [selection]);
  const allCount = useSelectionCount(all, version);

  if (search.error?.code === 'QUERY_INVALID') {
    return (
      <div className="library">
        <section className="library-grid" aria-label={t('library.title')}>
          <QueryProblem error={search.error} />
        </section>
      </div>
    );
  }
  if (search.error !== null) return <ErrorNotice error={search.error} />;
  if (search.loaded && search.total === 0 && query === '') return <EmptyLibrary onImport={onImport} />;
  return (
    <div className="library">
      <section className="library-grid" aria-label={t('library.title')}>
        <SearchSummary query={query} total={search.total} understood={search.understood} notes={search.notes} facets={search.facets} onFilter={onFilter} />
        {grid.selecting > 0 && (
          <p className="selection-bar" role="status">
            {t('library.selecting', { count: grid.selecting, formatted: formatCount(grid.selecting, locale) })}
          </p>
        )}
        {all === null ? (
          <SelectionBar count={selected.length} outside={outside?.size ?? null} onClear={grid.clearSelection}>
            {selectionActions(selected, outside, null)}
          </SelectionBar>
        ) : (
          allCount !== null && (
            <SelectionBar count={allCount} outside={0} onClear={grid.clearSelection}>
              {selectionActions([], null, { selection: all, count: allCount })}
            </SelectionBar>
          )
        )}
        {search.loaded && search.total === 0 ? (
          <p className="empty-result">{t('search.noResults')}</p>
        ) : (
          <ThumbnailGrid count={search.total} label={t('library.gridLabel', { count: search.total, formatted: formatCount(search.total, locale) })} focusIndex={grid.focusIndex} cellId={cellId} renderCell={renderCell} onKeyDown={grid.onKeyDown} onVisibleRange={show} />
        )}
      </section>
      <DetailPane itemId={grid.focused?.id ?? null} headingRef={detailHeading} version={version} onChanged={onChanged} />
      <QuickPreview item={previewing} previewUrl={previewUrl} onClose={() => setPreviewing(null)} />
    </div>
  );
}
