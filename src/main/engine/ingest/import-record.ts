/**
 * What the `imports` row keeps of a run (its `summary_json`): the counts, and for a run
 * that ended early (stopped, cancelled, locked) which files were archived and which not,
 * so that the window can say after the next unlock exactly what a lock stopped and import
 * the rest again. The row is in the encrypted index like every path it names.
 */
import type { ImportSummary, InterruptedImport } from '../../../shared/import';
import type { IndexDb } from '../db/open-index';

interface ImportRecord extends Record<string, unknown> {
  readonly interrupted?: {
    readonly by: 'lock' | 'cancel' | 'stopped';
    readonly filesTotal: number;
    readonly tags: readonly string[];
    readonly archived: InterruptedImport['archived'];
    readonly notImported: readonly string[];
  };
}

export function importRecord(summary: ImportSummary, filesTotal: number): ImportRecord {
  const ended = summary.cancelled || summary.stopped !== null;
  if (!ended) return { ...summary.counts };
  return {
    ...summary.counts,
    interrupted: {
      by: summary.stoppedByLock ? 'lock' : summary.stopped !== null ? 'stopped' : 'cancel',
      filesTotal,
      tags: summary.tags,
      archived: summary.imported.map((f) => ({ path: f.path, itemId: f.itemId, isNew: f.isNew })),
      notImported: summary.notImported,
    },
  };
}

/** The import `importId` as recorded, when a lock stopped it; null otherwise (or when its row is missing). */
export function readInterruptedImport(db: IndexDb, importId: string): InterruptedImport | null {
  const row = db.prepare('SELECT started_at AS startedAt, finished_at AS finishedAt, summary_json AS json FROM imports WHERE id = ?').get(importId) as
    | { startedAt: string; finishedAt: string | null; json: string | null }
    | undefined;
  if (row === undefined || row.json === null || row.finishedAt === null) return null;
  const record = JSON.parse(row.json) as ImportRecord & { failed?: number; skipped?: number };
  const interrupted = record.interrupted;
  if (interrupted?.by !== 'lock') return null;
  return {
    importId,
    startedAt: row.startedAt,
    stoppedAt: row.finishedAt,
    filesTotal: interrupted.filesTotal,
    archived: interrupted.archived,
    notImported: interrupted.notImported,
    failed: typeof record.failed === 'number' ? record.failed : 0,
    skipped: typeof record.skipped === 'number' ? record.skipped : 0,
    tags: interrupted.tags,
  };
}
