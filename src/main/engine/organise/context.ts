/**
 * What organising needs from the open vault: the index, the key that signs custody
 * events, and who acts. Every change runs in one IMMEDIATE transaction together with
 * the custody events that record it, so both or neither are kept.
 */
import type { Signer } from '../crypto/signing';
import type { IndexDb } from '../db/open-index';

export interface OrganiseContext {
  readonly db: IndexDb;
  readonly signer: Signer;
  readonly actor: string;
}

/** Runs `work` in one write transaction (taken at once, so a concurrent writer waits here, not midway). */
export function inWriteTransaction<T>(db: IndexDb, work: () => T): T {
  return db.transaction(work).immediate();
}
