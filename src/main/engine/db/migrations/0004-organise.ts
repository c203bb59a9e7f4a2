/**
 * Schema 4: what people add to items. A title, a description and free notes per item,
 * and cases (named collections with their own description) with their members. Tags
 * already live in item_tags (schema 3). Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0004: Migration = {
  version: 4,
  name: 'organise',
  up: `
    ALTER TABLE items ADD COLUMN title TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN description TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN notes TEXT NOT NULL DEFAULT '';

    CREATE TABLE cases (
      id          TEXT PRIMARY KEY,            -- random UUID
      name        TEXT NOT NULL UNIQUE,        -- NFC, trimmed, e.g. "Almaty kettling 2021-01-10"
      description TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE case_items (
      case_id  TEXT NOT NULL REFERENCES cases (id),
      item_id  TEXT NOT NULL REFERENCES items (id),
      added_at TEXT NOT NULL,
      PRIMARY KEY (case_id, item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX case_items_item ON case_items (item_id, case_id);
  `,
};
