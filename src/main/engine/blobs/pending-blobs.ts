/**
 * Crash recovery for encrypted files moved into the vault before their index rows commit.
 *
 * The order is: note the blob id in pending_blobs (committed), rename the file into
 * blobs/ or thumbs/, then in one transaction insert the rows that reference it and delete
 * the note. A crash between the rename and that transaction leaves a noted file that no
 * row references: the next writer deletes it. So `audit` never has to guess whether an
 * unreferenced file is crash debris or evidence whose row was removed: debris is noted.
 */
import type { IndexDb } from '../db/open-index';
import type { BlobArea, BlobStore } from './blob-store';

export function notePending(db: IndexDb, area: BlobArea, blobId: string): void {
  db.prepare('INSERT OR IGNORE INTO pending_blobs (area, blob_id) VALUES (?, ?)').run(area, blobId);
}

/** Call inside the transaction that inserts the rows referencing the blob. */
export function clearPending(db: IndexDb, area: BlobArea, blobId: string): void {
  db.prepare('DELETE FROM pending_blobs WHERE area = ? AND blob_id = ?').run(area, blobId);
}

/** Deletes every noted file and the notes; returns how many files were removed. */
export async function recoverPendingBlobs(db: IndexDb, store: BlobStore): Promise<number> {
  const rows = db.prepare('SELECT area, blob_id AS blobId FROM pending_blobs').all() as Array<{ area: BlobArea; blobId: string }>;
  let removed = 0;
  for (const { area, blobId } of rows) {
    if (await store.remove(area, blobId)) removed += 1;
    clearPending(db, area, blobId);
  }
  return removed;
}
