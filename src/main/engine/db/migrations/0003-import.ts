/**
 * Schema 3: what an import records. Items gain their description of the content
 * (kind, names, capture time with its source, place, device, legacy hashes, the full
 * metadata as JSON, thumbnails); acquisitions record every time and place a copy of the
 * content came in; imports record each run. Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0003: Migration = {
  version: 3,
  name: 'import',
  up: `
    ALTER TABLE items ADD COLUMN kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('photo', 'video', 'other'));
    ALTER TABLE items ADD COLUMN format TEXT;
    ALTER TABLE items ADD COLUMN mime TEXT;
    -- The name of the first acquisition, for display; every name is kept in acquisitions.
    ALTER TABLE items ADD COLUMN original_name TEXT NOT NULL DEFAULT '';
    ALTER TABLE items ADD COLUMN sha1 TEXT;
    ALTER TABLE items ADD COLUMN md5 TEXT;
    -- Capture time: the instant in UTC when the offset is known, and the clock time as recorded.
    ALTER TABLE items ADD COLUMN captured_utc TEXT;
    ALTER TABLE items ADD COLUMN captured_local TEXT;
    ALTER TABLE items ADD COLUMN capture_source TEXT;
    ALTER TABLE items ADD COLUMN gps_lat REAL;
    ALTER TABLE items ADD COLUMN gps_lon REAL;
    ALTER TABLE items ADD COLUMN make TEXT;
    ALTER TABLE items ADD COLUMN model TEXT;
    ALTER TABLE items ADD COLUMN width INTEGER;
    ALTER TABLE items ADD COLUMN height INTEGER;
    ALTER TABLE items ADD COLUMN duration_seconds REAL;
    -- ExtractedMetadata as JSON: every field with its source, the raw metadata, the problems.
    ALTER TABLE items ADD COLUMN metadata_json TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE items ADD COLUMN metadata_problem_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE items ADD COLUMN thumb_status TEXT;
    ALTER TABLE items ADD COLUMN thumb_grid_blob TEXT;
    ALTER TABLE items ADD COLUMN thumb_preview_blob TEXT;
    ALTER TABLE items ADD COLUMN thumb_reason TEXT;

    -- SQLite cannot add a UNIQUE column; unique indexes do the same (NULLs stay allowed).
    CREATE UNIQUE INDEX items_thumb_grid_blob ON items (thumb_grid_blob);
    CREATE UNIQUE INDEX items_thumb_preview_blob ON items (thumb_preview_blob);
    CREATE INDEX items_imported_at ON items (imported_at);
    CREATE INDEX items_captured_utc ON items (captured_utc);

    CREATE TABLE imports (
      id          TEXT PRIMARY KEY,
      started_at  TEXT NOT NULL,
      finished_at TEXT,
      actor       TEXT NOT NULL,
      summary_json TEXT
    ) STRICT;

    CREATE TABLE acquisitions (
      id             INTEGER PRIMARY KEY,
      item_id        TEXT NOT NULL REFERENCES items (id),
      import_id      TEXT REFERENCES imports (id),
      source_path    TEXT NOT NULL,
      file_size      INTEGER NOT NULL,
      file_modified  TEXT,
      file_created   TEXT,
      acquired_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX acquisitions_item ON acquisitions (item_id);

    -- Encrypted files moved into blobs/ or thumbs/ whose index rows are not committed yet.
    -- A writer that opens the vault deletes what is listed here: the leftovers of a crash.
    CREATE TABLE pending_blobs (
      area    TEXT NOT NULL CHECK (area IN ('blobs', 'thumbs')),
      blob_id TEXT NOT NULL,
      PRIMARY KEY (area, blob_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE item_tags (
      item_id TEXT NOT NULL REFERENCES items (id),
      tag     TEXT NOT NULL,
      PRIMARY KEY (item_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX item_tags_tag ON item_tags (tag, item_id);
  `,
};
