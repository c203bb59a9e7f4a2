/**
 * Where the real Electron binary is, without asking the electron package (whose index.js
 * starts a download when the binary is missing). null when it was never downloaded, as on
 * machines without access to Electron's release host.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ELECTRON_PACKAGE = join(import.meta.dirname, '..', '..', 'node_modules', 'electron');

export function electronBinary(): string | null {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(override ?? join(ELECTRON_PACKAGE, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** What the smoke test prints (once, from global-setup.ts) when it cannot run. */
export const SKIP_LINE =
  'Electron smoke test SKIPPED: the Electron binary is not installed (its download failed or is blocked here). Where the network allows: `npx install-electron` then `npm run test:electron`.';
