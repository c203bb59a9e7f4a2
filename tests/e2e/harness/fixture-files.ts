/**
 * The shared real fixture files, located as tests/helpers/fixtures.ts does (that module
 * also loads the engine's database code, which Playwright's loader cannot import).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths';

function locateFixtures(): string {
  const candidates = [process.env['TAMGA_FIXTURES'], join(ROOT, '..', 'shared', 'fixtures'), '/work/shared/fixtures'];
  for (const dir of candidates) if (dir !== undefined && existsSync(join(dir, 'exiftool-oracle.json'))) return dir;
  throw new Error(`The shared fixtures were not found (looked in ${candidates.filter(Boolean).join(', ')}); set TAMGA_FIXTURES.`);
}

export const REAL = join(locateFixtures(), 'real');
