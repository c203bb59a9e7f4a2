/**
 * Extracting an original: decrypts the archived copy to a file the user names, checks
 * the SHA-256 of what was written against the item's before keeping it, and logs an
 * `extracted` custody event. The file is written under a temporary name next to the
 * target and renamed only once complete and verified, so a failure leaves nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExtractRequest, ExtractResult } from '../../../shared/items';
import { TamgaError } from '../../../shared/errors';
import { BlobDecryptStream } from '../crypto/blob-reader';
import { appendEvent } from '../custody/store';
import { fromFsError } from '../fs/fs-errors';
import type { OpenVault } from '../vault/vault';
import { resolveItem } from './item-view';

async function mustNotExist(path: string): Promise<void> {
  try {
    await access(path);
  } catch {
    return;
  }
  throw new TamgaError('ALREADY_EXISTS', `${path} exists already; choose a new file name (nothing is overwritten).`);
}

export async function extractItem(vault: OpenVault, request: ExtractRequest): Promise<ExtractResult> {
  const row = resolveItem(vault.db, request.item);
  const outPath = resolve(request.outPath);
  await mustNotExist(outPath);
  const temp = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(6).toString('hex')}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const tally = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(
      createReadStream(vault.store.path('blobs', row.blobId), { highWaterMark: 1024 * 1024 }),
      new BlobDecryptStream({ blobKey: vault.keys.blob, expectedBlobId: row.blobId }),
      tally,
      createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
    );
    const sha256 = hash.digest('hex');
    if (sha256 !== row.sha256 || size !== row.size) {
      throw new TamgaError('CORRUPT', `The archived copy of item ${row.id} does not match its recorded SHA-256; nothing was written.`, {
        itemId: row.id,
      });
    }
    const handle = await open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
    await mustNotExist(outPath);
    await rename(temp, outPath);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    if (err instanceof TamgaError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !(err as NodeJS.ErrnoException).path?.startsWith(dirname(outPath))) {
      throw new TamgaError('CORRUPT', `The encrypted copy of item ${row.id} is missing from the vault.`, { itemId: row.id });
    }
    throw fromFsError(err, `extracting item ${row.id}`);
  }
  // A vault on a read-only disk still gives its originals out; the result says the act
  // could not be recorded in the item's custody.
  if (vault.readonly) return { itemId: row.id, outPath, size: row.size, sha256: row.sha256, recorded: false };
  appendEvent(vault.db, vault.signer, {
    chain: row.id,
    type: 'extracted',
    actor: vault.actor,
    data: { sha256: row.sha256, size: row.size, to: outPath },
  });
  return { itemId: row.id, outPath, size: row.size, sha256: row.sha256, recorded: true };
}
