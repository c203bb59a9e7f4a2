/**
 * Describes newly archived content: metadata and thumbnails, both read back from the
 * encrypted copy through the random-access reader (no plaintext on disk, and the
 * description is of exactly the bytes that were archived). Neither step can fail the
 * import: a problem becomes a sentence in `problems`, a thumbnail failure a placeholder.
 *
 * Where Tamga's own readers leave a photo without its basic facts (a CR3, a RAF, a JPEG XL, …)
 * ExifTool, the reader of last resort, reads the source file itself (metadata/exiftool/fallback.ts)
 * and fills only what they left unknown; its whole output is returned to be kept with the item,
 * and a raw file without a preview of its own gets one from ExifTool's embedded JPEG.
 *
 * A photo is decrypted once, into memory, and both steps read that one copy: the metadata
 * step reads a photo of this size whole anyway and the decoder needs every byte, so
 * decrypting it twice only doubled the work and the garbage. Videos and other files stay
 * on the random-access reader, which decrypts only the ranges asked for.
 */
import type { ExtractedMetadata } from '../../../shared/metadata';
import type { BlobStore, PendingBlob } from '../blobs/blob-store';
import type { RandomAccessBlob } from '../crypto/blob-random-access';
import type { ItemRow } from '../items/item-rows';
import { bufferByteSource, type ByteSource } from '../metadata/byte-source';
import type { BufferPool } from '../buffer-pool';
import { extractMetadata } from '../metadata/extract';
import { WHOLE_FILE_LIMIT } from '../metadata/photo';
import { SNIFF_BYTES, sniff } from '../metadata/sniff';
import { EXIFTOOL_READ_ARGS, type ExifToolSession } from '../metadata/exiftool/exiftool-session';
import { readWithFallback } from '../metadata/exiftool/fallback';
import type { ExifToolOutput } from '../items/exiftool-output';
import { makeThumbnails, type ThumbnailResult } from '../thumbnails/make-thumbnails';
import { twoSizes } from '../thumbnails/sharp-thumbnails';

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
  /** ExifTool's whole output, when it was asked and read the file (kept in item_exiftool). */
  readonly exiftool: ExifToolOutput | null;
}

/** The source file as ExifTool reads it, and whether it is still the file that was archived. */
export interface SourceFile {
  readonly path: string;
  readonly unchanged: () => Promise<boolean>;
}

function withTimeLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s and was abandoned.`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * The index columns of an item. The columns are what search and sorting use, so they hold
 * only what is a fact about the capture: no capture time when the file states none, and no
 * place for a position of exactly 0°, 0° (what devices write without a fix; the metadata
 * JSON keeps it as recorded, and the window calls it "no fix").
 */
export function columnsFromMetadata(meta: ExtractedMetadata | null): Omit<DescribedColumns, 'thumbStatus' | 'thumbGridBlob' | 'thumbPreviewBlob' | 'thumbReason'> {
  const size = meta?.displaySize ?? meta?.pixelSize ?? null;
  const gps = meta?.gps && !(meta.gps.lat === 0 && meta.gps.lon === 0) ? meta.gps : null;
  return {
    kind: meta?.kind ?? 'other',
    format: meta?.format ?? null,
    mime: meta?.mime ?? null,
    capturedUtc: meta?.captureTime?.utc ?? null,
    capturedLocal: meta?.captureTime?.local ?? null,
    captureSource: meta?.captureTime?.source ?? null,
    gpsLat: gps?.lat ?? null,
    gpsLon: gps?.lon ?? null,
    make: meta?.make?.value ?? null,
    model: meta?.model?.value ?? null,
    width: size?.width ?? null,
    height: size?.height ?? null,
    durationSeconds: meta?.durationSeconds ?? null,
    metadataJson: meta === null ? '{}' : JSON.stringify(meta),
    metadataProblemCount: meta?.problems.length ?? 1,
  };
}

/** Where `describeContent` reads the content from; `pooled` goes back to the pool once all reads are done. */
interface Content {
  readonly source: ByteSource;
  readonly pooled: Buffer | null;
}

/**
 * A photo of ordinary size decrypted into memory; a reader of byte ranges for anything else.
 * `head` (the first bytes as the import read them, i.e. as archived) tells a photo without
 * decrypting a chunk just for that.
 */
async function contentOf(blob: RandomAccessBlob, head: Buffer | undefined, buffers: BufferPool | undefined): Promise<Content> {
  if (blob.size > 0 && blob.size <= WHOLE_FILE_LIMIT && sniff(head ?? (await blob.read(0, SNIFF_BYTES))).kind === 'photo') {
    const pooled = buffers?.take(blob.size) ?? null;
    const bytes = await blob.read(0, blob.size, pooled ?? undefined);
    await blob.close(); // all of it is in memory: drop the file and the decrypted chunk it caches
    return { source: bufferByteSource(bytes), pooled };
  }
  return { source: { size: blob.size, read: (offset: number, length: number) => blob.read(offset, length) }, pooled: null };
}

/**
 * A raw file's embedded JPEG, as ExifTool hands it out, through the same thumbnail step as
 * every photo (turned by the file's EXIF Orientation: raw previews are stored as the sensor
 * saw them). Null when the file has none, it does not decode, or the source changed meanwhile.
 */
async function embeddedPreview(
  fallback: { readonly session: ExifToolSession; readonly file: SourceFile },
  tags: Readonly<Record<string, unknown>>,
  orientation: number | null,
): Promise<ThumbnailResult | null> {
  const bytes = await fallback.session.preview(fallback.file.path, tags);
  if (bytes === null || !(await fallback.file.unchanged())) return null;
  try {
    const turn = orientation !== null && orientation >= 1 && orientation <= 8 ? (orientation as 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8) : 1;
    const sizes = await twoSizes({ kind: 'encoded', bytes }, turn, AbortSignal.timeout(THUMBNAIL_TIME_LIMIT_MS));
    return { status: 'ok', grid: sizes.grid, preview: sizes.preview, decoder: 'exiftool-preview' };
  } catch {
    return null;
  }
}

/**
 * `content` is the new blob, still in tmp/: it is moved in only once it has been described.
 * `buffers` lends the memory a photo is decrypted into (see ../buffer-pool.ts).
 */
export async function describeContent(
  store: BlobStore,
  content: PendingBlob,
  hints: { name: string; head?: Buffer },
  buffers?: BufferPool,
  fallback?: { readonly session: ExifToolSession; readonly file: SourceFile },
): Promise<ContentDescription> {
  const problems: string[] = [];
  const blob = await content.open();
  let metadata: ExtractedMetadata | null = null;
  const thumbnails: PendingBlob[] = [];
  try {
    const { source, pooled } = await contentOf(blob, hints.head, buffers);
    // A metadata read abandoned at its time limit may still be reading the buffer.
    let metadataSettled = false;
    try {
      const extracted = await withTimeLimit(
        extractMetadata(source, { name: hints.name }).finally(
          () => (metadataSettled = true),
        ),
        METADATA_TIME_LIMIT_MS,
        'Reading the metadata',
      );
      metadata = extracted;
    } catch (err) {
      problems.push(`The metadata could not be read: ${(err as Error).message}`);
    }
    let exiftool: ExifToolOutput | null = null;
    let exiftoolTags: Readonly<Record<string, unknown>> | null = null;
    if (metadata !== null && fallback !== undefined) {
      const read = await readWithFallback(metadata, fallback.session, fallback.file.path, fallback.file.unchanged);
      metadata = read.metadata;
      exiftoolTags = read.tags;
      if (read.tags !== null && read.version !== null) {
        exiftool = { version: read.version, args: EXIFTOOL_READ_ARGS, json: JSON.stringify(read.tags), readAt: new Date().toISOString() };
      }
    }
    if (metadata !== null) problems.push(...metadata.problems);
    let thumbs = await makeThumbnails({
      source,
      kind: metadata?.kind ?? 'other',
      format: metadata?.format ?? null,
      durationSeconds: metadata?.durationSeconds ?? null,
      signal: AbortSignal.timeout(THUMBNAIL_TIME_LIMIT_MS),
    });
    if (thumbs.status !== 'ok' && exiftoolTags !== null && fallback !== undefined && metadata?.kind === 'photo') {
      thumbs = (await embeddedPreview(fallback, exiftoolTags, metadata.orientation)) ?? thumbs;
    }
    // makeThumbnails returns only once its decoders are done with the bytes (HEIC's worker gets a copy).
    if (pooled !== null && metadataSettled) buffers?.give(pooled);
    let thumbColumns: Pick<DescribedColumns, 'thumbStatus' | 'thumbGridBlob' | 'thumbPreviewBlob' | 'thumbReason'>;
    if (thumbs.status === 'none') {
      thumbColumns = { thumbStatus: 'none', thumbGridBlob: null, thumbPreviewBlob: null, thumbReason: thumbs.reason };
    } else {
      // Both at once: each write waits mostly for its fsync.
      const written = await Promise.allSettled([thumbs.grid, thumbs.preview].map((t) => store.writeBuffer('thumbs', t.bytes)));
      for (const w of written) if (w.status === 'fulfilled') thumbnails.push(w.value);
      for (const w of written) if (w.status === 'rejected') throw w.reason;
      thumbColumns = {
        thumbStatus: thumbs.status,
        thumbGridBlob: thumbnails[0]?.result.blobId ?? null,
        thumbPreviewBlob: thumbnails[1]?.result.blobId ?? null,
        thumbReason: thumbs.status === 'placeholder' ? thumbs.reason : null,
      };
    }
    return { row: { ...columnsFromMetadata(metadata), ...thumbColumns }, metadata, problems, thumbnails, exiftool };
  } catch (err) {
    for (const t of thumbnails) await t.discard();
    throw err;
  } finally {
    await blob.close();
  }
}
