/**
 * The OS fence around the bundled ffmpeg, beyond what ffmpeg-runner.ts already does for
 * every platform (an empty environment, no stdin, a time limit, the lowest priority, a
 * cap on output, the root folder as working folder). On Linux, where util-linux gives it
 * for free, each run also gets resource limits (`prlimit`): address space, open files and
 * no core dumps. Probed once, used only where it works.
 *
 * No network namespace: ffmpeg reads the decrypted video from Tamga's own loopback server
 * (loopback-server.ts; a plaintext temp file would be worse), which a new, empty network
 * namespace would cut off. macOS and Windows keep the portable fence; their OS sandboxes
 * (sandbox-exec, AppContainer) are not cheap to drive from Node and are left for later.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Far above what a poster frame of an 8K video needs (~200 MB), far below the machine. */
export const FFMPEG_ADDRESS_SPACE_BYTES = 2 * 1024 ** 3;
export const FFMPEG_OPEN_FILES = 256;

export interface SandboxedCommand {
  readonly command: string;
  readonly args: readonly string[];
  /** What fences this run: for logs and tests. */
  readonly fences: readonly 'resource-limits'[];
}

interface Tools {
  /** An absolute path (ffmpeg runs with an empty environment, so no PATH), or null where absent or refused. */
  readonly prlimit: string | null;
}

let probed: Tools | undefined;

/** The tool's absolute path when it exists and runs `true` successfully with these arguments. */
function working(name: string, args: readonly string[]): string | null {
  const path = ['/usr/bin', '/bin'].map((dir) => `${dir}/${name}`).find((p) => existsSync(p));
  if (path === undefined) return null;
  try {
    return spawnSync(path, [...args, '--', '/bin/true'], { stdio: 'ignore', timeout: 5000, env: {} }).status === 0 ? path : null;
  } catch {
    return null;
  }
}

function probe(): Tools {
  probed ??=
    process.platform === 'linux'
      ? { prlimit: working('prlimit', ['--core=0']) }
      : { prlimit: null };
  return probed;
}

/** The command that runs `binary args` inside the fences this system offers. */
export function sandboxed(binary: string, args: readonly string[]): SandboxedCommand {
  const can = probe();
  const limits = can.prlimit !== null ? [can.prlimit, `--as=${FFMPEG_ADDRESS_SPACE_BYTES}`, `--nofile=${FFMPEG_OPEN_FILES}`, '--core=0', '--'] : [];
  const wrapped = [...limits, binary, ...args];
  const fences: SandboxedCommand['fences'] = can.prlimit !== null ? ['resource-limits'] : [];
  return { command: wrapped[0] ?? binary, args: wrapped.slice(1), fences };
}
