/**
 * A throw-away index for search unit tests: an in-memory SQLite database brought to the
 * current schema (no vault, no encryption: the SQL is the same), and a terse way to add
 * items, tags and cases to it.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from '../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import type { IndexDb } from '../../src/main/engine/db/open-index';

export function memoryIndex(migrations = MIGRATIONS): IndexDb {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations);
  return db;
}

export interface TestItem {
  readonly id?: string;
  readonly kind?: 'photo' | 'video' | 'other';
  readonly name?: string;
  readonly capturedUtc?: string | null;
  readonly capturedLocal?: string | null;
  readonly importedAt?: string;
  readonly gps?: readonly [number, number];
  readonly make?: string;
  readonly model?: string;
  readonly title?: string;
  readonly description?: string;
  readonly notes?: string;
  readonly place?: string;
  readonly tags?: readonly string[];
}

let counter = 0;

/** Inserts one item (with its tags) and returns its id. Columns of later schemas are set only when asked for. */
export function addItem(db: IndexDb, item: TestItem = {}): string {
  counter += 1;
  const id = item.id ?? randomUUID();
  db.prepare(
    `INSERT INTO items (id, sha256, size, blob_id, imported_at, kind, original_name, captured_utc, captured_local, gps_lat, gps_lon, make, model)
     VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    counter.toString(16).padStart(64, '0'),
    counter.toString(16).padStart(32, '0'),
    item.importedAt ?? '2024-01-01T00:00:00.000Z',
    item.kind ?? 'photo',
    item.name ?? `IMG_${counter}.JPG`,
    item.capturedUtc ?? null,
    item.capturedLocal ?? null,
    item.gps?.[0] ?? null,
    item.gps?.[1] ?? null,
    item.make ?? null,
    item.model ?? null,
  );
  for (const field of ['title', 'description', 'notes', 'place'] as const) {
    if (item[field] !== undefined) db.prepare(`UPDATE items SET ${field} = ? WHERE id = ?`).run(item[field], id);
  }
  for (const tag of item.tags ?? []) db.prepare('INSERT INTO item_tags (item_id, tag) VALUES (?, ?)').run(id, tag);
  return id;
}

export function addCase(db: IndexDb, name: string, itemIds: readonly string[]): string {
  const id = randomUUID();
  db.prepare("INSERT INTO cases (id, name, created_at) VALUES (?, ?, '2024-01-01T00:00:00.000Z')").run(id, name);
  for (const itemId of itemIds) db.prepare("INSERT INTO case_items (case_id, item_id, added_at) VALUES (?, ?, '2024-01-01T00:00:00.000Z')").run(id, itemId);
  return id;
}
