/** Where the harness finds the built app. */
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const BUILT_RENDERER = join(ROOT, 'out', 'renderer');
export const BUILT_WORKER = join(ROOT, 'out', 'main', 'engine-worker.js');
