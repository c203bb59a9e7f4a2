/**
 * Opens one source file for the single read an import makes of it: read-only, never
 * following a symlink swapped in after the walk (O_NOFOLLOW), and checked to still be a
 * regular file. The times recorded are those of the open file itself.
 */
import { constants, type ReadStream, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { TamgaError } from '../../../shared/errors';
import { crashPoint } from '../testing/crash-point';

export interface OpenSource {
  readonly handle: FileHandle;
  readonly stats: Stats;
  /** A stream over the whole file; the handle stays open for the change check after. */
  stream(onBytes: (n: number) => void): ReadStream;
  /** The first bytes read (up to 4 KiB), to tell what the content is without reading it again. */
  head(): Buffer;
  /** The first chunk read (up to 1 MiB): the bytes metadata such as a C2PA manifest store is looked for in. */
  prefix(): Buffer;
  /** True when size or modification time changed while the file was read. */
  changedSinceOpen(): Promise<boolean>;
  close(): Promise<void>;
}

const READ_CHUNK = 1024 * 1024;
const HEAD_BYTES = 4096;

export async function openSource(path: string): Promise<OpenSource> {
  // O_NOFOLLOW is absent on Windows, where the walk's lstat is the guard.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') throw new TamgaError('INVALID_ARGUMENT', 'The file became a symbolic link; not followed.', { skip: 'symlink' });
    if (code === 'ENOENT') throw new TamgaError('NOT_FOUND', 'The file disappeared before it could be read.', { skip: 'vanished' });
    throw new TamgaError('PERMISSION_DENIED', `The file cannot be read (${code ?? 'error'}).`, { skip: 'unreadable' }, { cause: err });
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new TamgaError('INVALID_ARGUMENT', 'This is not a regular file.', { skip: 'special-file' });
  }
  let head = Buffer.alloc(0);
  let prefix: Buffer | null = null;
  let reading: ReadStream | null = null;
  return {
    handle,
    stats,
    head: () => head,
    prefix: () => prefix ?? head,
    stream(onBytes) {
      // Reading through the FileHandle (not its bare fd) lets close() wait for a read still
      // in flight after a cancel, instead of closing the descriptor under it.
      const stream = handle.createReadStream({ autoClose: false, start: 0, highWaterMark: READ_CHUNK });
      reading = stream;
      stream.on('data', (data: string | Buffer) => {
        const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data);
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        prefix ??= Buffer.from(chunk);
        onBytes(chunk.length);
        crashPoint('import:mid-file');
      });
      return stream;
    },
    async changedSinceOpen() {
      const now = await handle.stat();
      return now.size !== stats.size || now.mtimeMs !== stats.mtimeMs;
    },
    async close() {
      const stream = reading;
      if (stream !== null && !stream.closed) {
        const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
        stream.destroy();
        await closed;
      }
      await handle.close();
    },
  };
}
