// Migration 5 and its triggers: items that existed before it are searchable after it,
// and every later change to items, tags and case membership shows in search at once,
// whoever made it (the importer, organising, or plain SQL).
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { migrate } from '../../src/main/engine/db/migrate';
import { searchItems } from '../../src/main/engine/search/run-search';
import { addCase, addItem, memoryIndex } from '../helpers/search-db';

const ids = (db: ReturnType<typeof memoryIndex>, query: string): string[] => searchItems(db, { query, limit: 500 }).items.map((i) => i.id).sort();

describe('migration 5 (search)', () => {
  it('indexes the items, tags and cases that were there before it', () => {
    const db = memoryIndex(MIGRATIONS.slice(0, 4));
    const old = addItem(db, { name: 'Петропавловск.mov', kind: 'video', make: 'Apple', model: 'iPhone 12', capturedUtc: '2021-01-10T08:00:00.000Z', tags: ['ballot stuffing'], gps: [54.87, 69.16] });
    db.prepare("UPDATE items SET title = 'Ёлка' WHERE id = ?").run(old);
    addCase(db, 'Almaty kettling', [old]);
    addItem(db, { name: 'other.jpg' });
    expect(migrate(db)).toContain(5);
    for (const query of ['петропавловск', 'iphone', 'елка', 'tag:"ballot stuffing"', 'case:"almaty kettling"', 'taken:2021-01-10', 'near:54.87,69.16,1', 'type:video']) {
      expect(ids(db, query), query).toEqual([old]);
    }
    expect(searchItems(db, { query: '' }).facets?.tags).toEqual([{ value: 'ballot stuffing', count: 1 }]);
  });

  it('adds a place to every item, empty for the ones that existed', () => {
    const db = memoryIndex(MIGRATIONS.slice(0, 4));
    const id = addItem(db);
    migrate(db);
    expect(db.prepare('SELECT place FROM items WHERE id = ?').pluck().get(id)).toBe('');
  });
});

describe('the index follows every change', () => {
  it('re-indexes an item whose texts change, and forgets the old words', () => {
    const db = memoryIndex();
    const id = addItem(db, { title: 'first words' });
    expect(ids(db, 'first')).toEqual([id]);
    db.prepare("UPDATE items SET title = 'second words', place = 'Алматы' WHERE id = ?").run(id);
    expect(ids(db, 'first')).toEqual([]);
    expect(ids(db, 'second алматы')).toEqual([id]);
    expect(ids(db, 'has:title has:place')).toEqual([id]);
  });

  it('follows tags added, removed and renamed, in words, filters and counts', () => {
    const db = memoryIndex();
    const a = addItem(db, { tags: ['police'] });
    const b = addItem(db, { tags: ['police', 'crowd'] });
    expect(ids(db, 'tag:police')).toEqual([a, b].sort());
    db.prepare("DELETE FROM item_tags WHERE item_id = ? AND tag = 'police'").run(b);
    expect(ids(db, 'tag:police')).toEqual([a]);
    expect(ids(db, 'police')).toEqual([a]);
    db.prepare("UPDATE item_tags SET tag = 'полиция' WHERE item_id = ?").run(a);
    expect(ids(db, 'tag:police')).toEqual([]);
    expect(ids(db, 'полиция')).toEqual([a]);
    expect(searchItems(db, { query: '' }).facets?.tags).toEqual([
      { value: 'crowd', count: 1 },
      { value: 'полиция', count: 1 },
    ]);
  });

  it('follows case membership and case names', () => {
    const db = memoryIndex();
    const a = addItem(db);
    const b = addItem(db);
    const c = addCase(db, 'First name', [a]);
    expect(ids(db, 'case:"first name"')).toEqual([a]);
    db.prepare("INSERT INTO case_items (case_id, item_id, added_at) VALUES (?, ?, 'now')").run(c, b);
    db.prepare('DELETE FROM case_items WHERE case_id = ? AND item_id = ?').run(c, a);
    expect(ids(db, 'case:"first name"')).toEqual([b]);
    db.prepare("UPDATE cases SET name = 'Second name' WHERE id = ?").run(c);
    expect(searchItems(db, { query: '' }).facets?.cases).toEqual([{ value: 'Second name', count: 1 }]);
  });

  it('forgets a deleted item everywhere', () => {
    const db = memoryIndex();
    const gone = addItem(db, { title: 'temporary', tags: ['x'] });
    db.prepare('DELETE FROM item_tags WHERE item_id = ?').run(gone);
    db.prepare('DELETE FROM items WHERE id = ?').run(gone);
    expect(searchItems(db, { query: 'temporary' }).total).toBe(0);
    expect(searchItems(db, { query: '' }).total).toBe(0);
    expect(db.prepare('SELECT count(*) FROM search_items').pluck().get()).toBe(0);
  });

  it('indexes tags written before their item, as the benchmark generator writes them', () => {
    const db = memoryIndex();
    const id = 'aaaaaaaa-0000-4000-8000-000000000000';
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      db.prepare("INSERT INTO item_tags (item_id, tag) VALUES (?, 'early')").run(id);
      addItem(db, { id });
    })();
    expect(ids(db, 'tag:early')).toEqual([id]);
    expect(ids(db, 'early')).toEqual([id]);
  });
});
