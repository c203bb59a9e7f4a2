/**
 * The shared real and hostile fixture files, read in place (never copied into the
 * project): `TAMGA_FIXTURES` when set, else ../shared/fixtures beside the checkout, else
 * /work/shared/fixtures (where CI's clean clone may live elsewhere).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './child-process';
import { listFiles } from './temp-vault';

function locateFixtures(): string {
  const candidates = [process.env.TAMGA_FIXTURES, join(ROOT, '..', 'shared', 'fixtures'), '/work/shared/fixtures'];
  for (const dir of candidates) if (dir !== undefined && existsSync(join(dir, 'exiftool-oracle.json'))) return dir;
  throw new Error(`The shared fixtures were not found (looked in ${candidates.filter(Boolean).join(', ')}); set TAMGA_FIXTURES.`);
}

export const FIXTURES = locateFixtures();
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
