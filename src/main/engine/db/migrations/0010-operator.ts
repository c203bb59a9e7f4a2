/**
 * Schema 10: the vault's operator, who says they are at the keyboard (src/shared/operator.ts):
 * one row or none. In the encrypted index like everything else: who documents abuses is
 * itself sensitive. Each change is also a custody event on the vault's chain ('operator-set'
 * with the record, 'operator-cleared'), and every later event's actor names the operator.
 * Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

export const migration0010: Migration = {
  version: 10,
  name: 'operator',
  up: `
    CREATE TABLE operator (
      id           INTEGER PRIMARY KEY CHECK (id = 1),  -- at most one operator at a time
      name         TEXT NOT NULL,                       -- NFC, trimmed, 1 to 200 characters
      role         TEXT,                                -- NULL when not given (never '')
      organisation TEXT,
      contact      TEXT,
      set_at       TEXT NOT NULL                        -- the operator-set event's time
    ) STRICT;
  `,
};
