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
    case 'ENOSPC':
    case 'EDQUOT':
      return new TamgaError('DISK_FULL', `The disk is full while ${what}; nothing half-written was kept.`, { errno: code }, { cause: err });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new TamgaError('PERMISSION_DENIED', `Permission denied while ${what}.`, { errno: code }, { cause: err });
    case 'ENOENT':
      return new TamgaError('NOT_FOUND', `Not found while ${what}.`, { errno: code }, { cause: err });
    case 'EEXIST':
      return new TamgaError('ALREADY_EXISTS', `Already exists while ${what}.`, { errno: code }, { cause: err });
    default:
      return new TamgaError('INTERNAL', `Failed while ${what}: ${reason}`, code ? { errno: code } : undefined, { cause: err });
  }
}
