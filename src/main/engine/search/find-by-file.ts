/**
 * "Do we hold this exact file?": hashes a file on disk (streamed, so a 4 GB video costs
 * no memory) and looks its SHA-256 up in the index. The answer names the item, every
 * name it came in under and every acquisition, so an auditor can see when and from
 * where the vault got it. Reading the index changes nothing, so nothing is logged.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { TamgaError } from '../../../shared/errors';
import type { FindByFileResult, FoundItem } from '../../../shared/search';
import type { IndexDb } from '../db/open-index';
import { fromFsError } from '../fs/fs-errors';
import { acquisitionsOf, itemIdBySha256, tagsOf } from '../items/item-rows';

async function sha256OfFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

function foundItem(db: IndexDb, id: string): FoundItem {
  const row = db.prepare('SELECT original_name AS originalName, imported_at AS importedAt FROM items WHERE id = ?').get(id) as {
    originalName: string;
    importedAt: string;
  };
  const acquisitions = acquisitionsOf(db, id).map(({ itemId: _itemId, ...rest }) => rest);
  const names = [...new Set([row.originalName, ...acquisitions.map((a) => basename(a.sourcePath))])].filter((n) => n !== '');
  const cases = db
    .prepare('SELECT c.name FROM case_items ci JOIN cases c ON c.id = ci.case_id WHERE ci.item_id = ? ORDER BY c.name')
    .pluck()
    .all(id) as string[];
  return { id, originalName: row.originalName, importedAt: row.importedAt, names, acquisitions, tags: tagsOf(db, id), cases };
}

/** `index` is asked for only after the hashing, so a vault locked meanwhile is reported as locked. */
export async function findByFile(index: () => IndexDb, path: string): Promise<FindByFileResult> {
  const absolute = resolve(path);
  let digest: { sha256: string; size: number };
  try {
    const info = await stat(absolute);
    if (!info.isFile()) throw new TamgaError('INVALID_ARGUMENT', `${absolute} is not a regular file; give the path of one file.`, { path: absolute });
    digest = await sha256OfFile(absolute);
  } catch (err) {
    if (err instanceof TamgaError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new TamgaError('NOT_FOUND', `There is no file ${absolute}.`, { path: absolute });
    throw fromFsError(err, `reading ${absolute}`);
  }
  const db = index();
  const id = itemIdBySha256(db, digest.sha256);
  return { path: absolute, sha256: digest.sha256, size: digest.size, item: id === null ? null : foundItem(db, id) };
}
