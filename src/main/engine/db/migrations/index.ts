/** Every schema migration, in order. Append only; a shipped migration is never edited. */
import { migration0001 } from './0001-initial';
import type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [migration0001];
