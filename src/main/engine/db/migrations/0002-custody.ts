/**
 * Schema 2: the custody log. One row per event; `event_json` is the event's RFC 8785
 * canonical form exactly as hashed and signed (src/main/engine/custody/event.ts), `type`
 * and `at` are copies of its members for listing (audit checks that they agree).
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0002: Migration = {
  version: 2,
  name: 'custody',
  up: `
    CREATE TABLE custody_events (
      chain      TEXT NOT NULL,             -- item id, or 'vault:<vault id>'
      seq        INTEGER NOT NULL CHECK (seq >= 0),
      type       TEXT NOT NULL,
      at         TEXT NOT NULL,             -- ISO 8601 UTC with milliseconds
      event_json TEXT NOT NULL,             -- the canonical JSON exactly as hashed
      hash       TEXT NOT NULL UNIQUE,      -- SHA-256 of event_json, lower-case hex
      signature  TEXT NOT NULL,             -- Ed25519, lower-case hex
      PRIMARY KEY (chain, seq)
    ) STRICT;

    CREATE INDEX custody_events_by_type ON custody_events (type, at);
    CREATE INDEX custody_events_by_time ON custody_events (at);
  `,
};
