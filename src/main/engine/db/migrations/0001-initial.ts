/**
 * Schema 1: vault settings and the items table. Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE items (
      id          TEXT PRIMARY KEY,          -- random UUID, never derived from content
      sha256      TEXT NOT NULL UNIQUE,      -- hex of the original's bytes: the dedup key
      size        INTEGER NOT NULL CHECK (size >= 0),
      blob_id     TEXT NOT NULL UNIQUE,      -- 32 hex, the file name under blobs/
      imported_at TEXT NOT NULL              -- ISO 8601 UTC
    ) STRICT;
  `,
};
