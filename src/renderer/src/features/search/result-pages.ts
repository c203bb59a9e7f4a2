/**
 * The results of one search as pages, loaded when they are needed instead of one after
 * the other from the top: the pages the grid shows (only the latest range it asked for,
 * so a range already scrolled past is not loaded), then the pages a selection across
 * items not seen yet needs (`items(from, to)`). Dragging the grid to item 90 000 of
 * 100 000 costs one request for the page there, not 180 for the pages before it.
 *
 * A page is asked for by its offset, or by the cursor of the page before it when that one
 * is here (cheaper: the engine steps to an offset through the index). At most two
 * requests are on their way at once: a third would only wait in the engine behind them,
 * and by then the grid has often moved on. One instance serves one reading of a search;
 * when the results may have changed (an import, a tag) the search is read again into a
 * new instance and this one is stopped, its late answers dropped.
 */
import type { SearchItem, SearchResult } from '../../../../shared/search';

export const PAGE_SIZE = 500;
const MAX_IN_FLIGHT = 2;
/**
 * After a jump (the scroll thumb dragged, End pressed) the pages there are asked for once
 * the grid has stayed put this long: while the thumb is dragged through 100 000 items,
 * asking for every page it passes kept the engine busy on the cores the window needed to
 * draw (31 frames a second instead of 58 at 100 000 items). Scrolling on to the next page
 * loads it at once.
 */
export const SETTLE_MS = 60;

export type PageAt = { readonly offset: number } | { readonly cursor: string };
export type FetchPage = (at: PageAt) => Promise<SearchResult>;
export type Pages = ReadonlyMap<number, readonly SearchItem[]>;

interface Demand {
  readonly first: number;
  readonly last: number;
  readonly settle: (items: SearchItem[] | null) => void;
}

export const pageOf = (index: number): number => Math.floor(index / PAGE_SIZE);

export class ResultPages {
  private readonly pages: Map<number, readonly SearchItem[]>;
  /** The cursor that continues after page n - 1, by n. */
  private readonly cursors = new Map<number, string>();
  private readonly inFlight = new Set<number>();
  /** Pages whose request failed: not asked for again by this instance (a locked vault, say). */
  private readonly failed = new Set<number>();
  private visible: readonly [number, number] = [0, 0];
  private demands: Demand[] = [];
  private stopped = false;
  private settling: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param pages pages already read (page 0 at least, with the total)
   * @param onChange called with a new map each time a page arrives
   */
  constructor(
    private readonly fetchPage: FetchPage,
    readonly total: number,
    pages: Pages,
    private readonly onChange: (pages: Pages) => void,
  ) {
    this.pages = new Map(pages);
  }

  snapshot(): Pages {
    return new Map(this.pages);
  }

  /** The pages of the range the grid last showed (to read again when the results change). */
  visiblePages(): number[] {
    const [first, last] = this.visible;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  }

  /** The grid shows items `from` to `to` (overscan included): load what is missing there. Cheap to call on every frame. */
  show(from: number, to: number): void {
    const [first, last] = [this.clampPage(pageOf(from)), this.clampPage(pageOf(to))];
    const jumped = first > this.visible[1] + 1 || last < this.visible[0] - 1;
    this.visible = [first, last];
    clearTimeout(this.settling);
    if (jumped) this.settling = setTimeout(() => this.pump(), SETTLE_MS);
    else this.pump();
  }

  /** Items `from` to `to` (both included, clamped to the results), loading the pages they are on; null when stopped or a page failed. */
  items(from: number, to: number): Promise<SearchItem[] | null> {
    const last = Math.min(to, this.total - 1);
    if (last < from) return Promise.resolve([]);
    return new Promise((settle) => {
      this.demands.push({ first: pageOf(from), last: pageOf(last), settle: (pages) => settle(pages === null ? null : pages.slice(from - pageOf(from) * PAGE_SIZE, last - pageOf(from) * PAGE_SIZE + 1)) });
      this.settleDemands();
      this.pump();
    });
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.settling);
    for (const demand of this.demands) demand.settle(null);
    this.demands = [];
  }

  private clampPage(page: number): number {
    return Math.max(0, Math.min(page, pageOf(Math.max(0, this.total - 1))));
  }

  private wanted(page: number): boolean {
    return !this.pages.has(page) && !this.inFlight.has(page) && !this.failed.has(page);
  }

  /**
   * The next page to ask for: what the grid shows first, then what selections wait for.
   * Those are read one after the other, each by the cursor of the one before (a select-all
   * of 100 000 items: 200 quick requests), leaving the other request to the grid.
   */
  private nextPage(): number | null {
    const [first, last] = this.visible;
    for (let page = first; page <= last; page++) if (this.wanted(page)) return page;
    for (const demand of this.demands) {
      for (let page = demand.first; page <= demand.last; page++) {
        if (this.inFlight.has(page - 1)) break;
        if (this.wanted(page)) return page;
      }
    }
    return null;
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < MAX_IN_FLIGHT) {
      const page = this.nextPage();
      if (page === null) return;
      this.inFlight.add(page);
      const cursor = this.cursors.get(page);
      this.fetchPage(cursor === undefined ? { offset: page * PAGE_SIZE } : { cursor }).then(
        (result) => this.arrived(page, result),
        () => this.arrived(page, null),
      );
    }
  }

  private arrived(page: number, result: SearchResult | null): void {
    if (this.stopped) return;
    this.inFlight.delete(page);
    if (result === null) this.failed.add(page);
    else {
      this.pages.set(page, result.items);
      if (result.nextCursor !== null) this.cursors.set(page + 1, result.nextCursor);
    }
    this.settleDemands();
    if (result !== null) this.onChange(this.snapshot());
    this.pump();
  }

  private settleDemands(): void {
    this.demands = this.demands.filter((demand) => {
      const pages: (readonly SearchItem[] | undefined)[] = [];
      for (let page = demand.first; page <= demand.last; page++) {
        if (this.failed.has(page)) {
          demand.settle(null);
          return false;
        }
        pages.push(this.pages.get(page));
      }
      if (pages.some((p) => p === undefined)) return true;
      demand.settle(pages.flatMap((p) => p ?? []));
      return false;
    });
  }
}

/** Item `index` of the results, if its page is here. */
export function itemIn(pages: Pages, index: number): SearchItem | undefined {
  return pages.get(pageOf(index))?.[index % PAGE_SIZE];
}
