/**
 * Schema 16: provenance — what a sender handed over with an item, kept as it came
 * (src/main/engine/provenance/). One `provenance_records` row per receipt of an item
 * (a Tamga bundle's exhibit, later also a BagIt bag's or a ProofMode share's file): who
 * sent it, what the check found, and the sender's own statements (title, tags, …, kept
 * apart from the vault's own fields and never merged into them). `provenance_files` holds
 * the sender's material byte for byte: the custody chain file, the seal, the signer's key,
 * the tag manifest and bag-info that the seal covers, the checkpoint, the proofs,
 * timestamps, earlier hops, proof files; `provenance_contents` their bytes, each distinct
 * content once, by SHA-256. In the encrypted index like everything else;
 * `audit` re-verifies it (provenance-check.ts). Acquisitions gain the record they came
 * with, so that an item received twice shows two acquisitions, each with its hop.
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0016: Migration = {
  version: 16,
  name: 'provenance',
  up: `
    CREATE TABLE provenance_records (
      id                  TEXT PRIMARY KEY,                 -- random UUID
      item_id             TEXT NOT NULL REFERENCES items (id),
      source              TEXT NOT NULL,                    -- what it came in: 'tamga-bundle', 'bagit', 'proofmode', …
      received_at         TEXT NOT NULL,                    -- ISO 8601 UTC, the time of the event below
      event_seq           INTEGER,                          -- the item-chain event that records the receipt ('received'), null when none
      bundle_id           TEXT,                             -- the sender's Tamga-Bundle-Id (or the bag's identifier)
      exhibit             TEXT,                             -- the exhibit number in the sender's bundle
      sender_fingerprint  TEXT,                             -- the sealing key's fingerprint, 64 hex
      sender_name         TEXT,                             -- the known sender's name when the key was one, else null
      tag_manifest_sha256 TEXT,
      verdict             TEXT NOT NULL,                    -- the check's verdict when received
      problems_json       TEXT NOT NULL DEFAULT '[]',       -- the problems accepted: [{code, message}]
      statements_json     TEXT NOT NULL DEFAULT '{}'        -- the sender's statements (docs/formats.md, "Provenance")
    ) STRICT;
    CREATE INDEX provenance_records_item ON provenance_records (item_id, received_at);

    CREATE TABLE provenance_files (
      record_id TEXT NOT NULL REFERENCES provenance_records (id),
      name      TEXT NOT NULL,                              -- relative path, as in a bundle's hop folder
      role      TEXT NOT NULL,                              -- what it is: 'custody-chain', 'seal', …
      sha256    TEXT NOT NULL REFERENCES provenance_contents (sha256),
      PRIMARY KEY (record_id, name)
    ) STRICT, WITHOUT ROWID;

    -- Each distinct content once: every exhibit of one bundle keeps the same tag manifest,
    -- bag-info and proofs, which would otherwise be stored once per exhibit.
    CREATE TABLE provenance_contents (
      sha256  TEXT PRIMARY KEY,                             -- of content, checked by audit
      content BLOB NOT NULL
    ) STRICT, WITHOUT ROWID;

    ALTER TABLE acquisitions ADD COLUMN provenance_id TEXT REFERENCES provenance_records (id);
  `,
};
