/**
 * Imports one file: the single read of the source (hash + encrypt in one pass), dedup,
 * then — for new content — metadata and thumbnails read back from the encrypted copy
 * (so they describe exactly the archived bytes, even if the source changes meanwhile),
 * and finally the index rows and the custody event in one transaction.
 *
 * Crash safety: nothing is referenced before it is durable (blob fsynced and renamed
 * before the rows commit), and blobs moved in before their rows are noted in
 * pending_blobs so that a crash leaves no unexplained file (see pending-blobs.ts).
 * The blob is described while still in tmp/ (emptied at every open), so the blob and its
 * thumbnails are noted in one transaction and moved in together: two index commits per
 * new item instead of four, each a WAL fsync that blocks the event loop.
 */
import { randomUUID } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { JsonObject } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import type { ImportedFile } from '../../../shared/import';
import type { C2paCheck } from '../../../shared/intake';
import { c2paEventData, c2paInPrefix } from '../intake/c2pa-manifest';
import type { BlobStore, PendingBlob } from '../blobs/blob-store';
import { clearPending, notePending } from '../blobs/pending-blobs';
import type { HashName } from '../crypto/blob-writer';
import type { Signer } from '../crypto/signing';
import { appendEvent } from '../custody/store';
import type { IndexDb } from '../db/open-index';
import { insertExifToolOutput } from '../items/exiftool-output';
import { addTags, insertAcquisition, insertItem, itemIdBySha256, type AcquisitionRow } from '../items/item-rows';
import type { ExifToolSession } from '../metadata/exiftool/exiftool-session';
import { crashPoint } from '../testing/crash-point';
import type { BufferPool } from '../buffer-pool';
import { describeContent, type ContentDescription } from './describe-content';
import type { KeyedMutex } from './keyed-mutex';
import { extensionMismatch } from '../metadata/extension';
import { sniff } from '../metadata/sniff';
import { openSource } from './read-source';

export interface ImportContext {
  readonly db: IndexDb;
  readonly store: BlobStore;
  readonly signer: Signer;
  readonly actor: string;
  readonly importId: string;
  readonly hashes: readonly HashName[];
  readonly tags: readonly string[];
  readonly signal: AbortSignal;
  /** Serialises the dedup decision of files with the same content imported at once. */
  readonly contentLocks: KeyedMutex;
  /** Memory for decrypted photos, reused from file to file. */
  readonly buffers?: BufferPool;
  /** The import run's one ExifTool process, the reader of last resort; none: not used. */
  readonly exiftool?: ExifToolSession;
}

/** True while the file at `path` has the size and modification time it had when it was read. */
async function stillAsRead(path: string, stats: Stats): Promise<boolean> {
  try {
    const now = await lstat(path);
    return now.isFile() && now.size === stats.size && now.mtimeMs === stats.mtimeMs;
  } catch {
    return false;
  }
}

/**
 * A file that arrives in a received bundle (src/main/engine/receive): what it records
 * instead of a plain import's facts, and the `received` event and provenance written in
 * the same transaction as the content, so that an item and its hop exist together or not.
 */
export interface ReceivedFile {
  /** The path the custody event and acquisition record (the bundle's file, e.g. `<bundle.zip>/data/E0001_x.jpg`) instead of the path read. */
  readonly recordedPath: string;
  /** The name a new item gets: the sender's original name, as its custody recorded it. */
  readonly originalName: string;
  /** The SHA-256 the bundle's manifest lists: other content (the bundle changed since it was checked) is refused, nothing recorded. */
  readonly expectedSha256: string;
  /** Writes the `received` event and the provenance record; returns the record's id. Runs inside the transaction. */
  readonly record: (itemId: string, acquiredAt: string) => string;
}

function isoOrNull(ms: number): string | null {
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : null;
}

async function abandon(ctx: ImportContext, area: 'blobs' | 'thumbs', pending: PendingBlob): Promise<void> {
  await pending.discard();
  await ctx.store.remove(area, pending.result.blobId).catch(() => false);
  clearPending(ctx.db, area, pending.result.blobId);
}

/**
 * Commits the blob and its thumbnails, which rows about to be written reference: noted
 * first (one transaction), then renamed in, each directory fsynced, all at once.
 */
async function moveIn(ctx: ImportContext, blob: PendingBlob, thumbnails: readonly PendingBlob[]): Promise<void> {
  ctx.db.transaction(() => {
    notePending(ctx.db, 'blobs', blob.result.blobId);
    for (const thumb of thumbnails) notePending(ctx.db, 'thumbs', thumb.result.blobId);
  })();
  const moves = [blob.commit().then(() => crashPoint('import:blob-committed')), ...thumbnails.map((t) => t.commit())];
  // Every move settles before the caller may take them back (abandon) after a failure.
  const settled = await Promise.allSettled(moves);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
}

export async function importFile(ctx: ImportContext, path: string, onBytes: (n: number) => void, received?: ReceivedFile): Promise<ImportedFile> {
  const source = await openSource(path);
  let blob: PendingBlob;
  const warnings: string[] = [];
  try {
    blob = await ctx.store.write('blobs', source.stream(onBytes), { hashes: ctx.hashes, signal: ctx.signal });
    if (await source.changedSinceOpen()) {
      warnings.push('The file changed while it was being read; the archived copy is exactly what was read.');
    }
  } finally {
    await source.close();
  }
  crashPoint('import:blob-written');
  const release = await ctx.contentLocks.acquire(blob.result.digests.sha256);
  try {
    if (received !== undefined && blob.result.digests.sha256 !== received.expectedSha256) {
      await blob.discard();
      throw new TamgaError('CORRUPT', `${received.recordedPath} has SHA-256 ${blob.result.digests.sha256} now, but ${received.expectedSha256} when the bundle was checked: it changed meanwhile, so it was not received.`, { path: received.recordedPath });
    }
    // Read from the bytes the hashes cover (the first chunk), never from a second read of the file.
    const c2pa = c2paInPrefix(source.prefix());
    return await recordContent(ctx, path, blob, source.stats, source.head(), warnings, received, c2pa);
  } finally {
    release();
  }
}

/** Dedup, then either a new acquisition of known content or a new item. */
async function recordContent(
  ctx: ImportContext,
  path: string,
  blob: PendingBlob,
  stats: Stats,
  head: Buffer,
  warnings: string[],
  received?: ReceivedFile,
  c2pa: C2paCheck | null = null,
): Promise<ImportedFile> {
  const recordedPath = received?.recordedPath ?? path;
  const name = received?.originalName ?? basename(path);
  const { digests, plaintextSize } = blob.result;
  const acquiredAt = new Date().toISOString();
  const acquisition = (itemId: string): AcquisitionRow => ({
    itemId,
    importId: ctx.importId,
    sourcePath: recordedPath,
    fileSize: plaintextSize,
    fileModified: isoOrNull(stats.mtimeMs),
    fileCreated: isoOrNull(stats.birthtimeMs),
    acquiredAt,
  });
  const fileModified = isoOrNull(stats.mtimeMs);
  // What the custody event records about this copy; warnings (a name that lies about the
  // content, a file that changed while read) are part of the record.
  const custodyData = (): JsonObject => ({
    sha256: digests.sha256,
    ...(digests.sha1 ? { sha1: digests.sha1 } : {}),
    ...(digests.md5 ? { md5: digests.md5 } : {}),
    size: plaintextSize,
    sourcePath: recordedPath,
    originalName: name,
    fileModified,
    fileCreated: isoOrNull(stats.birthtimeMs),
    importId: ctx.importId,
    ...(warnings.length > 0 ? { warnings: [...warnings] } : {}),
    // A C2PA manifest store's presence and what it states, never verified (intake/c2pa-manifest.ts).
    ...(c2pa === null ? {} : { c2pa: c2paEventData(c2pa) }),
  });

  const existing = itemIdBySha256(ctx.db, digests.sha256);
  if (existing !== null) {
    await blob.discard();
    // The item's metadata was read under its first name; this copy's name may lie.
    const mismatch = extensionMismatch(name, sniff(head));
    if (mismatch !== null) warnings.push(mismatch);
    const kind = ctx.db.prepare('SELECT kind FROM items WHERE id = ?').pluck().get(existing) as ImportedFile['kind'];
    ctx.db.transaction(() => {
      if (received !== undefined) {
        // Received again (another sender, another bundle): the `received` event is the acquisition's record.
        insertAcquisition(ctx.db, { ...acquisition(existing), provenanceId: received.record(existing, acquiredAt) });
      } else {
        insertAcquisition(ctx.db, acquisition(existing));
        appendEvent(ctx.db, ctx.signer, { chain: existing, type: 're-acquired', actor: ctx.actor, data: custodyData(), at: acquiredAt });
      }
      tagItem(ctx, existing);
    })();
    return { path, itemId: existing, sha256: digests.sha256, size: plaintextSize, isNew: false, kind, warnings };
  }

  let described: ContentDescription | null = null;
  try {
    const fallback = ctx.exiftool && { session: ctx.exiftool, file: { path, unchanged: () => stillAsRead(path, stats) } };
    described = await describeContent(ctx.store, blob, { name, head }, ctx.buffers, fallback);
    await moveIn(ctx, blob, described.thumbnails);
  } catch (err) {
    // Cancelled or failed before the rows: take back what was moved in (a crash instead
    // leaves it noted in pending_blobs, and the next open removes it).
    await abandon(ctx, 'blobs', blob);
    for (const thumb of described?.thumbnails ?? []) await abandon(ctx, 'thumbs', thumb);
    throw err;
  }
  crashPoint('import:before-commit');
  const itemId = randomUUID();
  ctx.db.transaction(() => {
    insertItem(ctx.db, { ...described.row, id: itemId, sha256: digests.sha256, sha1: digests.sha1 ?? null, md5: digests.md5 ?? null, size: plaintextSize, blobId: blob.result.blobId, importedAt: acquiredAt, originalName: name });
    if (described.exiftool !== null) insertExifToolOutput(ctx.db, itemId, described.exiftool);
    appendEvent(ctx.db, ctx.signer, { chain: itemId, type: 'acquired', actor: ctx.actor, data: custodyData(), at: acquiredAt });
    // A received item's chain starts like any other ('acquired', of the bundle's file), then says where it came from.
    insertAcquisition(ctx.db, { ...acquisition(itemId), provenanceId: received?.record(itemId, acquiredAt) ?? null });
    tagItem(ctx, itemId);
    clearPending(ctx.db, 'blobs', blob.result.blobId);
    for (const thumb of described.thumbnails) clearPending(ctx.db, 'thumbs', thumb.result.blobId);
  })();
  crashPoint('import:committed');
  warnings.push(...described.problems);
  return { path, itemId, sha256: digests.sha256, size: plaintextSize, isNew: true, kind: described.row.kind, warnings };
}

function tagItem(ctx: ImportContext, itemId: string): void {
  const added = addTags(ctx.db, itemId, ctx.tags);
  for (const tag of added) {
    appendEvent(ctx.db, ctx.signer, { chain: itemId, type: 'tagged', actor: ctx.actor, data: { tag, importId: ctx.importId } });
  }
}
