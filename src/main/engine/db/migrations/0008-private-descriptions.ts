/**
 * Schema 8: a description may be private, and a private field's text is kept with its
 * salt. items.description_private marks an item whose description, like notes, is never
 * exported and whose changes custody records as commitments. private_field_salts.value is
 * the text an event committed to, so that the owner can prove any earlier text with
 * `tamga reveal`, not only the current one; it is NULL for commitments made under schema 7
 * (their salt alone lets the owner prove a text they remember). In the encrypted index
 * like everything else. Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0008: Migration = {
  version: 8,
  name: 'private-descriptions',
  up: `
    ALTER TABLE items ADD COLUMN description_private INTEGER NOT NULL DEFAULT 0 CHECK (description_private IN (0, 1));
    ALTER TABLE private_field_salts ADD COLUMN value TEXT;
  `,
};
