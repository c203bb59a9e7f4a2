/** The shared real and hostile fixture files (../shared/fixtures), read in place. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from './temp-vault';
import { ROOT } from './child-process';

export const FIXTURES = join(ROOT, '..', 'shared', 'fixtures');
export const REAL = join(FIXTURES, 'real');
export const MALFORMED = join(FIXTURES, 'malformed');

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
