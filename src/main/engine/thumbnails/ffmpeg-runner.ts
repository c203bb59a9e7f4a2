/**
 * Runs the bundled ffmpeg (a 2018 static build from @ffmpeg-installer/ffmpeg) out of process:
 * decoders fed hostile files must not share our address space. Each run gets a hard time
 * limit (SIGKILL), the lowest CPU priority, no stdin, an empty environment (so no proxy
 * settings can send a request off the machine), the root folder as its working folder
 * (never the user's: a relative name in a hostile file reaches nothing of theirs; no temp
 * folder is made, since thumbnails write nothing to the temp folder), a cap on what it may
 * write back, and, where the OS offers them cheaply, resource limits
 * (ffmpeg-sandbox.ts).
 *
 * Why still the 2018 build (ffmpeg 4.1): it is the only ffmpeg on the npm registry that
 * installs offline on Linux, macOS and Windows alike; ffmpeg-static 5.x and node-av
 * download their binaries in an install script (refused where only the registry is
 * reachable), and @ffmpeg/ffmpeg is a WebAssembly build for browsers.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants as osConstants, setPriority } from 'node:os';
import { parse } from 'node:path';
import type { Readable } from 'node:stream';
import { sandboxed } from './ffmpeg-sandbox';
import { MAX_FFMPEG_OUTPUT_BYTES } from './limits';

export interface FfmpegRun {
  /** Exit code, or null when it was killed. */
  readonly code: number | null;
  readonly stdout: Buffer;
  /** The end of stderr (for logs only: it may quote the file's own metadata). */
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  /** It wrote more than `maxOutputBytes` and was killed. */
  readonly overflowed: boolean;
  /** The binary could not be started at all (missing, not executable). */
  readonly spawnError: string | null;
}

export interface FfmpegOptions {
  readonly timeLimitMs: number;
  readonly signal?: AbortSignal;
  readonly maxOutputBytes?: number;
}

const STDERR_KEEP = 8 * 1024;

let cachedPath: string | null | undefined;

/**
 * Where the ffmpeg binary is, from the package's own `path` export (which throws, as a
 * string, on a platform it has no binary for). In a packaged Electron app the binary must be
 * unpacked from the asar archive, since an executable inside it cannot be started.
 */
export function ffmpegPath(): string | null {
  if (cachedPath !== undefined) return cachedPath;
  try {
    const require = createRequire(import.meta.url);
    const found = (require('@ffmpeg-installer/ffmpeg') as { path?: unknown }).path;
    cachedPath = typeof found === 'string' ? found.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2') : null;
  } catch {
    cachedPath = null;
  }
  return cachedPath;
}

/** The child's whole environment: nothing inherited, so no http_proxy and no locale surprises. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { no_proxy: '*', LC_ALL: 'C' };
  // Windows sockets do not work without SystemRoot.
  if (process.platform === 'win32' && process.env.SystemRoot !== undefined) env.SystemRoot = process.env.SystemRoot;
  return env;
}

export function runFfmpeg(args: readonly string[], options: FfmpegOptions): Promise<FfmpegRun> {
  const binary = ffmpegPath();
  const maxOutput = options.maxOutputBytes ?? MAX_FFMPEG_OUTPUT_BYTES;
  const failedToStart = (message: string): FfmpegRun => ({
    code: null,
    stdout: Buffer.alloc(0),
    stderr: '',
    timedOut: false,
    aborted: false,
    overflowed: false,
    spawnError: message,
  });
  if (binary === null) return Promise.resolve(failedToStart('The bundled ffmpeg was not found.'));
  if (options.signal?.aborted === true) return Promise.resolve({ ...failedToStart(''), spawnError: null, aborted: true });

  let child: Child;
  try {
    child = spawnChild(binary, args);
  } catch (err) {
    // spawn throws synchronously for some failures (bad arguments, EACCES on some systems).
    return Promise.resolve(failedToStart(err instanceof Error ? err.message : String(err)));
  }
  return collect(child, options, maxOutput);
}

type Child = ChildProcessByStdio<null, Readable, Readable>;

/** The root of the file system (C:\\ and the like on Windows). */
const NEUTRAL_CWD = parse(process.cwd()).root;

function spawnChild(binary: string, args: readonly string[]): Child {
  const run = sandboxed(binary, args);
  return spawn(run.command, run.args, { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv(), windowsHide: true, cwd: NEUTRAL_CWD });
}

function collect(child: Child, options: FfmpegOptions, maxOutput: number): Promise<FfmpegRun> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let timedOut = false;
    let aborted = false;
    let overflowed = false;
    let spawnError: string | null = null;
    let settled = false;

    const kill = (): void => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, options.timeLimitMs);
    const onAbort = (): void => {
      aborted = true;
      kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    if (child.pid !== undefined) {
      try {
        // Thumbnails are background work: the UI and the import's hashing come first.
        setPriority(child.pid, osConstants.priority.PRIORITY_LOW);
      } catch {
        // Not fatal: some systems refuse priority changes.
      }
    }

    child.stdout.on('data', (data: Buffer) => {
      outBytes += data.length;
      if (outBytes > maxOutput) {
        overflowed = true;
        kill();
        return;
      }
      chunks.push(data);
    });
    child.stderr.on('data', (data: Buffer) => {
      stderr = (stderr + data.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (err) => {
      // ENOENT/EACCES: the binary could not be started. 'close' may not follow.
      spawnError = err.message;
      finish(null);
    });
    child.on('close', (code) => finish(code));

    function finish(code: number | null): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        code,
        stdout: overflowed ? Buffer.alloc(0) : Buffer.concat(chunks),
        stderr,
        timedOut,
        aborted,
        overflowed,
        spawnError,
      });
    }
  });
}
