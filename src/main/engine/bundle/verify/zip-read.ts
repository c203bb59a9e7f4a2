/**
 * Reading one zip entry's bytes for the hashes. First its local header must agree with
 * the central directory (same name bytes, same method, not encrypted): zip tools that
 * read local headers would otherwise see another file than the verifier did. Stored
 * entries (all of Tamga's) are then read straight from the archive in 1 MiB blocks, the
 * next block while this one is hashed (chunked-read.ts), which is 2–3× faster than
 * yauzl's 64 KiB stream; their size was checked at listing (stored:
 * compressed = uncompressed) and yauzl checked the data lies inside the file. Deflated
 * entries go through yauzl's inflate stream with validateEntrySizes, which fails an entry
 * that inflates to more or fewer bytes than it declares. Every entry's CRC-32 is checked.
 */
import { read } from 'node:fs';
import { promisify } from 'node:util';
import { crc32 } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import type { BufferPool } from '../../buffer-pool';
import { readChunks } from './chunked-read';
import { problem, ReadFailure, show, throwIfStopped, VerifyStopped } from './problems';
import { zipErrorProblem } from './zip-entry';

const readAt = promisify(read);
const FLAG_ENCRYPTED = 0x1;

async function* storedBytes(fd: number, start: number, length: number, path: string, pool: BufferPool, signal: AbortSignal): AsyncGenerator<Buffer> {
  let done = 0;
  const fill = async (buffer: Buffer): Promise<number> => {
    if (done === length) return 0;
    const { bytesRead } = await readAt(fd, buffer, 0, Math.min(buffer.length, length - done), start + done);
    if (bytesRead === 0) throw new ReadFailure(problem('ZIP_SIZE_MISMATCH', `The zip entry ${show(path)} ends before its declared size: the zip file is cut short.`, { path }));
    done += bytesRead;
    return bytesRead;
  };
  for await (const chunk of readChunks(length, pool, fill)) {
    throwIfStopped(signal);
    yield chunk;
  }
}

async function* deflatedBytes(zip: ZipFile, entry: Entry, signal: AbortSignal): AsyncGenerator<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      throwIfStopped(signal);
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

export async function* readEntry(zip: ZipFile, fd: number, entry: Entry | undefined, path: string, pool: BufferPool, signal: AbortSignal): AsyncGenerator<Buffer> {
  if (entry === undefined) throw new ReadFailure(problem('READ_ERROR', `${show(path)} is not a file of this bundle.`, { path }));
  let crc = 0;
  try {
    const local = await zip.readLocalFileHeaderPromise(entry);
    if (!local.fileName.equals(entry.fileNameRaw) || local.compressionMethod !== entry.compressionMethod || (local.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) {
      const message = `The zip entry ${show(path)} has a local header that names another file or method than the zip's directory: zip tools would disagree on what it holds, so it was refused.`;
      throw new ReadFailure(problem('ZIP_HEADER_MISMATCH', message, { path }));
    }
    const bytes = entry.compressionMethod === 0 ? storedBytes(fd, local.fileDataStart, entry.compressedSize, path, pool, signal) : deflatedBytes(zip, entry, signal);
    for await (const chunk of bytes) {
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ReadFailure || error instanceof VerifyStopped) throw error;
    throw new ReadFailure(zipErrorProblem(error, path));
  }
  if (crc >>> 0 !== entry.crc32 >>> 0) {
    throw new ReadFailure(problem('ZIP_CRC_MISMATCH', `The zip entry ${show(path)} does not match its CRC-32: the zip file is damaged, and zip tools will say so.`, { path }));
  }
}
