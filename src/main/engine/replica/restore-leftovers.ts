/**
 * What a killed restore leaves: restore.ts builds the vault in a hidden sibling of the
 * target, `.NEWDIR.restoring-<uuid>`, and renames it into place only at the end, so a restore
 * killed midway (SIGKILL, a power cut) leaves that folder behind. It holds only copies of
 * the replica's objects (vault.json, the locked index snapshot, encrypted originals and
 * thumbnails, their half-written parts in tmp/), nothing the replica does not also hold, so
 * the next restore into the same target removes it, and says so.
 *
 * It removes one only when everything in it is in that shape: anything else (a file a
 * restore never writes, an index opened since, with its -wal, a link) may be something
 * the replica lacks, so that folder is kept and named. A folder whose owner file names a
 * process still running may be another restore at work now: left alone, and named.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { fromFsError } from '../fs/fs-errors';
import { BLOBS_DIR, INDEX_FILE, THUMBS_DIR, TMP_DIR, VAULT_FILE } from '../vault/layout';

/** In the staging folder while a restore writes it: that restore's process id. Removed before the rename. */
export const RESTORE_OWNER_FILE = 'restoring.pid';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export function stagingName(target: string, uuid: string): string {
  return `.${basename(target)}.restoring-${uuid}`;
}

/** True when `path` (relative to the staging folder, '/'-separated) is something a restore writes there. */
function restoreWrites(path: string, isFile: boolean, isDir: boolean): boolean {
  const [top, second, third, ...more] = path.split('/');
  if (more.length > 0 || top === undefined) return false;
  if (second === undefined) return isFile ? top === VAULT_FILE || top === INDEX_FILE || top === RESTORE_OWNER_FILE : isDir && [BLOBS_DIR, THUMBS_DIR, TMP_DIR].includes(top);
  if (top === TMP_DIR) return third === undefined && isFile && /^[0-9a-f]{24}\.part$/.test(second);
  if (top !== BLOBS_DIR && top !== THUMBS_DIR || !/^[0-9a-f]{2}$/.test(second)) return false;
  return third === undefined ? isDir : isFile && third.startsWith(second) && /^[0-9a-f]{32}$/.test(third);
}

/** What in `dir` a restore never writes, or null when it holds only what a restore writes. */
async function foreignEntry(dir: string): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!restoreWrites(path, entry.isFile(), entry.isDirectory())) return path;
  }
  return null;
}

/** The process id the owner file names when that process is alive and not this one (a restore running now); else null. */
async function ownerRunning(dir: string): Promise<number | null> {
  const pid = Number((await readFile(join(dir, RESTORE_OWNER_FILE), 'utf8').catch(() => '')).trim());
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (err) {
    // EPERM: alive, but another user's.
    return (err as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * Finds the staging folders earlier restores into `target` left in `parent`, removes those
 * that hold only replica copies, and returns one sentence on what it did (null: none found).
 */
export async function clearUnfinishedRestores(parent: string, target: string): Promise<string | null> {
  const pattern = new RegExp(`^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.restoring-${UUID}$`);
  let names: string[];
  try {
    names = (await readdir(parent, { withFileTypes: true })).filter((e) => e.isDirectory() && pattern.test(e.name)).map((e) => e.name).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fromFsError(err, `looking in ${parent} for what an earlier restore left`);
  }
  if (names.length === 0) return null;
  const removed: string[] = [];
  const kept: string[] = [];
  for (const name of names) {
    const dir = join(parent, name);
    const running = await ownerRunning(dir);
    if (running !== null) {
      kept.push(`${name} (its owner file names process ${running}, which is running: a restore may be writing it now; if none is, remove it yourself)`);
      continue;
    }
    const foreign = await foreignEntry(dir).catch(() => '(it cannot be read through)');
    if (foreign !== null) {
      kept.push(`${name} (it holds ${foreign}, which a restore does not write: look at it, and remove it yourself if it is not needed)`);
      continue;
    }
    await rm(dir, { recursive: true, force: true }).catch((err: unknown) => {
      throw fromFsError(err, `removing ${dir}, which an earlier restore left`);
    });
    removed.push(name);
  }
  const parts: string[] = [];
  if (removed.length > 0) parts.push(`Removed ${removed.length === 1 ? 'the unfinished restore folder' : `${removed.length} unfinished restore folders`} ${removed.join(', ')} that an earlier restore into ${target} left when it was stopped (${removed.length === 1 ? 'it' : 'they'} held only copies of the replica's objects).`);
  if (kept.length > 0) parts.push(`Kept ${kept.join('; ')} in ${parent}.`);
  return parts.join(' ');
}
