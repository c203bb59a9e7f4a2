/**
 * How a replica object's name becomes an S3 key: `${prefix}/${name}`, or `name` alone
 * without a prefix. Names are checked as every store checks them (store.ts,
 * checkObjectName), so a name from a hostile manifest can never reach outside the prefix
 * or become a key that another S3 server would normalise differently ("a//b", "./a",
 * "a/../b" are kept verbatim by some servers and collapsed by others). The prefix is the
 * user's, so it is held to the same shape, with the user's own characters allowed.
 */
import { TamgaError } from '../../../shared/errors';
import { checkObjectName } from './store';

/** S3's limit on a key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

function badSegments(path: string): boolean {
  return path.split('/').some((s) => s === '' || s === '.' || s === '..');
}

/** The prefix as stored before each name: '' or 'a/b/' (surrounding slashes dropped). */
export function keyPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? '').replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '';
  if (CONTROL.test(trimmed) || badSegments(trimmed)) {
    throw new TamgaError('INVALID_ARGUMENT', `"${prefix}" cannot be a replica prefix: use words separated by single slashes, like tamga/office-laptop.`, { prefix });
  }
  return `${trimmed}/`;
}

/** The S3 key for `name`; INVALID_ARGUMENT for a name any store refuses (store.ts). */
export function objectKey(base: string, name: string): string {
  const key = base + checkObjectName(name);
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) {
    throw new TamgaError('INVALID_ARGUMENT', `The replica object name "${name}" is too long for S3 (over ${MAX_KEY_BYTES} bytes with its prefix).`, { name });
  }
  return key;
}

/** The key prefix to list for a name prefix ('' = everything under the base). */
export function listPrefix(base: string, namePrefix: string): string {
  if (CONTROL.test(namePrefix) || namePrefix.startsWith('/')) {
    throw new TamgaError('INVALID_ARGUMENT', `"${namePrefix}" is not a valid replica name prefix.`, { prefix: namePrefix });
  }
  return base + namePrefix;
}
