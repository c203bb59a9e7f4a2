/** Running the CLI and helper scripts in child processes, the way a user or a crash would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TAMGA_BIN = join(ROOT, 'bin', 'tamga.mjs');

export interface RunResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The child's process id. */
  readonly pid: number | undefined;
}

/** Runs `tamga <args>` with Node 22 (the one running the tests) and no inherited passphrase. */
export function runTamga(args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<RunResult> {
  return run(process.execPath, [TAMGA_BIN, ...args], env, input);
}

export function run(command: string, args: readonly string[], env: Record<string, string> = {}, input?: string): Promise<RunResult> {
  const base = { ...process.env };
  delete base.TAMGA_PASSPHRASE;
  delete base.TAMGA_NEW_PASSPHRASE;
  delete base.TAMGA_TEST_CRASH_AT;
  const child = spawn(command, args, { env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, pid: child.pid }));
  });
}

/** Starts a TypeScript helper script under tsx and resolves once it prints `ready`. */
export function startHelper(script: string, args: readonly string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'helpers', script), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve(child);
    });
    child.on('exit', (code) => reject(new Error(`helper ${script} exited with ${String(code)}: ${stderr}`)));
  });
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
