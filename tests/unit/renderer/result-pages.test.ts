// The grid's pages of search results: a jump far down asks for the page there and not the
// pages before it, a selection across pages not read yet waits for them, and answers for
// a reading of the search that was replaced are dropped.
import { describe, expect, it } from 'vitest';
import { itemIn, PAGE_SIZE, ResultPages, SETTLE_MS, type PageAt, type Pages } from '../../../src/renderer/src/features/search/result-pages';
import type { SearchItem, SearchResult } from '../../../src/shared/search';

const TOTAL = 100_000;
const item = (index: number): SearchItem => ({ id: `item-${index}` }) as SearchItem;

/** A search of TOTAL items whose answers wait until the test releases them. */
function fakeSearch() {
  const asked: PageAt[] = [];
  const waiting: (() => void)[] = [];
  const fetchPage = (at: PageAt): Promise<SearchResult> => {
    asked.push(at);
    const offset = 'offset' in at ? at.offset : Number(at.cursor.slice('after-'.length));
    const count = Math.max(0, Math.min(PAGE_SIZE, TOTAL - offset));
    const result = { items: Array.from({ length: count }, (_, i) => item(offset + i)), total: TOTAL, nextCursor: offset + count < TOTAL ? `after-${offset + count}` : null } as unknown as SearchResult;
    return new Promise((resolve) => waiting.push(() => resolve(result)));
  };
  const answer = async (): Promise<void> => {
    while (waiting.length > 0) {
      for (const release of waiting.splice(0)) release();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { asked, fetchPage, answer, inFlight: () => waiting.length };
}

const settled = (): Promise<void> => new Promise((r) => setTimeout(r, SETTLE_MS + 20));
const firstPage: Pages = new Map([[0, Array.from({ length: PAGE_SIZE }, (_, i) => item(i))]]);

describe('result pages', () => {
  it('loads the page a jump lands on, and only that page', async () => {
    const search = fakeSearch();
    let shown: Pages = firstPage;
    const pages = new ResultPages(search.fetchPage, TOTAL, firstPage, (p) => (shown = p));
    pages.show(99_960, 99_999);
    await settled();
    await search.answer();
    expect(search.asked).toEqual([{ offset: 99_500 }]);
    expect(itemIn(shown, 99_999)?.id).toBe('item-99999');
    expect(itemIn(shown, 50_000)).toBeUndefined();
  });

  it('while the grid is dragged through the list, asks only for where it stops', async () => {
    const search = fakeSearch();
    const pages = new ResultPages(search.fetchPage, TOTAL, firstPage, () => undefined);
    // Each frame shows another place.
    for (const at of [10_000, 20_000, 30_000, 40_000, 90_000]) pages.show(at, at + 40);
    expect(search.inFlight()).toBe(0);
    await settled();
    await search.answer();
    expect(search.asked).toEqual([{ offset: 90_000 }]);
  });

  it('scrolling on loads the next pages at once, at most two at a time', async () => {
    const search = fakeSearch();
    const pages = new ResultPages(search.fetchPage, TOTAL, firstPage, () => undefined);
    pages.show(400, 1_100);
    pages.show(900, 1_600);
    expect(search.inFlight()).toBe(2);
    await search.answer();
    expect(search.asked).toEqual([{ offset: 500 }, { offset: 1_000 }, { offset: 1_500 }]);
  });

  it('reads the pages a selection needs one after the other, each by the cursor of the page before', async () => {
    const search = fakeSearch();
    const pages = new ResultPages(search.fetchPage, TOTAL, firstPage, () => undefined);
    const selected = pages.items(250, 1_700);
    await search.answer();
    const items = await selected;
    expect(items?.map((i) => i.id)).toEqual(Array.from({ length: 1_451 }, (_, i) => `item-${250 + i}`));
    expect(search.asked).toEqual([{ offset: 500 }, { cursor: 'after-1000' }, { cursor: 'after-1500' }]);

    const rest = pages.items(1_700, 3_200);
    await search.answer();
    expect((await rest)?.length).toBe(1_501);
    expect(search.asked.slice(3)).toEqual([{ cursor: 'after-2000' }, { cursor: 'after-2500' }, { cursor: 'after-3000' }]);
  });

  it('drops what arrives after it was replaced, and tells a waiting selection so', async () => {
    const search = fakeSearch();
    let changes = 0;
    const pages = new ResultPages(search.fetchPage, TOTAL, firstPage, () => (changes += 1));
    pages.show(60_000, 60_040);
    const selection = pages.items(0, 5_000);
    pages.stop();
    await search.answer();
    expect(await selection).toBeNull();
    expect(changes).toBe(0);
  });

  it('does not ask again for a page whose request failed', async () => {
    let calls = 0;
    const pages = new ResultPages(
      () => {
        calls += 1;
        return Promise.reject(new Error('locked'));
      },
      TOTAL,
      firstPage,
      () => undefined,
    );
    pages.show(70_000, 70_010);
    await settled();
    const selection = pages.items(69_000, 70_010);
    await new Promise((r) => setTimeout(r, 0));
    pages.show(70_000, 70_010);
    await settled();
    // A selection over it fails at once, and asks for nothing.
    expect(await selection).toBeNull();
    expect(calls).toBe(1);
  });
});
