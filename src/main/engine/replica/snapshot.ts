/**
 * A consistent copy of the encrypted index for a push: SQLite's VACUUM INTO, which writes a
 * fresh database file from one read transaction. With SQLite3 Multiple Ciphers the copy is
 * encrypted with the same cipher and key as the index (the backup API would refuse: it
 * cannot copy into a database that is not encrypted alike). The copy is opened once with
 * the index key before anything is sent, which proves it is readable with the key, and the
 * encrypted files it refers to are read from it, so the push sends exactly what it refers to.
 */
import { randomBytes } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { assertEncryptedOnDisk, openIndex } from '../db/open-index';
import type { OpenVault } from '../vault/vault';
import { referencedBlobs, type BlobRef } from './referenced-blobs';

export interface IndexSnapshot {
  readonly path: string;
  readonly size: number;
  readonly blobs: readonly BlobRef[];
  remove(): Promise<void>;
}

export async function snapshotIndex(vault: OpenVault): Promise<IndexSnapshot> {
  // In tmp/, which the next unlock empties: a push killed here leaves nothing behind for long.
  const path = join(vault.paths.tmpDir, `replica-index-${randomBytes(8).toString('hex')}.db`);
  const remove = (): Promise<void> => rm(path, { force: true });
  try {
    vault.db.prepare('VACUUM INTO ?').run(path);
    await assertEncryptedOnDisk(path);
    const copy = await openIndex(path, vault.keys.index, { create: false, readonly: true });
    let blobs: BlobRef[];
    try {
      blobs = referencedBlobs(copy);
    } finally {
      copy.close();
    }
    return { path, size: (await stat(path)).size, blobs, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
