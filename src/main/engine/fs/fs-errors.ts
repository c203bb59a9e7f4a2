/**
 * Turns operating-system errors into TamgaErrors with codes a person can act on
 * ("the disk is full") instead of errno names.
 */
import { TamgaError } from '../../../shared/errors';

export function fromFsError(err: unknown, what: string): TamgaError {
  if (err instanceof TamgaError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = (err as Error | undefined)?.message ?? String(err);
  switch (code) {
    // SQLITE_FULL: SQLite's own word for it (SqliteError.code), when the lock or the index cannot grow.
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return new TamgaError('DISK_FULL', `The disk is full while ${what}; nothing half-written was kept.`, { errno: code }, { cause: err });
    case 'EROFS':
      return new TamgaError('READ_ONLY', `The disk is read-only (write-protected or mounted read-only) while ${what}; only reading works on it.`, { errno: code }, { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new TamgaError('PERMISSION_DENIED', `Permission denied while ${what}.`, { errno: code }, { cause: err });
    case 'ENOENT':
      return new TamgaError('NOT_FOUND', `Not found while ${what}.`, { errno: code }, { cause: err });
    case 'EEXIST':
      return new TamgaError('ALREADY_EXISTS', `Already exists while ${what}.`, { errno: code }, { cause: err });
    default:
      return new TamgaError('INTERNAL', `Failed while ${what}: ${reason}`, code ? { errno: code } : undefined, { cause: err });
  }
}
