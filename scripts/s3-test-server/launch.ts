/**
 * start.sh and stop.sh from Node, for the vitest global setup (tests/helpers/
 * s3-global-setup.ts) and the bench (bench/sections/s3.ts): one way to get the real S3
 * test server, and one place that reads what start.sh wrote to DIR/env.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const HERE = import.meta.dirname;

export interface S3TestServer {
  readonly endpoint: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  /** How long start.sh took, as it measured. */
  readonly startSeconds: number;
}

export type Started = { readonly ok: true; readonly server: S3TestServer } | { readonly ok: false; readonly notInstalled: boolean; readonly reason: string };

/** start.sh's exit status when python3-swift or memcached is not installed. */
const NOT_INSTALLED = 3;

function parseEnv(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').flatMap((line) => (/^[A-Z0-9_]+=/.test(line) ? [[line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]] : [])));
}

/**
 * Starts the server with its files in `dir` (a fresh folder on a filesystem with user
 * xattrs). With `ownerPid`, the servers also stop when that process ends, even if nobody
 * calls stopS3TestServer (a crashed test run leaves nothing running).
 */
export async function startS3TestServer(dir: string, options: { ownerPid?: number } = {}): Promise<Started> {
  try {
    await run('bash', [join(HERE, 'start.sh'), dir], {
      env: { ...process.env, ...(options.ownerPid === undefined ? {} : { TAMGA_S3_OWNER_PID: String(options.ownerPid) }) },
      timeout: 180_000,
    });
  } catch (error) {
    const e = error as { code?: unknown; stderr?: unknown; message?: string };
    const said = typeof e.stderr === 'string' ? e.stderr.trim().split('\n').filter(Boolean).pop() : undefined;
    return { ok: false, notInstalled: e.code === NOT_INSTALLED, reason: (said ?? e.message ?? String(error)).replace(/^s3-test-server: /, '') };
  }
  const env = parseEnv(await readFile(join(dir, 'env'), 'utf8'));
  return {
    ok: true,
    server: {
      endpoint: env['TAMGA_TEST_S3_ENDPOINT'] ?? '',
      accessKeyId: env['TAMGA_TEST_S3_ACCESS_KEY'] ?? '',
      secretAccessKey: env['TAMGA_TEST_S3_SECRET_KEY'] ?? '',
      region: env['TAMGA_TEST_S3_REGION'] ?? 'us-east-1',
      startSeconds: Number(env['TAMGA_TEST_S3_START_SECONDS']),
    },
  };
}

/** Stops what startS3TestServer(dir) started; the caller removes `dir`. */
export async function stopS3TestServer(dir: string): Promise<void> {
  await run('bash', [join(HERE, 'stop.sh'), dir], { timeout: 60_000 });
}
