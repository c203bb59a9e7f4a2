/**
 * Schema 15: number reserved for the exiftool13 branch (its migration, if it lands, takes
 * this place; this placeholder then goes). It changes nothing, so that the provenance
 * store can be schema 16 as agreed while the runner keeps its rule of no gaps.
 */
import type { Migration } from './migration';

export const migration0015: Migration = {
  version: 15,
  name: 'reserved',
  up: '',
};
