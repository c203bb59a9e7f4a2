/**
 * Reading an item's media for the window: a byte range of the grid thumbnail, the preview
 * or the original, decrypted from the vault's encrypted files without writing plaintext
 * anywhere. The format that comes with each range is sniffed from content, never taken
 * from a name, so the media protocol can choose a safe Content-Type from it alone.
 *
 * Playing or showing an original is an act on the evidence: the first read of an
 * original in a session is recorded as a `viewed-original` custody event.
 */
import { TamgaError } from '../../../shared/errors';
import { MAX_MEDIA_READ, isMediaVariant, type MediaChunk, type MediaReadRequest, type MediaVariant } from '../../../shared/media';
import type { BlobArea } from '../blobs/blob-store';
import type { RandomAccessBlob } from '../crypto/blob-random-access';
import { appendEvent } from '../custody/store';
import { getItem, type ItemRow } from '../items/item-rows';
import type { OpenVault } from '../vault/vault';
import type { OpenBlobs } from './open-blobs';
import type { VideoPreviews } from './video-previews';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The thumbnail formats the importer writes, and the WebM of a playable preview, by their first bytes. */
function sniffThumbnail(head: Uint8Array): string | null {
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png';
  const ascii = (from: number, to: number): string => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return null;
}

function checkRequest(request: MediaReadRequest): void {
  if (typeof request.item !== 'string' || !UUID.test(request.item)) throw new TamgaError('INVALID_ARGUMENT', 'item must be an item id.');
  if (!isMediaVariant(request.variant)) throw new TamgaError('INVALID_ARGUMENT', 'variant must be grid, preview, original or playable.');
  for (const [name, value] of [['offset', request.offset], ['length', request.length]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new TamgaError('INVALID_ARGUMENT', `${name} must be a non-negative integer.`);
  }
}

export interface MediaSession {
  readonly vault: OpenVault;
  readonly blobs: OpenBlobs;
  /** Items whose original was already shown in this session (one custody event each). */
  readonly viewed: Set<string>;
  /** The playable previews of videos, made on request. */
  readonly previews: VideoPreviews;
}

function closedUnder(error: unknown): boolean {
  return error instanceof TamgaError && error.details?.['closed'] === true;
}

/**
 * Reads a range (and the first bytes, for the format) through the shared handles, pinned
 * for the read. Only a lock closes a handle under a read; the answer is then VAULT_LOCKED,
 * what happened, not a malformed request.
 */
async function readRange(blobs: OpenBlobs, area: BlobArea, blobId: string, offset: number, length: number): Promise<{ blob: RandomAccessBlob; bytes: Buffer; head: Buffer }> {
  try {
    return await blobs.use(area, blobId, async (blob) => {
      const bytes = await blob.read(offset, length);
      const head = area === 'blobs' ? Buffer.alloc(0) : await blob.read(0, 12);
      return { blob, bytes, head };
    });
  } catch (error) {
    if (closedUnder(error) && blobs.closed) throw new TamgaError('VAULT_LOCKED', 'The vault locked while this was being read.');
    throw error;
  }
}

function blobOf(session: MediaSession, row: ItemRow, variant: MediaVariant): [BlobArea, string | null] {
  switch (variant) {
    case 'original':
      return ['blobs', row.blobId];
    case 'grid':
      return ['thumbs', row.thumbGridBlob];
    case 'preview':
      return ['thumbs', row.thumbPreviewBlob];
    case 'playable':
      return ['previews', row.kind === 'video' ? session.previews.blobIdOf(row.id) : null];
  }
}

export async function readMedia(session: MediaSession, request: MediaReadRequest): Promise<MediaChunk> {
  checkRequest(request);
  const { vault, blobs } = session;
  const row = getItem(vault.db, request.item);
  if (row === null) throw new TamgaError('NOT_FOUND', `No item ${request.item} in this vault.`);
  const [area, blobId] = blobOf(session, row, request.variant);
  if (blobId === null) throw new TamgaError('NOT_FOUND', `Item ${request.item} has no ${request.variant} image.`);
  if (area === 'previews' && !(await session.previews.has(row.id))) throw new TamgaError('NOT_FOUND', `Item ${request.item} has no playable preview yet.`);

  const { blob, bytes, head } = await readRange(blobs, area, blobId, request.offset, Math.min(request.length, MAX_MEDIA_READ));
  const format = area === 'blobs' ? row.format : sniffThumbnail(head);

  if (area === 'blobs' && !session.viewed.has(row.id) && !vault.readonly) {
    session.viewed.add(row.id);
    appendEvent(vault.db, vault.signer, { chain: row.id, type: 'viewed-original', actor: vault.actor, data: { sha256: row.sha256 } });
  }
  // Copy out of the pooled Buffer: only the range asked for crosses to the other thread.
  return { bytes: new Uint8Array(bytes), offset: request.offset, size: blob.size, format };
}
