/**
 * Before the e2e run: build the app (electron-vite build) unless out/ is newer than
 * every source file, so `npx playwright test` alone tests the current code and `npm test`
 * (which has just built) does not build twice.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_RENDERER, BUILT_WORKER, ROOT } from './harness/paths';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export default function globalSetup(): void {
  const outputs = [join(BUILT_RENDERER, 'index.html'), BUILT_WORKER];
  const built = outputs.every(existsSync) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
  const sources = Math.max(newestSource(join(ROOT, 'src')), statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs);
  if (built > sources) return;
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' });
}
