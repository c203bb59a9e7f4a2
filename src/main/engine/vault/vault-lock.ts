/**
 * The single-writer lock of a vault: the `lock` file, held with an operating-system file
 * lock (SQLite's exclusive locking mode on a tiny database). The kernel releases such a
 * lock when its process dies, however it dies, so a lock left by a crashed or killed
 * process is recovered by simply taking it again: no PIDs to guess about, no races
 * between two processes "cleaning up" the same stale lock. A second process, or a second
 * open in the same process, gets VAULT_IN_USE at once.
 */
import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { TamgaError } from '../../../shared/errors';
import { fromFsError } from '../fs/fs-errors';

export interface VaultLock {
  release(): void;
}

function inUse(cause?: unknown): TamgaError {
  return new TamgaError(
    'VAULT_IN_USE',
    'This vault is open in another Tamga window or command. Close it there (or wait for it to finish) and try again.',
    undefined,
    cause === undefined ? undefined : { cause },
  );
}

export function acquireVaultLock(lockFile: string): VaultLock {
  let db: Database.Database;
  try {
    db = new Database(lockFile, { timeout: 0 });
    chmodSync(lockFile, 0o600);
  } catch (err) {
    throw fromFsError(err, 'opening the vault lock');
  }
  try {
    // In EXCLUSIVE locking mode SQLite keeps the file lock from the first write until close.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS held (since TEXT NOT NULL)');
    db.prepare('INSERT INTO held (since) VALUES (?)').run(new Date().toISOString());
    db.exec('DELETE FROM held WHERE rowid NOT IN (SELECT max(rowid) FROM held)');
    db.exec('COMMIT');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code === 'SQLITE_BUSY' || (err as { code?: string }).code === 'SQLITE_LOCKED') throw inUse(err);
    throw fromFsError(err, 'taking the vault lock');
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      db.close();
    },
  };
}
