/**
 * What a path inside a bundle may look like. Every name the verifier meets (a folder
 * entry, a zip entry, a manifest line) passes through here before it is used, so that no
 * name can point outside the bundle or mean different files on different systems.
 *
 * A safe path is relative, '/'-separated, valid Unicode, with no empty, '.' or '..'
 * component, no backslash (a separator on Windows), no NUL or other control character
 * (they end strings in C and split lines in manifests and in `sha256sum -c` output), no
 * drive letter or ':' stream name, at most MAX_DEPTH components and MAX_PATH_BYTES bytes.
 */
import { isWellFormedString } from '../../custody/event';
import { MAX_DEPTH, MAX_PATH_BYTES } from './limits';

/** C0 controls and DEL, found by code rather than by a regular expression of control characters. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
const DRIVE_OR_STREAM = /:/;

/** Null when `path` is safe; else the reason, as the end of a sentence ("it …"). */
export function unsafePathReason(path: string): string | null {
  if (path.length === 0) return 'it is empty';
  if (path.includes('\u0000')) return 'it contains a NUL character';
  if (hasControl(path)) return 'it contains a control character';
  if (path.includes('\\')) return 'it contains a backslash, which Windows reads as a folder separator';
  if (path.startsWith('/')) return 'it is an absolute path';
  if (DRIVE_OR_STREAM.test(path)) return /^[A-Za-z]:/.test(path) ? 'it starts with a drive letter' : 'it contains a colon (a drive letter or a Windows stream name)';
  if (!isWellFormedString(path)) return 'it is not valid Unicode';
  if (Buffer.byteLength(path, 'utf8') > MAX_PATH_BYTES) return `it is longer than ${MAX_PATH_BYTES} bytes`;
  const parts = path.split('/');
  if (parts.length > MAX_DEPTH) return `it is nested more than ${MAX_DEPTH} folders deep`;
  for (const part of parts) {
    if (part === '..') return 'it climbs out of its folder with ".."';
    if (part === '.') return 'it contains a "." component';
    if (part === '') return 'it contains an empty component ("//" or a trailing "/")';
  }
  return null;
}

/**
 * The key under which two names collide on some system: NFC (macOS normalises names)
 * and lower case (Windows and macOS ignore case by default). Two files with one key
 * would overwrite each other when the bundle is copied there, and a manifest line could
 * then be checked against the other file, so the verifier refuses such pairs.
 */
export function collisionKey(path: string): string {
  // ASCII without capitals is its own key: no copy of each of a zip's 200 000 names (~7 MB).
  return isOwnKey(path) ? path : path.normalize('NFC').toLowerCase();
}

function isOwnKey(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code > 0x7f || (code >= 0x41 && code <= 0x5a)) return false;
  }
  return true;
}

/** The parent folders of a path: "a/b/c" → ["a", "a/b"]. */
export function parentsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
