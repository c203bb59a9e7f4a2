/**
 * Schema 11: trusted time for sealed bundles (src/main/engine/timestamp/vault-stamps.ts).
 * `seals` keeps each exported bundle's seal signature (the 64 bytes of
 * seal/tagmanifest-sha256.txt.sig), written in the same transaction as the export's
 * custody events, so that the vault can ask timestamp servers (TSAs) for RFC 3161
 * timestamps over it later, when it is online; `seal_timestamps` keeps each TSA's whole
 * TimeStampResp (DER), one per bundle and TSA; `timestamp_servers` the TSA addresses the
 * user saved, in order. In the encrypted index like everything else.
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0011: Migration = {
  version: 11,
  name: 'seals',
  up: `
    CREATE TABLE seals (
      bundle_id           TEXT PRIMARY KEY,                            -- Tamga-Bundle-Id
      signature           BLOB NOT NULL CHECK (length(signature) = 64), -- seal/tagmanifest-sha256.txt.sig
      tag_manifest_sha256 TEXT NOT NULL,
      sealed_at           TEXT NOT NULL                                -- Tamga-Sealed-At
    ) STRICT;

    CREATE TABLE seal_timestamps (
      id          INTEGER PRIMARY KEY,
      bundle_id   TEXT NOT NULL REFERENCES seals (bundle_id),
      tsa         TEXT NOT NULL,                                       -- the TSA's URL as given
      response    BLOB NOT NULL,                                       -- the TimeStampResp, DER, as the TSA sent it
      gen_time    TEXT NOT NULL,
      token_sha256 TEXT NOT NULL,                                      -- SHA-256 of response
      stamped_at  TEXT NOT NULL,
      UNIQUE (bundle_id, tsa)
    ) STRICT;

    CREATE TABLE timestamp_servers (
      position INTEGER PRIMARY KEY,
      url      TEXT NOT NULL UNIQUE
    ) STRICT;
  `,
};
