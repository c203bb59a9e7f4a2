// The migration runner and each migration, on a real (encrypted) SQLite file.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchemaVersion, latestSchemaVersion, migrate, schemaVersion } from '../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { openIndex, type IndexDb } from '../../src/main/engine/db/open-index';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

async function freshDb(): Promise<IndexDb> {
  return openIndex(join(await tempDir(), 'index.db'), randomBytes(32), { create: true });
}

function tables(db: IndexDb): string[] {
  return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

describe('the migration runner', () => {
  it('numbers migrations 1, 2, 3 … with no gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('brings a new database to the latest version and is a no-op the second time', async () => {
    const db = await freshDb();
    expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('refuses a database from the future without changing it', async () => {
    const db = await freshDb();
    migrate(db);
    db.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_VERSION' }));
    expect(() => checkSchemaVersion(db)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_VERSION' }));
    expect(schemaVersion(db)).toBe(latestSchemaVersion() + 1);
    db.close();
  });

  it('rolls back a failing migration entirely, user_version included', async () => {
    const db = await freshDb();
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', up: 'CREATE TABLE half (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(latestSchemaVersion());
    expect(tables(db)).not.toContain('half');
    db.close();
  });
});

describe('migration 1 (initial)', () => {
  it('creates settings and items, with sha256 and blob_id unique', async () => {
    const db = await freshDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(tables(db)).toEqual(['items', 'settings']);
    const insert = db.prepare('INSERT INTO items (id, sha256, size, blob_id, imported_at) VALUES (?, ?, ?, ?, ?)');
    insert.run('a', 'ff'.repeat(32), 1, '00'.repeat(16), '2026-01-01T00:00:00Z');
    expect(() => insert.run('b', 'ff'.repeat(32), 1, '11'.repeat(16), '2026-01-01T00:00:00Z')).toThrow(/UNIQUE/);
    expect(() => insert.run('c', 'ee'.repeat(32), -1, '22'.repeat(16), '2026-01-01T00:00:00Z')).toThrow(/CHECK/);
    db.close();
  });
});

function columns(db: IndexDb, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).sort();
}

describe('migration 3 (import)', () => {
  it('adds the described columns, acquisitions, imports, pending blobs and tags', async () => {
    const db = await freshDb();
    migrate(db, MIGRATIONS.slice(0, 3));
    expect(columns(db, 'items')).toEqual(expect.arrayContaining(['kind', 'captured_utc', 'gps_lat', 'metadata_json', 'thumb_grid_blob']));
    expect(tables(db)).toEqual(expect.arrayContaining(['acquisitions', 'imports', 'pending_blobs', 'item_tags']));
    db.prepare("INSERT INTO items (id, sha256, size, blob_id, imported_at) VALUES ('a', 'aa', 1, 'b1', 'now')").run();
    // Existing rows get safe defaults; an unknown kind is refused.
    expect(db.prepare("SELECT kind, metadata_json FROM items WHERE id = 'a'").get()).toEqual({ kind: 'other', metadata_json: '{}' });
    expect(() => db.prepare("UPDATE items SET kind = 'audio' WHERE id = 'a'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO acquisitions (item_id, source_path, file_size, acquired_at) VALUES ('nope', '/x', 1, 'now')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 4 (organise)', () => {
  it('adds title, description, notes and cases with unique names', async () => {
    const db = await freshDb();
    migrate(db, MIGRATIONS.slice(0, 4));
    expect(columns(db, 'items')).toEqual(expect.arrayContaining(['title', 'description', 'notes']));
    db.prepare("INSERT INTO cases (id, name, created_at) VALUES ('c1', 'Almaty kettling 2021-01-10', 'now')").run();
    expect(() => db.prepare("INSERT INTO cases (id, name, created_at) VALUES ('c2', 'Almaty kettling 2021-01-10', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO case_items (case_id, item_id, added_at) VALUES ('c1', 'missing', 'now')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
