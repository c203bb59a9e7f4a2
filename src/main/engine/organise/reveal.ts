/**
 * Revealing one private field's text to prove it: the owner hands someone the text and
 * the salt, and they recompute the commitment the signed `described` event carries
 * (docs/formats.md, "Private fields"). Checked here before it is handed out, so a reveal
 * never claims a text the signed record does not commit to. A read: nothing is recorded.
 */
import { TamgaError } from '../../../shared/errors';
import { PRIVATE_FIELDS, type RevealedField, type RevealRequest } from '../../../shared/organise';
import { readChain } from '../custody/store';
import type { IndexDb } from '../db/open-index';
import { resolveItem } from '../items/item-view';
import { commitment, keptCommitment } from './private-fields';

export function revealPrivateField(db: IndexDb, request: RevealRequest): RevealedField {
  const { field, event: seq } = request;
  if (!(PRIVATE_FIELDS as readonly string[]).includes(field)) throw new TamgaError('INVALID_ARGUMENT', `Only ${PRIVATE_FIELDS.join(' and ')} can be private, not ${JSON.stringify(field)}.`);
  if (!Number.isSafeInteger(seq) || seq < 0) throw new TamgaError('INVALID_ARGUMENT', "The event is its number in the item's custody chain, a whole number from 0.");
  const { id } = resolveItem(db, request.item);
  const record = readChain(db, id).find((r) => r.event.seq === seq);
  const change = (record?.event.data as { changes?: Record<string, { commitment?: unknown }> } | undefined)?.changes?.[field];
  if (record === undefined || record.event.type !== 'described' || typeof change?.commitment !== 'string') {
    throw new TamgaError('NOT_FOUND', `Event ${seq} of item ${id} does not commit to its ${field}.`);
  }
  const kept = keptCommitment(db, id, seq, field);
  if (kept === null) throw new TamgaError('NOT_FOUND', `The salt of the ${field} that event ${seq} of item ${id} commits to is not in this vault's index.`);
  if (kept.value === null) {
    throw new TamgaError('NOT_FOUND', `This vault kept only the salt of the ${field} that event ${seq} of item ${id} commits to (it was written before Tamga kept the text too), so the text cannot be revealed from the vault.`);
  }
  const computed = commitment(kept.salt, kept.value);
  if (computed !== change.commitment) {
    throw new TamgaError('CORRUPT', `The ${field} kept for event ${seq} of item ${id} does not match the commitment in the signed event: the index was changed.`);
  }
  return { itemId: id, event: seq, field, value: kept.value, salt: kept.salt.toString('hex'), commitment: computed, eventHash: record.hash };
}
