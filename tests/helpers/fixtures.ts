/**
 * The real and hostile fixture files in tests/fixtures (README.md there says where each
 * came from and under which licence), read in place.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './child-process';
import { listFiles } from './temp-vault';

export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const REAL = join(FIXTURES, 'real');
export const MALFORMED = join(FIXTURES, 'malformed');
/** Real files in formats only ExifTool reads (CR3, CRW, RAF, RW2, MRW, X3F, JPEG XL). */
export const CAMERA_FORMATS = join(FIXTURES, 'camera-formats');

export interface MalformedEntry {
  readonly path: string;
  readonly mutation: string;
  readonly sha256: string;
  readonly size: number;
}

export async function malformedIndex(): Promise<MalformedEntry[]> {
  return JSON.parse(await readFile(join(FIXTURES, 'malformed-index.json'), 'utf8')) as MalformedEntry[];
}

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

export { listFiles };
