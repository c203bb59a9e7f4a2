/**
 * Schema 12: replicas, off-site copies of the vault's ciphertext (src/main/engine/replica).
 * `replicas` holds each replica's config (a folder path, or an S3 endpoint, bucket, prefix
 * and credentials: the index is the only place they are kept, encrypted) and the last
 * manifest this vault wrote there with its SHA-256, so that a storage that rolls back or
 * swaps manifests is caught. `replica_objects` remembers each object a push has put there
 * (name, size, SHA-256 of its ciphertext), so the next push sends only what is new and a
 * push cut short goes on where it stopped.
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0012: Migration = {
  version: 12,
  name: 'replicas',
  up: `
    CREATE TABLE replicas (
      id             TEXT PRIMARY KEY,                                -- a random UUID, in every manifest
      name           TEXT NOT NULL UNIQUE,
      kind           TEXT NOT NULL CHECK (kind IN ('folder', 's3')),
      config         TEXT NOT NULL,                                   -- JSON, src/shared/replica.ts ReplicaConfig
      added_at       TEXT NOT NULL,
      last_number    INTEGER,                                         -- the last manifest written and recorded
      last_sha256    TEXT,                                            -- SHA-256 of its .json bytes
      last_pushed_at TEXT,
      verify_cursor  TEXT                                             -- where the next sampled verify goes on
    ) STRICT;

    CREATE TABLE replica_objects (
      replica_id TEXT NOT NULL REFERENCES replicas (id) ON DELETE CASCADE,
      name       TEXT NOT NULL,
      size       INTEGER NOT NULL,
      sha256     TEXT NOT NULL,
      PRIMARY KEY (replica_id, name)
    ) STRICT, WITHOUT ROWID;
  `,
};
