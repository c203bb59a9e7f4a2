/**
 * The real fixture files in tests/fixtures, located as tests/helpers/fixtures.ts does
 * (that module also loads the engine's database code, which Playwright's loader cannot
 * import).
 */
import { join } from 'node:path';
import { ROOT } from './paths';

export const REAL = join(ROOT, 'tests', 'fixtures', 'real');
