/**
 * Schema 9: RESERVED for another change being made at the same time (it takes 0009). This
 * placeholder does nothing and exists only because migrate() requires versions 1, 2, 3 …
 * without gaps; when that change is merged, its 0009 replaces this file. Do not ship both.
 */
import type { Migration } from './migration';

export const migration0009: Migration = {
  version: 9,
  name: 'reserved',
  up: `SELECT 1;`,
};
