/**
 * Describes newly archived content: metadata and thumbnails, both read back from the
 * encrypted copy through the random-access reader (no plaintext on disk, and the
 * description is of exactly the bytes that were archived). Neither step can fail the
 * import: a problem becomes a sentence in `problems`, a thumbnail failure a placeholder.
 */
import { Readable } from 'node:stream';
import type { ExtractedMetadata } from '../../../shared/metadata';
import type { BlobStore, PendingBlob } from '../blobs/blob-store';
import type { ItemRow } from '../items/item-rows';
import { extractMetadata } from '../metadata/extract';
import { makeThumbnails } from '../thumbnails/make-thumbnails';

/** A hostile file must not stall an import: past these, the step is abandoned and noted. */
const METADATA_TIME_LIMIT_MS = 30_000;
const THUMBNAIL_TIME_LIMIT_MS = 60_000;

export type DescribedColumns = Omit<ItemRow, 'id' | 'sha256' | 'sha1' | 'md5' | 'size' | 'blobId' | 'importedAt' | 'originalName'>;

export interface ContentDescription {
  readonly row: DescribedColumns;
  readonly metadata: ExtractedMetadata | null;
  readonly problems: readonly string[];
  /** Encrypted thumbnails written to tmp/, to be moved in with the item (grid, preview). */
  readonly thumbnails: readonly PendingBlob[];
}

function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s and was abandoned.`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export function columnsFromMetadata(meta: ExtractedMetadata | null): Omit<DescribedColumns, 'thumbStatus' | 'thumbGridBlob' | 'thumbPreviewBlob' | 'thumbReason'> {
  const size = meta?.displaySize ?? meta?.pixelSize ?? null;
  return {
    kind: meta?.kind ?? 'other',
    format: meta?.format ?? null,
    mime: meta?.mime ?? null,
    capturedUtc: meta?.captureTime?.utc ?? null,
    capturedLocal: meta?.captureTime?.local ?? null,
    captureSource: meta?.captureTime?.source ?? null,
    gpsLat: meta?.gps?.lat ?? null,
    gpsLon: meta?.gps?.lon ?? null,
    make: meta?.make?.value ?? null,
    model: meta?.model?.value ?? null,
    width: size?.width ?? null,
    height: size?.height ?? null,
    durationSeconds: meta?.durationSeconds ?? null,
    metadataJson: meta === null ? '{}' : JSON.stringify(meta),
    metadataProblemCount: meta?.problems.length ?? 1,
  };
}

export async function describeContent(
  store: BlobStore,
  blobId: string,
  hints: { name: string; fileModifiedAt: string | null },
): Promise<ContentDescription> {
  const problems: string[] = [];
  const blob = await store.open('blobs', blobId);
  let metadata: ExtractedMetadata | null = null;
  const thumbnails: PendingBlob[] = [];
  try {
    const source = { size: blob.size, read: (offset: number, length: number) => blob.read(offset, length) };
    try {
      const extracted = await withTimeLimit(
        extractMetadata(source, hints.fileModifiedAt === null ? { name: hints.name } : { name: hints.name, fileModifiedAt: hints.fileModifiedAt }),
        METADATA_TIME_LIMIT_MS,
        'Reading the metadata',
      );
      metadata = extracted;
      problems.push(...extracted.problems);
    } catch (err) {
      problems.push(`The metadata could not be read: ${(err as Error).message}`);
    }
    const thumbs = await makeThumbnails({
      source,
      kind: metadata?.kind ?? 'other',
      format: metadata?.format ?? null,
      durationSeconds: metadata?.durationSeconds ?? null,
      signal: AbortSignal.timeout(THUMBNAIL_TIME_LIMIT_MS),
    });
    let thumbColumns: Pick<DescribedColumns, 'thumbStatus' | 'thumbGridBlob' | 'thumbPreviewBlob' | 'thumbReason'>;
    if (thumbs.status === 'none') {
      thumbColumns = { thumbStatus: 'none', thumbGridBlob: null, thumbPreviewBlob: null, thumbReason: thumbs.reason };
    } else {
      for (const t of [thumbs.grid, thumbs.preview]) thumbnails.push(await store.write('thumbs', Readable.from([t.bytes])));
      thumbColumns = {
        thumbStatus: thumbs.status,
        thumbGridBlob: thumbnails[0]?.result.blobId ?? null,
        thumbPreviewBlob: thumbnails[1]?.result.blobId ?? null,
        thumbReason: thumbs.status === 'placeholder' ? thumbs.reason : null,
      };
    }
    return { row: { ...columnsFromMetadata(metadata), ...thumbColumns }, metadata, problems, thumbnails };
  } catch (err) {
    for (const t of thumbnails) await t.discard();
    throw err;
  } finally {
    await blob.close();
  }
}
