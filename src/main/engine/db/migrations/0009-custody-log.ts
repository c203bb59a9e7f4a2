/**
 * Schema 9: one append-only log per vault (src/main/engine/custody/vault-log.ts). Every
 * custody event, of every chain, is a leaf of an RFC 9162 Merkle tree in the order it was
 * written: custody_log maps a leaf's index to its event; custody_log_nodes keeps the hash
 * of each complete subtree (level ≥ 1), so a root or a proof reads O(log n) rows; a vault
 * older than this schema gets its leaves here in the order its events were written (their
 * rowid), and its nodes on the next unlock. checkpoints keeps every signed checkpoint the
 * vault made (C2SP signed notes). In the encrypted index like everything else.
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0009: Migration = {
  version: 9,
  name: 'custody-log',
  up: `
    CREATE TABLE custody_log (
      idx   INTEGER PRIMARY KEY CHECK (idx >= 0),  -- the leaf's index, 0, 1, 2 … in the order written
      chain TEXT NOT NULL,
      seq   INTEGER NOT NULL,
      hash  TEXT NOT NULL UNIQUE,                  -- the event's hash (the leaf is its 32 bytes)
      UNIQUE (chain, seq)
    ) STRICT;

    CREATE TABLE custody_log_nodes (
      level INTEGER NOT NULL CHECK (level >= 1),
      idx   INTEGER NOT NULL CHECK (idx >= 0),
      hash  BLOB NOT NULL CHECK (length(hash) = 32), -- MTH of leaves [idx·2^level, (idx+1)·2^level)
      PRIMARY KEY (level, idx)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE checkpoints (
      id      INTEGER PRIMARY KEY,
      size    INTEGER NOT NULL CHECK (size >= 0),
      root    TEXT NOT NULL,                       -- lower-case hex
      note    TEXT NOT NULL,                       -- the signed note, exactly as signed
      made_at TEXT NOT NULL,
      reason  TEXT NOT NULL                        -- 'export', 'audit' or 'request'
    ) STRICT;

    INSERT INTO custody_log (idx, chain, seq, hash)
      SELECT row_number() OVER (ORDER BY rowid) - 1, chain, seq, hash FROM custody_events;
  `,
};
