/**
 * Schema 7: the salts of private-field commitments. A `described` event that changes a
 * private field (notes) records only a commitment to the new text, SHA-256 over a prefix,
 * a random salt and the text (src/main/engine/organise/private-fields.ts); the salt stays
 * here, in the encrypted index, so the owner can later prove what the text was by
 * revealing salt and text, and nobody holding only a bundle can test guesses against it.
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0007: Migration = {
  version: 7,
  name: 'private-fields',
  up: `
    CREATE TABLE private_field_salts (
      chain TEXT NOT NULL,      -- the item id whose chain holds the event
      seq   INTEGER NOT NULL,   -- the event's seq on that chain
      field TEXT NOT NULL,      -- 'notes'
      salt  BLOB NOT NULL,      -- 32 random bytes
      PRIMARY KEY (chain, seq, field)
    ) STRICT;
  `,
};
