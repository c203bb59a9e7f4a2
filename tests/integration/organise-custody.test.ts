// Describing, tagging and filing items in cases: every change lands on the item's signed
// custody chain with the old and the new value, a change that changes nothing records
// nothing, bulk requests are all or nothing, and `audit` stays clean throughout.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import type { CustodyRecord } from '../../src/shared/custody';
import { REAL } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let engine: Engine;
let root: string;
let ids: string[];

beforeAll(async () => {
  root = join(await tempDir(), 'vault');
  engine = createEngine({ actor: 'tamga-test operator' });
  await engine.createVault({ path: root, passphrase: PASSPHRASE });
  const files = ['mei/Canon EOS 7D.jpg', 'mei/with-gps.mov', 'exiftool/Apple.jpg', 'mei/Nikon D5000.jpg', 'mei/sample.3gp'];
  const summary = await engine.importFiles({ paths: files.map((f) => join(REAL, f)) });
  ids = summary.imported.map((f) => f.itemId);
}, 120_000);

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

const first = (): string => ids[0] ?? '';
const chain = async (id: string): Promise<CustodyRecord[]> => [...(await engine.getItem(id)).custody];
const lastEvents = async (id: string, n: number): Promise<Array<{ type: string; data: unknown; actor: string }>> =>
  (await chain(id)).slice(-n).map((r) => ({ type: r.event.type, data: r.event.data, actor: r.event.actor }));

describe('describing items', () => {
  it('records each changed field with its old and new text (notes, private, as a commitment only), and shows the new text', async () => {
    const id = first();
    await engine.describeItems({ items: [id], title: 'УИК № 660', description: 'Вброс бюллетеней\r\nвторая строка' });
    await engine.describeItems({ items: [id], title: 'PS 660', notes: 'seen twice', description: 'Вброс бюллетеней\nвторая строка' });
    expect(await lastEvents(id, 2)).toEqual([
      { type: 'described', actor: 'tamga-test operator', data: { changes: { title: { old: '', new: 'УИК № 660' }, description: { old: '', new: 'Вброс бюллетеней\nвторая строка' } } } },
      { type: 'described', actor: 'tamga-test operator', data: { changes: { title: { old: 'УИК № 660', new: 'PS 660' }, notes: { commitment: expect.stringMatching(/^[0-9a-f]{64}$/) } } } },
    ]);
    expect(JSON.stringify(await chain(id))).not.toContain('seen twice');
    expect(await engine.getItemDescription(id)).toMatchObject({ title: 'PS 660', notes: 'seen twice', description: 'Вброс бюллетеней\nвторая строка' });
  });

  it('records nothing when nothing changes, and refuses a request with nothing to set', async () => {
    const id = first();
    const before = (await chain(id)).length;
    expect(await engine.describeItems({ items: [id], title: '  PS 660 ' })).toEqual({ changed: [], unchanged: [id] });
    expect((await chain(id)).length).toBe(before);
    await expect(engine.describeItems({ items: [id] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('clears a field with an empty text, on the record too', async () => {
    const id = first();
    await engine.describeItems({ items: [id], notes: '' });
    expect(await lastEvents(id, 1)).toMatchObject([{ type: 'described', data: { changes: { notes: { commitment: expect.stringMatching(/^[0-9a-f]{64}$/) } } } }]);
    expect((await engine.getItemDescription(id)).notes).toBe('');
  });

  it('refuses text past its limit and changes nothing', async () => {
    await expect(engine.describeItems({ items: [first()], title: 'x'.repeat(501) })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await engine.getItemDescription(first())).title).toBe('PS 660');
  });
});

describe('tags', () => {
  it('records one event per tag added or removed, with the item\'s tag list before and after', async () => {
    const [a, b] = ids as [string, string];
    expect(await engine.tagItems({ items: [a, b], tags: ['ballot stuffing', 'Вброс'] })).toEqual({ changed: [a, b], unchanged: [] });
    expect(await lastEvents(b, 2)).toMatchObject([
      { type: 'tagged', data: { tag: 'ballot stuffing', old: [], new: ['ballot stuffing'] } },
      { type: 'tagged', data: { tag: 'Вброс', old: ['ballot stuffing'], new: ['ballot stuffing', 'Вброс'] } },
    ]);
    await engine.untagItems({ items: [b], tags: ['вброс'] });
    expect(await lastEvents(b, 1)).toMatchObject([{ type: 'untagged', data: { tag: 'Вброс', old: ['ballot stuffing', 'Вброс'], new: ['ballot stuffing'] } }]);
  });

  it('keeps the vault\'s spelling of a tag instead of making a second one that differs in case', async () => {
    const c = ids[2] ?? '';
    await engine.tagItems({ items: [c], tags: ['BALLOT STUFFING', 'Ballot Stuffing'] });
    expect((await engine.getItemDescription(c)).tags).toEqual(['ballot stuffing']);
    expect((await engine.listTags()).map((t) => t.value)).not.toContain('BALLOT STUFFING');
  });

  it('records nothing for tags already there or already gone, and refuses unusable tags', async () => {
    const a = first();
    const before = (await chain(a)).length;
    expect(await engine.tagItems({ items: [a], tags: ['ballot stuffing'] })).toEqual({ changed: [], unchanged: [a] });
    expect(await engine.untagItems({ items: [a], tags: ['never there'] })).toEqual({ changed: [], unchanged: [a] });
    expect((await chain(a)).length).toBe(before);
    await expect(engine.tagItems({ items: [a], tags: ['   '] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.tagItems({ items: [a], tags: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('cases', () => {
  it('creates cases with unique names, ignoring case, and renames and describes them', async () => {
    const created = await engine.createCase({ name: '  Almaty   kettling 2021-01-10 ', description: 'Protest of 10 January' });
    expect(created).toMatchObject({ name: 'Almaty kettling 2021-01-10', description: 'Protest of 10 January', itemCount: 0 });
    await expect(engine.createCase({ name: 'ALMATY KETTLING 2021-01-10' })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const renamed = await engine.updateCase({ case: 'almaty kettling 2021-01-10', name: 'Almaty kettling, 10 January 2021' });
    expect(renamed).toMatchObject({ id: created.id, name: 'Almaty kettling, 10 January 2021', description: 'Protest of 10 January' });
    await expect(engine.updateCase({ case: 'no such case', description: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records adding and removing items with the case and the item\'s cases before and after', async () => {
    const [a, b, c] = ids as [string, string, string];
    const target = (await engine.listCases()).find((x) => x.name.startsWith('Almaty'));
    expect(await engine.addToCase({ case: target?.id ?? '', items: [a, b, c, a] })).toEqual({ changed: [a, b, c], unchanged: [] });
    expect(await lastEvents(a, 1)).toEqual([
      {
        type: 'added-to-case',
        actor: 'tamga-test operator',
        data: { caseId: target?.id, caseName: 'Almaty kettling, 10 January 2021', old: [], new: ['Almaty kettling, 10 January 2021'] },
      },
    ]);
    expect(await engine.addToCase({ case: 'almaty kettling, 10 january 2021', items: [a] })).toEqual({ changed: [], unchanged: [a] });
    expect(await engine.removeFromCase({ case: target?.id ?? '', items: [c] })).toEqual({ changed: [c], unchanged: [] });
    expect(await lastEvents(c, 1)).toMatchObject([{ type: 'removed-from-case', data: { old: ['Almaty kettling, 10 January 2021'], new: [] } }]);
    expect((await engine.listCases()).find((x) => x.id === target?.id)?.itemCount).toBe(2);
    expect((await engine.getItemDescription(a)).cases).toEqual([{ id: target?.id, name: 'Almaty kettling, 10 January 2021' }]);
  });
});

describe('bulk requests', () => {
  it('are all or nothing: one unknown item and no item changes, no event is written', async () => {
    const lengths = await Promise.all(ids.map(async (id) => (await chain(id)).length));
    await expect(engine.tagItems({ items: [...ids, 'ffffffffffffffff'], tags: ['bulk'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await Promise.all(ids.map(async (id) => (await chain(id)).length))).toEqual(lengths);
    expect((await engine.searchItems({ query: 'tag:bulk' })).total).toBe(0);
  });

  it('accept items by SHA-256 prefix and tag a whole selection in one call', async () => {
    const shas = await Promise.all(ids.map(async (id) => (await engine.getItem(id)).sha256.slice(0, 12)));
    expect((await engine.tagItems({ items: shas, tags: ['reviewed'] })).changed).toEqual(ids);
    expect((await engine.searchItems({ query: 'tag:reviewed' })).total).toBe(ids.length);
  });
});

describe('the record stays sound', () => {
  it('audit finds every chain intact after all of the above', async () => {
    const report = await engine.auditVault();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('a read-only session cannot organise', async () => {
    const reader = createEngine();
    await engine.lockVault();
    try {
      await reader.unlockVault({ path: root, passphrase: PASSPHRASE, readonly: true });
      await expect(reader.tagItems({ items: [first()], tags: ['x'] })).rejects.toMatchObject({ code: 'READ_ONLY' });
      expect((await reader.searchItems({ query: 'tag:reviewed' })).total).toBe(ids.length);
    } finally {
      await reader.close();
      await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    }
  });
});
