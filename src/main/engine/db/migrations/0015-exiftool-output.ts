/**
 * Schema 15: ExifTool's whole output per item (metadata/exiftool), for the items ExifTool,
 * the reader of last resort, was asked about. A table of the index rather than an encrypted
 * blob: the index is itself an encrypted database (SQLCipher, the vault's key), so the JSON
 * is encrypted at rest as every other metadata column is; the row is written in the same
 * transaction as its item (nothing to clean up after a crash, no pending-blob bookkeeping),
 * and it travels with the index wherever the index goes (backups, replicas). A separate
 * table and not a column of items: it is large (ExifTool lists every maker-note tag, tens of
 * kilobytes for a raw file) and read only when asked for (the detail pane's raw view, export),
 * so listing items never pages it in. Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0015: Migration = {
  version: 15,
  name: 'exiftool-output',
  up: `
    CREATE TABLE item_exiftool (
      item_id  TEXT PRIMARY KEY REFERENCES items (id),
      version  TEXT NOT NULL,               -- ExifTool's own version, e.g. "13.59"
      args     TEXT NOT NULL,               -- the read arguments, JSON array, e.g. ["-G","-n","-struct","-u"]
      json     TEXT NOT NULL,               -- ExifTool's JSON object for the file, as it printed it
      read_at  TEXT NOT NULL                -- ISO 8601 UTC
    ) STRICT;
  `,
};
