/**
 * Thumbnails for the reports: the item's grid thumbnail (a JPEG of at most 256 pixels a
 * side), decrypted in memory and never written anywhere but into the report. A missing or
 * damaged thumbnail leaves a blank space in the report, not a failed export: the report
 * describes the evidence, the originals and their hashes are the evidence.
 */
import { readFile } from 'node:fs/promises';
import type { BlobStore } from '../../blobs/blob-store';
import { decryptBuffer } from '../../crypto/blob-reader';
import type { Exhibit } from './exhibit';

/** Past this many exhibits the reports leave thumbnails out, so that they stay openable. */
export const MAX_REPORT_THUMBNAILS = 2_000;

/** The largest encrypted thumbnail read (a 256-pixel JPEG is tens of kilobytes). */
const MAX_THUMB_FILE = 4 * 1024 * 1024;

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);

export type ThumbnailLoader = (exhibit: Exhibit, index: number) => Promise<Buffer | null>;

export function thumbnailLoader(store: BlobStore, blobKey: Buffer): ThumbnailLoader {
  return async (exhibit, index) => {
    const blobId = exhibit.item.thumbGridBlob;
    if (blobId === null || index >= MAX_REPORT_THUMBNAILS) return null;
    try {
      const encrypted = await readFile(store.path('thumbs', blobId));
      if (encrypted.length > MAX_THUMB_FILE) return null;
      const jpeg = decryptBuffer(encrypted, { blobKey, expectedBlobId: blobId });
      return jpeg.subarray(0, 3).equals(JPEG_MAGIC) ? jpeg : null;
    } catch {
      return null;
    }
  };
}
