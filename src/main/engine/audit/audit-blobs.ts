/** Reading an original or a thumbnail back for audit: decrypted whole, each chunk authenticated, hashed. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AuditProblem } from '../../../shared/items';
import { TamgaError } from '../../../shared/errors';
import type { BlobArea } from '../blobs/blob-store';
import { BlobDecryptStream } from '../crypto/blob-reader';
import type { OpenVault } from '../vault/vault';

/** Decrypts one blob end to end; returns its SHA-256 and size, or throws CORRUPT/NOT_FOUND. */
export async function hashBlob(vault: OpenVault, area: BlobArea, blobId: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    createReadStream(vault.store.path(area, blobId), { highWaterMark: 1024 * 1024 }),
    new BlobDecryptStream({ blobKey: vault.keys.blob, expectedBlobId: blobId }),
    new Writable({
      write(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done();
      },
    }),
  );
  return { sha256: hash.digest('hex'), size };
}

export function blobProblem(err: unknown, itemId: string, what: 'original' | 'thumbnail'): AuditProblem {
  const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
  const thumb = what === 'thumbnail';
  if (missing) {
    return { code: thumb ? 'THUMB_MISSING' : 'BLOB_MISSING', itemId, message: `Item ${itemId}: the encrypted ${what} is missing from the vault.` };
  }
  const reason = err instanceof TamgaError ? err.message : String(err);
  return { code: thumb ? 'THUMB_CORRUPT' : 'BLOB_CORRUPT', itemId, message: `Item ${itemId}: the encrypted ${what} is damaged. ${reason}` };
}
