/**
 * Many items with a real custody chain, fast: lean index rows (no originals, no
 * thumbnails) each with a signed `acquired` event as the importer writes it, so that
 * organising them works and every change is checked on the item's own chain. For the
 * scale benchmark and the selection tests, where importing real files would take minutes.
 * Like the benchmark vault, these items have no encrypted originals: audit reports them.
 *
 * Every fifth item is a video; the name of item n is `scale-<n>.jpg` (or .mp4), so a
 * query selects a known share of them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { appendEvent } from '../src/main/engine/custody/store';
import type { OpenVault } from '../src/main/engine/vault/vault';

const BATCH = 5000;

/** Adds `count` items, numbered from `first`; answers their ids in order. */
export function addItemsWithCustody(vault: OpenVault, count: number, first = 0): string[] {
  const { db } = vault;
  const insert = db.prepare(
    `INSERT INTO items (id, sha256, size, blob_id, imported_at, kind, format, mime, original_name, captured_utc, thumb_status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'none')`,
  );
  const ids: string[] = [];
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const id = randomUUID();
      const sha256 = createHash('sha256').update(`scale item ${n} ${id}`).digest('hex');
      const video = n % 5 === 0;
      const name = `scale-${n}.${video ? 'mp4' : 'jpg'}`;
      const at = new Date(Date.UTC(2024, 0, 1) + n * 1000).toISOString();
      insert.run(id, sha256, 1000 + n, sha256.slice(0, 32), at, video ? 'video' : 'photo', video ? 'mp4' : 'jpeg', video ? 'video/mp4' : 'image/jpeg', name, at);
      appendEvent(db, vault.signer, { chain: id, type: 'acquired', actor: 'tamga-test', at, data: { sha256, size: 1000 + n, sourcePath: `/card/DCIM/${name}`, originalName: name, fileModified: at, fileCreated: null } });
      ids.push(id);
    }
  });
  for (let from = first; from < first + count; from += BATCH) batch(from, Math.min(first + count, from + BATCH));
  return ids;
}
