/** The encrypted files an index refers to: each item's original and thumbnails (audit checks the same set). */
import type { BlobArea } from '../blobs/blob-store';
import type { IndexDb } from '../db/open-index';

export interface BlobRef {
  readonly area: BlobArea;
  readonly blobId: string;
  readonly itemId: string;
}

export function referencedBlobs(db: IndexDb): BlobRef[] {
  const rows = db.prepare('SELECT id, blob_id, thumb_grid_blob, thumb_preview_blob FROM items ORDER BY rowid').all() as Array<{ id: string; blob_id: string; thumb_grid_blob: string | null; thumb_preview_blob: string | null }>;
  const refs: BlobRef[] = [];
  for (const row of rows) {
    refs.push({ area: 'blobs', blobId: row.blob_id, itemId: row.id });
    for (const thumb of [row.thumb_grid_blob, row.thumb_preview_blob]) if (thumb !== null) refs.push({ area: 'thumbs', blobId: thumb, itemId: row.id });
  }
  return refs;
}
