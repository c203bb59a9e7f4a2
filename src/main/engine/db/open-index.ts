/**
 * Opens the vault's SQLite index, encrypted as a whole with SQLCipher-compatible page
 * encryption (better-sqlite3-multiple-ciphers) under a raw 256-bit key from HKDF.
 *
 * Fail closed: the index must never be readable without the key, so every open checks
 * that the cipher extension is really there (stock SQLite ignores `PRAGMA key` silently)
 * and that the file on disk does not start with the plain-SQLite header. A database that
 * fails to open is reported, never recreated.
 */
import { constants } from 'node:fs';
import { access, copyFile, mkdtemp, open as openFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { TamgaError } from '../../../shared/errors';

export type IndexDb = Database.Database;

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Reads the first 16 bytes; null when the file is shorter (e.g. not yet written). */
async function fileHeader(path: string): Promise<Buffer | null> {
  const handle = await openFile(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const { bytesRead } = await handle.read(buf, 0, 16, 0);
    return bytesRead === 16 ? buf : null;
  } finally {
    await handle.close();
  }
}

export async function assertEncryptedOnDisk(path: string): Promise<void> {
  const header = await fileHeader(path);
  if (header === null) throw new TamgaError('CORRUPT', 'The vault index (index.db) is empty or truncated.');
  if (header.equals(PLAIN_SQLITE_HEADER)) {
    throw new TamgaError('CORRUPT', 'The vault index (index.db) is not encrypted. Refusing to use it.');
  }
}

function applyKey(db: IndexDb, key: Buffer): void {
  // SQLCipher v4 page format; a raw hex key skips SQLCipher's own KDF (ours ran already).
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  const cipher: unknown = db.pragma('cipher', { simple: true });
  if (cipher !== 'sqlcipher') {
    db.close();
    throw new TamgaError('INTERNAL', 'The SQLite build in use has no encryption support; refusing to open the index.');
  }
}

function applySettings(db: IndexDb, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  // Encrypted pages cost a decryption per cache miss. The cache is a ceiling, filled only
  // by pages actually read: 256 MiB holds the whole index of a 100 000-item vault, which
  // took search p95 from ~20 ms to ~14 ms there (bench/search-bench.ts); imports touch few
  // pages and stay far below it.
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = ON');
}

export interface OpenIndexOptions {
  readonly create: boolean;
  readonly readonly?: boolean;
}

/** SQLite's answers that mean the bytes are wrong; any other failure is the disk's or the system's. */
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/** What an index that would not open is, said truly: damage is only claimed when SQLite saw damage. */
function openFailure(err: unknown): TamgaError {
  const code = (err as { code?: string }).code ?? '';
  if (DAMAGED.has(code)) {
    return new TamgaError('CORRUPT', 'The vault index (index.db) cannot be decrypted: it is damaged or is not the index of this vault.', { sqlite: code }, { cause: err });
  }
  if (code === 'SQLITE_FULL') return new TamgaError('DISK_FULL', 'The disk is full, so the vault index (index.db) cannot be opened. Free some space and try again: nothing was changed.', { sqlite: code }, { cause: err });
  if (code.startsWith('SQLITE_READONLY')) return new TamgaError('READ_ONLY', 'The vault index (index.db) is on a read-only disk; only reading works on it.', { sqlite: code }, { cause: err });
  return new TamgaError('INTERNAL', `The vault index (index.db) cannot be opened: ${(err as Error).message}`, { sqlite: code }, { cause: err });
}

/** True when nothing can be created beside the index: a write-protected card, a read-only mount. */
async function onReadOnlyMedium(path: string): Promise<boolean> {
  try {
    await access(dirname(path), constants.W_OK);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EROFS';
  }
}

async function hasUnappliedLog(path: string): Promise<boolean> {
  try {
    return (await stat(`${path}-wal`)).size > 0;
  } catch {
    return false;
  }
}

/**
 * A read-only open of a WAL-mode index needs its -shm file, which cannot be created on a
 * read-only medium (and SQLite's in-memory alternative needs a write lock the medium
 * refuses). There the index is copied, as the ciphertext it is, into a private temporary
 * folder and opened from that copy, which is unlinked once open (POSIX keeps the open
 * file readable; where unlinking an open file fails it is left for the OS to clean). A
 * write-ahead log left by a vault that was not closed holds committed changes that would
 * have to be applied first, so that case is refused rather than shown without them.
 */
async function readableCopy(path: string): Promise<{ path: string; remove: () => Promise<void> }> {
  if (await hasUnappliedLog(path)) {
    throw new TamgaError(
      'READ_ONLY',
      'This vault is on a read-only disk and was not closed cleanly: its last changes are in index.db-wal, which cannot be applied there. Copy the vault folder to a writable disk and open the copy.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'tamga-readonly-index-'));
  const copy = join(dir, 'index.db');
  await copyFile(path, copy);
  return { path: copy, remove: () => rm(dir, { recursive: true, force: true }).catch(() => undefined) };
}

/** Failures of a read-only open that come from the disk refusing to create the -shm file. */
function diskRefused(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return code === 'SQLITE_FULL' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_READONLY');
}

/**
 * Opens the index. A read-only open on a disk that cannot take the -shm file beside it
 * (read-only, or full) is made from a private copy (readableCopy): reading, searching,
 * verifying and extracting work on a write-protected card and on a full disk.
 */
export async function openIndex(path: string, key: Buffer, options: OpenIndexOptions): Promise<IndexDb> {
  if (!options.create) await assertEncryptedOnDisk(path);
  if (options.readonly === true && (await onReadOnlyMedium(path))) return openAt(path, key, options, await readableCopy(path));
  try {
    return await openAt(path, key, options, null);
  } catch (err) {
    if (options.readonly !== true || !diskRefused((err as { cause?: unknown }).cause)) throw err;
    return openAt(path, key, options, await readableCopy(path));
  }
}

async function openAt(path: string, key: Buffer, options: OpenIndexOptions, copy: { path: string; remove: () => Promise<void> } | null): Promise<IndexDb> {
  let db: IndexDb;
  try {
    db = new Database(copy?.path ?? path, { fileMustExist: !options.create, readonly: options.readonly ?? false, timeout: 5000 });
  } catch (err) {
    await copy?.remove();
    throw openFailure(err);
  }
  applyKey(db, key);
  try {
    // The first read is where a wrong key or a damaged file shows up (SQLITE_NOTADB).
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    applySettings(db, options.readonly ?? false);
  } catch (err) {
    db.close();
    throw openFailure(err);
  } finally {
    await copy?.remove();
  }
  return db;
}
