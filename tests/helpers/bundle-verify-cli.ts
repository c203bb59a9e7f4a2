/**
 * Running `tamga verify --json` the way an auditor does, in a child process whose working
 * folder, TMPDIR and HOME are a fresh empty folder, and checking afterwards that the folder
 * is still empty and that the bundle itself is unchanged: proof that a check (even of a
 * hostile bundle) wrote nothing anywhere. tsx's transpile cache is switched off for the
 * child, so the only thing that could write there is Tamga.
 */
import { spawn } from 'node:child_process';
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VerifyProblemCode, VerifyReport } from '../../src/shared/bundle';
import { TAMGA_BIN } from './child-process';

export interface VerifyRun {
  readonly code: number | null;
  readonly report: VerifyReport;
  readonly stdout: string;
  readonly stderr: string;
  /** What the sandbox (cwd, TMPDIR, HOME) holds after the run: must be empty. */
  readonly sandboxAfter: readonly string[];
  /** Whether any entry of the bundle (name, size, time, inode) differs after the run. */
  readonly bundleChanged: boolean;
}

/** Every entry under `path` (or `path` itself) by lstat, names as raw bytes: never follows or opens anything. */
async function fingerprintTree(path: string): Promise<string> {
  const out: string[] = [];
  const walk = async (at: Buffer): Promise<void> => {
    const info = await lstat(at);
    out.push(`${at.toString('hex')} ${info.mode} ${info.size} ${info.mtimeMs} ${info.ino}`);
    if (!info.isDirectory()) return;
    for (const name of await readdir(at, { encoding: 'buffer' })) await walk(Buffer.concat([at, Buffer.from('/'), name]));
  };
  await walk(Buffer.from(path));
  return out.sort().join('\n');
}

/**
 * `extraEnv` is added to the child's environment. The machine's own known senders are never
 * read: the default file's folders (XDG_CONFIG_HOME, APPDATA) are unset unless given.
 */
export async function verifyInSandbox(bundle: string, args: readonly string[] = [], extraEnv: Record<string, string> = {}): Promise<VerifyRun> {
  const sandbox = await mkdtemp(join(tmpdir(), 'tamga-verify-sandbox-'));
  const before = await fingerprintTree(bundle).catch(() => 'absent');
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: sandbox, TMP: sandbox, TEMP: sandbox, HOME: sandbox, TSX_DISABLE_CACHE: '1' };
  delete env.TAMGA_PASSPHRASE;
  delete env.XDG_CONFIG_HOME;
  delete env.APPDATA;
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [TAMGA_BIN, 'verify', bundle, '--json', ...args], { cwd: sandbox, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const after = await fingerprintTree(bundle).catch(() => 'absent');
  const report = (stdout === '' ? null : JSON.parse(stdout)) as VerifyReport;
  const sandboxAfter = await readdir(sandbox);
  await rm(sandbox, { recursive: true, force: true });
  return { code, report, stdout, stderr, sandboxAfter, bundleChanged: before !== after };
}

/** Runs tasks with at most `limit` at a time (each CLI run is a Node process: the machine has 2 cores). */
export async function inPool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit = 3): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await (tasks[i] as () => Promise<T>)();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  return results;
}

export function problemCodes(report: VerifyReport): VerifyProblemCode[] {
  return report.problems.map((p) => p.code);
}
