/**
 * Schema 6: known senders, the keys whose owners this vault's user has confirmed, each
 * under a name (src/shared/senders.ts). In the encrypted index like everything else: who a
 * human rights group trusts is itself sensitive. Adding and removing one is also a custody
 * event on the vault's chain ('sender-added', 'sender-removed'), so a sender slipped in
 * by editing the index shows up against the signed record. Shipped: never edit, add a new
 * migration.
 */
import type { Migration } from './migration';

export const migration0006: Migration = {
  version: 6,
  name: 'known-senders',
  up: `
    CREATE TABLE known_senders (
      fingerprint TEXT PRIMARY KEY,            -- 64 lower-case hex digits, SHA-256 of the raw Ed25519 key
      name        TEXT NOT NULL,               -- NFC, trimmed, e.g. "Observers' vault"
      name_key    TEXT NOT NULL UNIQUE,        -- the name lower-cased: names are unique ignoring case
      added_at    TEXT NOT NULL
    ) STRICT;
  `,
};
