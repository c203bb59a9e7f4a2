// Migration 2 (custody): the custody_events table on a real encrypted index.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { openIndex, type IndexDb } from '../../src/main/engine/db/open-index';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

async function freshDb(): Promise<IndexDb> {
  return openIndex(join(await tempDir(), 'index.db'), randomBytes(32), { create: true });
}

const H1 = 'ab'.repeat(32);
const H2 = 'cd'.repeat(32);
const SIG = '00'.repeat(64);
const AT = '2021-01-10T08:15:00.000Z';

describe('migration 2 (custody)', () => {
  it('is registered as version 2 and applies on top of version 1', async () => {
    expect(MIGRATIONS[1]).toMatchObject({ version: 2, name: 'custody' });
    const db = await freshDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(migrate(db, MIGRATIONS.slice(0, 2))).toEqual([2]);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(2);
    db.close();
  });

  it('creates custody_events with its columns and indexes', async () => {
    const db = await freshDb();
    migrate(db, MIGRATIONS.slice(0, 2));
    const columns = db.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info('custody_events') ORDER BY cid").all();
    expect(columns).toEqual([
      { name: 'chain', type: 'TEXT', notnull: 1, pk: 1 },
      { name: 'seq', type: 'INTEGER', notnull: 1, pk: 2 },
      { name: 'type', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'at', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'event_json', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'hash', type: 'TEXT', notnull: 1, pk: 0 },
      { name: 'signature', type: 'TEXT', notnull: 1, pk: 0 },
    ]);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'custody_events'").pluck().get() as string;
    expect(sql).toMatch(/\)\s*STRICT$/);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'custody_events' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexes).toEqual(['custody_events_by_time', 'custody_events_by_type']);
    db.close();
  });

  it('enforces the primary key (chain, seq), the unique hash, STRICT types and seq >= 0', async () => {
    const db = await freshDb();
    migrate(db, MIGRATIONS.slice(0, 2));
    const insert = db.prepare('INSERT INTO custody_events (chain, seq, type, at, event_json, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?)');
    insert.run('c1', 0, 'acquired', AT, '{}', H1, SIG);
    expect(() => insert.run('c1', 0, 'acquired', AT, '{}', H2, SIG)).toThrow(/UNIQUE constraint failed: custody_events\.chain, custody_events\.seq/);
    expect(() => insert.run('c2', 0, 'acquired', AT, '{}', H1, SIG)).toThrow(/UNIQUE constraint failed: custody_events\.hash/);
    expect(() => insert.run('c1', 'one', 'tagged', AT, '{}', H2, SIG)).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => insert.run('c1', -1, 'tagged', AT, '{}', H2, SIG)).toThrow(/CHECK/);
    expect(() => insert.run('c1', 1, 'tagged', AT, null, H2, SIG)).toThrow(/NOT NULL/);
    insert.run('c1', 1, 'tagged', AT, '{}', H2, SIG);
    insert.run('c2', 0, 'acquired', AT, '{}', 'ef'.repeat(32), SIG); // same seq, other chain: fine
    expect(db.prepare('SELECT count(*) FROM custody_events').pluck().get()).toBe(3);
    db.close();
  });
});
