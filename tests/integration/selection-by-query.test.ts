// A selection held as a query (select-all): the engine counts it, and tags or untags every
// item of it in batches, minus the exceptions, plus the additions, each change a custody
// event on the item's own chain, with progress; by-ids requests keep working beside it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { SELECTION_BATCH } from '../../src/main/engine/organise/tags';
import { createVault } from '../../src/main/engine/vault/vault';
import type { ApiEvent } from '../../src/shared/api';
import { addItemsWithCustody } from '../../bench/custody-items';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

// More than two batches, so that batch edges are crossed; every fifth item is a video.
const COUNT = 2 * SELECTION_BATCH + 500;
let engine: Engine;
let ids: string[];
const events: ApiEvent[] = [];

beforeAll(async () => {
  const root = join(await tempDir(), 'vault');
  const vault = await createVault(root, PASSPHRASE);
  try {
    ids = addItemsWithCustody(vault, COUNT);
  } finally {
    vault.close();
  }
  engine = createEngine({ actor: 'tamga-test operator' });
  engine.subscribe((event) => events.push(event));
  await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
}, 120_000);

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

const videos = (): string[] => ids.filter((_, n) => n % 5 === 0);
const lastEvent = async (id: string): Promise<{ type: string; data: unknown; actor: string } | undefined> => {
  const last = (await engine.getItem(id)).custody.at(-1);
  return last === undefined ? undefined : { type: last.event.type, data: last.event.data, actor: last.event.actor };
};

describe('a selection by query', () => {
  it('is counted by the engine: the matches, minus exceptions among them, plus additions outside them', async () => {
    expect(await engine.countSelection({ query: '' })).toBe(COUNT);
    expect(await engine.countSelection({ query: 'type:video' })).toBe(videos().length);
    const photo = ids[1] ?? '';
    const [v0, v1] = videos();
    // An exception outside the matches and an addition inside them change nothing.
    expect(await engine.countSelection({ query: 'type:video', except: [v0 ?? '', photo], also: [photo, photo, v1 ?? ''] })).toBe(videos().length - 1 + 1);
    await expect(engine.countSelection({ query: 'type:video', except: ['0123abcd-0000-4000-8000-000000000000'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(engine.countSelection({ query: 'type:video', also: 'nope' as unknown as string[] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('tags every selected item with one custody event each, none of the exceptions, and reports progress to the total', async () => {
    const except = videos().slice(0, 3);
    const also = [ids[1] ?? '', ids[2] ?? ''];
    events.length = 0;
    const result = await engine.tagSelection({ selection: { query: 'type:video', except, also }, tags: ['Carousel'] });
    const selected = new Set([...videos().filter((id) => !except.includes(id)), ...also]);
    expect(result).toEqual({ changed: selected.size, unchanged: 0 });
    for (const id of ids) {
      const last = await lastEvent(id);
      if (selected.has(id)) expect(last).toEqual({ type: 'tagged', actor: 'tamga-test operator', data: { tag: 'Carousel', old: [], new: ['Carousel'] } });
      else expect(last?.type).toBe('acquired');
    }
    const progress = events.flatMap((e) => (e.type === 'selectionProgress' ? [e.progress] : []));
    expect(progress[0]).toEqual({ done: 0, total: selected.size });
    expect(progress.at(-1)).toEqual({ done: selected.size, total: selected.size });
    expect(progress).toHaveLength(1 + Math.ceil(selected.size / SELECTION_BATCH));
    expect((await engine.searchItems({ query: 'tag:carousel' })).total).toBe(selected.size);
  });

  it('takes the matches as they were at the start: a query the change itself unmatches is tagged to the end', async () => {
    events.length = 0;
    const result = await engine.tagSelection({ selection: { query: '-tag:carousel' }, tags: ['carousel'] });
    // Several batches, each reported.
    expect(events.filter((e) => e.type === 'selectionProgress').length).toBe(1 + Math.ceil(result.changed / SELECTION_BATCH));
    expect(result.changed).toBe(COUNT - (await engine.countSelection({ query: 'type:video' })) + 3 - 2);
    expect((await engine.searchItems({ query: 'tag:carousel' })).total).toBe(COUNT);
  });

  it('untags the same way, and an item without the tag is counted unchanged with nothing recorded', async () => {
    const keep = ids[7] ?? '';
    await engine.untagItems({ items: [keep], tags: ['carousel'] });
    const before = (await engine.getItem(keep)).custody.length;
    const result = await engine.untagSelection({ selection: { query: '' }, tags: ['CAROUSEL'] });
    expect(result).toEqual({ changed: COUNT - 1, unchanged: 1 });
    expect((await engine.getItem(keep)).custody.length).toBe(before);
    expect(await lastEvent(ids[0] ?? '')).toMatchObject({ type: 'untagged', data: { tag: 'Carousel', new: [] } });
    expect((await engine.searchItems({ query: 'tag:carousel' })).total).toBe(0);
  });

  it('refuses a request without usable tags or a selection before changing anything', async () => {
    await expect(engine.tagSelection({ selection: { query: '' }, tags: [] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.tagSelection({ selection: null as unknown as { query: string }, tags: ['x'] })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect((await engine.searchItems({ query: 'tag:x' })).total).toBe(0);
  });
});
