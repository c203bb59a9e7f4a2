/**
 * What the last lock stopped (an import, an export), kept between a lock and the next
 * unlock of the same vault, to be told once. Only ids and the export's path outlive the
 * lock; what the import archived is read back from the vault's own record
 * (ingest/import-record.ts) once it is open again.
 */
import type { InterruptedWork } from '../../shared/import';
import type { LockReason } from '../../shared/session';
import { readInterruptedImport } from './ingest/import-record';
import type { IndexDb } from './db/open-index';

interface Stopped {
  readonly vaultId: string;
  readonly reason: LockReason;
  readonly importId: string | null;
  readonly exportTo: string | null;
}

export class InterruptedWorkRecord {
  private stopped: Stopped | null = null;

  /** Called by a lock once its work has stopped; nothing is kept when nothing was stopped. */
  record(stopped: Stopped): void {
    if (stopped.importId !== null || stopped.exportTo !== null) this.stopped = stopped;
  }

  /** What the last lock stopped in this vault, once; null for another vault or when nothing was. */
  take(vaultId: string, db: IndexDb): InterruptedWork | null {
    const stopped = this.stopped;
    if (stopped === null || stopped.vaultId !== vaultId) return null;
    this.stopped = null;
    return {
      reason: stopped.reason,
      import: stopped.importId === null ? null : readInterruptedImport(db, stopped.importId),
      export: stopped.exportTo === null ? null : { outPath: stopped.exportTo },
    };
  }
}
