/**
 * Opens the vault's SQLite index, encrypted as a whole with SQLCipher-compatible page
 * encryption (better-sqlite3-multiple-ciphers) under a raw 256-bit key from HKDF.
 *
 * Fail closed: the index must never be readable without the key, so every open checks
 * that the cipher extension is really there (stock SQLite ignores `PRAGMA key` silently)
 * and that the file on disk does not start with the plain-SQLite header. A database that
 * fails to open is reported, never recreated.
 */
import { open as openFile } from 'node:fs/promises';
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

export async function openIndex(path: string, key: Buffer, options: OpenIndexOptions): Promise<IndexDb> {
  if (!options.create) await assertEncryptedOnDisk(path);
  let db: IndexDb;
  try {
    db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false, timeout: 5000 });
  } catch (err) {
    throw new TamgaError('CORRUPT', `The vault index (index.db) cannot be opened: ${(err as Error).message}`, undefined, { cause: err });
  }
  applyKey(db, key);
  try {
    // The first read is where a wrong key or a damaged file shows up (SQLITE_NOTADB).
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    applySettings(db, options.readonly ?? false);
  } catch (err) {
    db.close();
    throw new TamgaError(
      'CORRUPT',
      'The vault index (index.db) cannot be decrypted: it is damaged or is not the index of this vault.',
      { sqlite: (err as { code?: string }).code },
      { cause: err },
    );
  }
  return db;
}
