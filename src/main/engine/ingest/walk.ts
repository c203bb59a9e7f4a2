/**
 * Finds what an import will read: regular files under the given paths, recursively,
 * with lstat so that a symlink is reported, never followed (a link can point anywhere:
 * outside the card, into a loop, or at the vault itself). Everything not imported is
 * named with its reason.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { SkippedFile } from '../../../shared/import';
import { isJunkDirectory, isJunkFile } from './junk';

export interface FoundFile {
  readonly path: string;
  readonly size: number;
  readonly stats: Stats;
}

export interface WalkResult {
  files: FoundFile[];
  skipped: SkippedFile[];
  junk: number;
  bytes: number;
}

export interface WalkOptions {
  readonly includeJunk: boolean;
  /** The vault's own folder: never imported into itself. */
  readonly vaultRoot: string;
}

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

export async function walkSources(paths: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [], junk: 0, bytes: 0 };
  const vaultRoot = resolve(options.vaultRoot);
  const seen = new Set<string>();

  const skip = (path: string, reason: SkippedFile['reason'], message: string): void => {
    result.skipped.push({ path, reason, message });
  };

  const visit = async (path: string, isTopLevel: boolean): Promise<void> => {
    let stats: Stats;
    try {
      stats = await lstat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        // A path that was given but never existed did not disappear: saying so would send
        // the user looking for a deleted file instead of a typo.
        if (isTopLevel) skip(path, 'not-found', 'This path does not exist.');
        else skip(path, 'vanished', 'The file disappeared before it could be read.');
      } else skip(path, 'unreadable', `The file cannot be read (${code ?? 'error'}).`);
      return;
    }
    if (inside(path, vaultRoot)) {
      skip(path, 'inside-vault', 'This is inside the vault itself; a vault is never imported into itself.');
      return;
    }
    const name = path.slice(path.lastIndexOf(sep) + 1);
    if (stats.isSymbolicLink()) {
      skip(path, 'symlink', 'This is a symbolic link; links are not followed (import what it points to directly).');
    } else if (stats.isDirectory()) {
      if (!options.includeJunk && isJunkDirectory(name) && !isTopLevel) {
        result.junk += 1;
        return;
      }
      let entries: string[];
      try {
        entries = await readdir(path);
      } catch (err) {
        skip(path, 'unreadable', `The folder cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`);
        return;
      }
      // Sorted by code point, so that the same card imports in the same order every time.
      for (const entry of entries.sort()) await visit(join(path, entry), false);
    } else if (stats.isFile()) {
      if (!options.includeJunk && isJunkFile(name)) {
        result.junk += 1;
        skip(path, 'os-junk', 'A hidden file the operating system made (not evidence); skipped.');
        return;
      }
      // The same path named twice (a folder and a file inside it) is read once. Hard links
      // are distinct paths: each becomes an acquisition of the same content.
      if (seen.has(path)) return;
      seen.add(path);
      result.files.push({ path, size: stats.size, stats });
      result.bytes += stats.size;
    } else {
      skip(path, 'special-file', 'This is a device, pipe or socket, not a file; skipped.');
    }
  };

  for (const p of paths) await visit(resolve(p), true);
  return result;
}
