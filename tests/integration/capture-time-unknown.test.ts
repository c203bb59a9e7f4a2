// A file with no date has no capture time: its modification time stays a file time (on the
// acquisition, shown as such), `taken:`, `after:` and `before:` never match it, `modified:`
// does, and it sorts apart from dated items. A position of exactly 0°, 0° is not a place.
// Real files (made by sharp/libvips) in a real vault, through the engine the window uses.
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { queryItems } from '../../src/main/engine/bundle/export/query-items';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let engine: Engine;
let root: string;
const MODIFIED = new Date('2020-03-15T12:00:00Z');

const image = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } });

beforeAll(async () => {
  const dir = await tempDir();
  const undated = join(dir, 'scan.png');
  await writeFile(undated, await image().png().toBuffer());
  await utimes(undated, MODIFIED, MODIFIED);
  const dated = join(dir, 'dated.jpg');
  await writeFile(dated, await image().jpeg().withExif({ IFD2: { DateTimeOriginal: '2020:03:15 09:30:00', OffsetTimeOriginal: '+06:00' } }).toBuffer());
  await utimes(dated, MODIFIED, MODIFIED);
  const nofix = join(dir, 'nofix.jpg');
  const zero = { GPSLatitudeRef: 'N', GPSLatitude: '0/1 0/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '0/1 0/1 0/1' };
  await writeFile(nofix, await image().jpeg().withExif({ IFD2: { DateTimeOriginal: '2019:01:01 10:00:00' }, IFD3: zero }).toBuffer());
  engine = createEngine({ actor: 'tamga-test' });
  root = join(dir, 'vault');
  await engine.createVault({ path: root, passphrase: PASSPHRASE });
  await engine.importFiles({ paths: [undated, dated, nofix] });
}, 60_000);

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

const names = async (query: string, more: { sort?: 'captured' | 'imported'; order?: 'asc' | 'desc' } = {}): Promise<string[]> =>
  (await engine.searchItems({ query, ...more })).items.map((i) => i.originalName);

describe('a file with no date', () => {
  it('has no capture time; its file time is kept as the file time of its acquisition', async () => {
    const [item] = (await engine.searchItems({ query: 'name:scan' })).items;
    expect(item).toMatchObject({ capturedLocal: null, capturedUtc: null, captureSource: null });
    const detail = await engine.getItem(item?.id ?? '');
    expect(detail.metadata?.captureTime).toBeNull();
    expect(detail.acquisitions[0]?.fileModified).toBe(MODIFIED.toISOString());
  });

  it('is never matched by taken:, after: or before:, and is matched by modified:', async () => {
    expect(await names('taken:2020-03-15')).toEqual(['dated.jpg']);
    expect(await names('taken:..2020-03')).toEqual(['dated.jpg', 'nofix.jpg']);
    expect(await names('before:2021')).toEqual(['dated.jpg', 'nofix.jpg']);
    expect(await names('after:1900')).toEqual(['dated.jpg', 'nofix.jpg']);
    expect((await names('modified:2020-03-15')).sort()).toEqual(['dated.jpg', 'scan.png']);
    expect(await names('modified:2020-03-15 -taken:2020')).toEqual(['scan.png']);
    expect(await names('modified:2019')).toEqual([]);
  });

  it('sorts apart from the dated items, never between them', async () => {
    expect(await names('', { sort: 'captured', order: 'desc' })).toEqual(['dated.jpg', 'nofix.jpg', 'scan.png']);
    expect(await names('', { sort: 'captured', order: 'asc' })).toEqual(['scan.png', 'nofix.jpg', 'dated.jpg']);
  });
});

describe('a position of exactly 0°, 0°', () => {
  it('is kept as recorded in the metadata but is not a place for search', async () => {
    const [item] = (await engine.searchItems({ query: 'name:nofix' })).items;
    expect((await engine.getItem(item?.id ?? '')).metadata?.gps).toMatchObject({ lat: 0, lon: 0 });
    expect(await names('has:gps')).toEqual([]);
    expect(await names('near:0,0,10')).toEqual([]);
  });
});

describe('an export selection by query', () => {
  it('puts the items with no capture time after the dated ones, oldest capture first', async () => {
    await engine.close();
    const vault = await unlockVault(root, PASSPHRASE, { readonly: true });
    try {
      const ids = await queryItems(vault.db)('');
      const name = vault.db.prepare('SELECT original_name FROM items WHERE id = ?').pluck();
      expect(ids.map((id) => name.get(id))).toEqual(['nofix.jpg', 'dated.jpg', 'scan.png']);
    } finally {
      vault.close();
    }
  });
});
