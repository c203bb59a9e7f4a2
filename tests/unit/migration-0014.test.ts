// Migration 14 (honest capture times) on a real encrypted index: items that an earlier
// Tamga gave the file's modification time as capture time lose it (the file time stays on
// the acquisition), and instants "known" only from an XMP or IPTC zone become clock times
// with a zone hint. The search index follows, so `taken:` no longer matches them.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { openIndex, type IndexDb } from '../../src/main/engine/db/open-index';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const BEFORE = MIGRATIONS.findIndex((m) => m.version === 14);

async function indexAt13(): Promise<IndexDb> {
  const db = await openIndex(join(await tempDir(), 'index.db'), randomBytes(32), { create: true });
  migrate(db, MIGRATIONS.slice(0, BEFORE));
  return db;
}

interface Old {
  readonly id: string;
  readonly utc: string | null;
  readonly local: string | null;
  readonly source: string;
  readonly capture: Record<string, unknown>;
  readonly kind?: string;
  readonly make?: string;
}

function insert(db: IndexDb, o: Old, n: number): void {
  const metadata = { kind: o.kind ?? 'photo', captureTime: o.capture, problems: [] };
  db.prepare(
    `INSERT INTO items (id, sha256, size, blob_id, imported_at, kind, captured_utc, captured_local, capture_source, make, metadata_json)
     VALUES (?, ?, 1, ?, '2026-12-01T10:00:00.000Z', ?, ?, ?, ?, ?, ?)`,
  ).run(o.id, String(n).repeat(64).slice(0, 64), String(n).repeat(32).slice(0, 32), o.kind ?? 'photo', o.utc, o.local, o.source, o.make ?? null, JSON.stringify(metadata));
  db.prepare(
    `INSERT INTO acquisitions (item_id, source_path, file_size, file_modified, acquired_at) VALUES (?, '/card/x', 1, '2026-12-03T09:00:00.000Z', '2026-12-04T10:00:00.000Z')`,
  ).run(o.id);
}

const row = (db: IndexDb, id: string) => {
  const r = db.prepare('SELECT captured_utc AS utc, captured_local AS local, capture_source AS source, metadata_json AS json FROM items WHERE id = ?').get(id) as {
    utc: string | null;
    local: string | null;
    source: string | null;
    json: string;
  };
  const capturedAt = db.prepare('SELECT captured_at FROM search_items WHERE item_id = ?').pluck().get(id);
  return { utc: r.utc, local: r.local, source: r.source, capture: (JSON.parse(r.json) as { captureTime: unknown }).captureTime, capturedAt };
};
const problemsOf = (db: IndexDb, id: string): string[] => {
  const json = db.prepare('SELECT metadata_json FROM items WHERE id = ?').pluck().get(id) as string;
  return (JSON.parse(json) as { problems: string[] }).problems;
};

describe('migration 14 (honest capture times)', () => {
  it('removes the file-time fallback, keeps the file time on the acquisition, and takes the item out of date searches', async () => {
    const db = await indexAt13();
    insert(db, { id: 'mtime', utc: '2026-12-03T09:00:00Z', local: null, source: 'file-mtime', capture: { local: null, utcOffsetMinutes: null, utc: '2026-12-03T09:00:00Z', source: 'file-mtime', offsetKnown: true, field: 'file modification time' } }, 1);
    const exact = { local: '2021-01-10T08:14:00', utcOffsetMinutes: 360, utc: '2021-01-10T02:14:00Z', source: 'exif', offsetKnown: true, field: 'EXIF DateTimeOriginal + OffsetTimeOriginal' };
    insert(db, { id: 'exif', utc: exact.utc, local: exact.local, source: 'exif', capture: exact }, 2);
    expect(row(db, 'mtime').capturedAt).toBe('2026-12-03T09:00:00Z');
    migrate(db);
    expect(row(db, 'mtime')).toEqual({ utc: null, local: null, source: null, capture: null, capturedAt: '' });
    expect(db.prepare('SELECT file_modified FROM acquisitions WHERE item_id = ?').pluck().get('mtime')).toBe('2026-12-03T09:00:00.000Z');
    expect(row(db, 'exif')).toEqual({ utc: exact.utc, local: exact.local, source: 'exif', capture: exact, capturedAt: exact.utc });
    // File times are searchable as what they are: modified_at, from the first acquisition, now and for later imports.
    expect(db.prepare('SELECT modified_at FROM search_items WHERE item_id = ?').pluck().get('mtime')).toBe('2026-12-03T09:00:00.000Z');
    insert(db, { id: 'later', utc: null, local: null, source: 'exif', capture: { ...exact, local: null } }, 6);
    expect(db.prepare('SELECT modified_at FROM search_items WHERE item_id = ?').pluck().get('later')).toBe('2026-12-03T09:00:00.000Z');
    db.close();
  });

  it('takes 0°, 0° out of the index columns (not a place), keeping it in the metadata', async () => {
    const db = await indexAt13();
    insert(db, { id: 'zero', utc: null, local: '2019-01-01T10:00:00', source: 'exif', capture: { local: '2019-01-01T10:00:00', utcOffsetMinutes: null, utc: null, source: 'exif', offsetKnown: false, field: 'EXIF DateTimeOriginal' } }, 7);
    db.prepare('UPDATE items SET gps_lat = 0, gps_lon = 0 WHERE id = ?').run('zero');
    insert(db, { id: 'rome', utc: null, local: '2011-01-13T14:33:39', source: 'exif', capture: { local: '2011-01-13T14:33:39', utcOffsetMinutes: null, utc: null, source: 'exif', offsetKnown: false, field: 'EXIF DateTimeOriginal' } }, 8);
    db.prepare('UPDATE items SET gps_lat = 41.853, gps_lon = 0 WHERE id = ?').run('rome');
    migrate(db);
    const gps = (id: string) => db.prepare('SELECT i.gps_lat AS lat, i.gps_lon AS lon, s.gps_lat AS slat FROM items i JOIN search_items s ON s.item_id = i.id WHERE i.id = ?').get(id);
    expect(gps('zero')).toEqual({ lat: null, lon: null, slat: null });
    expect(gps('rome')).toEqual({ lat: 41.853, lon: 0, slat: 41.853 });
    db.close();
  });

  it('turns a zone borrowed from XMP, and an XMP or IPTC zone, into a hint: the instant becomes unknown', async () => {
    const db = await indexAt13();
    insert(db, {
      id: 'borrowed',
      utc: '2010-12-12T11:41:35.00Z',
      local: '2010-12-12T12:41:35.00',
      source: 'exif',
      capture: { local: '2010-12-12T12:41:35.00', utcOffsetMinutes: 60, utc: '2010-12-12T11:41:35.00Z', source: 'exif', offsetKnown: true, field: 'EXIF DateTimeOriginal (zone +01:00 from XMP xmp:CreateDate, same clock time)' },
    }, 3);
    insert(db, {
      id: 'iptc',
      utc: '2009-09-09T17:00:00Z',
      local: '2009-09-09T17:00:00',
      source: 'iptc',
      capture: { local: '2009-09-09T17:00:00', utcOffsetMinutes: 0, utc: '2009-09-09T17:00:00Z', source: 'iptc', offsetKnown: true, field: 'IPTC DateCreated + TimeCreated' },
    }, 4);
    insert(db, {
      id: 'gopro',
      kind: 'video',
      make: 'GoPro',
      utc: '2019-07-24T11:25:40Z',
      local: null,
      source: 'mvhd',
      capture: { local: null, utcOffsetMinutes: null, utc: '2019-07-24T11:25:40Z', source: 'mvhd', offsetKnown: true, field: 'mvhd creation time' },
    }, 5);
    migrate(db);
    expect(row(db, 'borrowed')).toEqual({
      utc: null,
      local: '2010-12-12T12:41:35.00',
      source: 'exif',
      capture: {
        local: '2010-12-12T12:41:35.00',
        utcOffsetMinutes: null,
        utc: null,
        source: 'exif',
        offsetKnown: false,
        field: 'EXIF DateTimeOriginal',
        zoneHint: { reason: 'xmp-zone', offsetMinutes: 60, field: 'XMP xmp:CreateDate' },
      },
      capturedAt: '2010-12-12T12:41:35.00',
    });
    expect(row(db, 'iptc').capture).toEqual({
      local: '2009-09-09T17:00:00',
      utcOffsetMinutes: null,
      utc: null,
      source: 'iptc',
      offsetKnown: false,
      field: 'IPTC DateCreated + TimeCreated',
      zoneHint: { reason: 'iptc-zone', offsetMinutes: 0, field: 'IPTC DateCreated + TimeCreated' },
    });
    // The same sentences new imports write (capture-time.ts), so that exports carry the reason.
    expect(problemsOf(db, 'borrowed')).toEqual([
      "XMP xmp:CreateDate states the zone +01:00, but XMP dates are written by editing software (Photoshop, Lightroom, digiKam) in the zone of the computer it ran on, not necessarily the camera's: the zone is a hint, the instant is not known.",
    ]);
    expect(problemsOf(db, 'iptc')).toEqual([
      "IPTC DateCreated + TimeCreated states the zone +00:00, but IPTC times are written by captioning and editing software in the zone of the computer it ran on, not necessarily the camera's: the zone is a hint, the instant is not known.",
    ]);
    expect(problemsOf(db, 'gopro')).toEqual([
      "GoPro cameras write their local clock time into the movie header (mvhd), which the standard says is UTC: 2019-07-24 11:25:40 is the camera's clock, its time zone unknown.",
    ]);
    expect(row(db, 'gopro')).toMatchObject({ utc: null, local: '2019-07-24T11:25:40', capturedAt: '2019-07-24T11:25:40' });
    expect(row(db, 'gopro').capture).toMatchObject({ local: '2019-07-24T11:25:40', utc: null, offsetKnown: false, zoneHint: { reason: 'mvhd-local-clock', camera: 'GoPro', offsetMinutes: null } });
    db.close();
  });
});
