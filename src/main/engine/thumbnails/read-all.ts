/**
 * Reads a whole ByteSource into memory for decoders that need every byte (sharp, heic-decode).
 * In the app the source decrypts the vault copy chunk by chunk: the plaintext lives only in
 * this Buffer, never on disk.
 */
import type { ByteSource } from '../metadata/byte-source';
import { ThumbnailFailure, throwIfStopped } from './failure';

/** Large enough to keep the number of reads low, small enough to notice a cancel quickly. */
const READ_CHUNK = 4 * 1024 * 1024;

export async function readAll(source: ByteSource, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const size = source.size;
  if (!Number.isSafeInteger(size) || size < 0) throw new ThumbnailFailure('The size of the stored copy is not valid.');
  if (size === 0) throw new ThumbnailFailure('The file is empty.');
  if (size > maxBytes) {
    throw new ThumbnailFailure(`The file is too large for a preview (${formatMiB(size)}; the limit is ${formatMiB(maxBytes)}).`);
  }
  // Already in memory (the importer decrypts a photo once for metadata and pictures alike).
  if (source.bytes?.length === size) return source.bytes;
  const out = Buffer.allocUnsafe(size);
  let done = 0;
  while (done < size) {
    throwIfStopped(signal);
    let piece: Buffer;
    try {
      piece = await source.read(done, Math.min(READ_CHUNK, size - done));
    } catch (err) {
      // In the app this is a decryption or authentication failure of the vault copy.
      throw new ThumbnailFailure('The stored copy could not be read.', { cause: err });
    }
    if (piece.length === 0) break;
    done += piece.copy(out, done, 0, Math.min(piece.length, size - done));
  }
  // A source that ends early is still decoded as far as it goes (like a truncated file).
  return done === size ? out : out.subarray(0, done);
}

export function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}
