/**
 * Schema 13: trusted time for the vault's custody log (src/main/engine/timestamp/
 * checkpoint-stamps.ts). `checkpoint_timestamps` keeps each TSA's whole TimeStampResp
 * (DER) over a checkpoint's signed note (the exact UTF-8 bytes of checkpoints.note), one
 * per checkpoint and TSA. A token over a checkpoint dates every event the log held at that
 * size, exported or not; the same bytes are on the vault chain in a `timestamped` event.
 * In the encrypted index like everything else.
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0013: Migration = {
  version: 13,
  name: 'checkpoint-timestamps',
  up: `
    CREATE TABLE checkpoint_timestamps (
      id            INTEGER PRIMARY KEY,
      checkpoint_id INTEGER NOT NULL REFERENCES checkpoints (id),
      tsa           TEXT NOT NULL,                                     -- the TSA's URL as given
      response      BLOB NOT NULL,                                     -- the TimeStampResp, DER, as the TSA sent it
      gen_time      TEXT NOT NULL,
      token_sha256  TEXT NOT NULL,                                     -- SHA-256 of response
      stamped_at    TEXT NOT NULL,
      UNIQUE (checkpoint_id, tsa)
    ) STRICT;
  `,
};
