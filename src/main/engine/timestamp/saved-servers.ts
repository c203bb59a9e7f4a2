/**
 * The window's Settings → Timestamp servers: the whole list replaced at once (add, remove
 * and reorder are edits of the list in the window), each address checked as the window
 * checks it (src/shared/timestamp.ts), so that a list the engine keeps can always be asked.
 * Saving is a setting, not an act on evidence: it writes no custody event (the CLI's
 * --save does not either); each token received later is recorded on the vault's chain.
 */
import { TamgaError } from '../../../shared/errors';
import { checkTimestampServers } from '../../../shared/timestamp';
import type { IndexDb } from '../db/open-index';
import { savedTimestampServers, saveTimestampServers } from './vault-stamps';

export function setTimestampServers(db: IndexDb, inputs: unknown): string[] {
  if (!Array.isArray(inputs) || !inputs.every((url) => typeof url === 'string')) throw new TamgaError('INVALID_ARGUMENT', 'urls must be a list of timestamp server addresses.');
  const checked = checkTimestampServers(inputs);
  if ('reason' in checked) {
    const url = inputs[checked.index];
    throw new TamgaError('INVALID_ARGUMENT', url === undefined ? checked.problem : `${checked.problem} (${url})`, { index: checked.index, url: url ?? null, reason: checked.reason });
  }
  saveTimestampServers(db, checked.urls);
  return savedTimestampServers(db);
}
