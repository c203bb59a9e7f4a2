/**
 * The baselines each Tamga figure is set against, run on the same bytes in the same run:
 * Node's own hashing (the floor: Tamga must hash anyway), the coreutils a user would run
 * instead, and `dd conv=fsync` (what the disk can durably write).
 */
import { execFile, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';

const MiB = 1024 * 1024;

/**
 * Hashes each file with Node's crypto, 1 MiB reads, one after another, in a new Node
 * process timed inside it (start-up excluded, as the import child times itself). Never in
 * the benchmark's own process: after a verify there, V8 collected garbage ten times as
 * often while this loop allocated its 1 MiB chunks (65 full collections instead of 6 over
 * 1.6 GiB), which made Node's SHA-256 look half as fast as it is.
 */
export function hashFiles(paths: readonly string[], algorithm: 'sha256' | 'sha512'): Promise<number> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', hashScript(algorithm), '--', ...paths], { encoding: 'utf8' }, (error, stdout) => (error === null ? resolve(Number(stdout)) : reject(error)));
  });
}

/**
 * SHA-256 and SHA-512 of the same files at once, in two processes: the hashing a verify
 * of a BagIt bundle with both manifests cannot skip, spread over two cores. Its time is
 * the slower of the two (SHA-512, about half as fast as SHA-256 with SHA extensions).
 */
export async function hashBothInChildren(paths: readonly string[]): Promise<number> {
  const start = performance.now();
  await Promise.all([hashFiles(paths, 'sha256'), hashFiles(paths, 'sha512')]);
  return performance.now() - start;
}

function hashScript(algorithm: string): string {
  return `
    const { createHash } = require('node:crypto');
    const { createReadStream } = require('node:fs');
    (async () => {
      const start = performance.now();
      for (const path of process.argv.slice(1)) { // with -e, no script path comes first
        const hash = createHash(${JSON.stringify(algorithm)});
        for await (const chunk of createReadStream(path, { highWaterMark: ${MiB} })) hash.update(chunk);
        hash.digest();
      }
      process.stdout.write(String(performance.now() - start));
    })();`;
}

/** Runs a shell command (in `cwd`); throws with its stderr when it fails, so a broken baseline is never timed. */
export function shell(command: string, cwd?: string): Promise<void> {
  const run = spawnSync('bash', ['-c', command], { cwd, encoding: 'utf8', maxBuffer: 64 * MiB });
  if (run.status !== 0) return Promise.reject(new Error(`${command} failed (${run.status ?? run.signal}): ${run.stderr}`));
  return Promise.resolve();
}

/** A durable copy of `source` with dd (fsync at the end), removed afterwards. */
export async function ddFsync(source: string, target: string): Promise<void> {
  await shell(`dd if=${JSON.stringify(source)} of=${JSON.stringify(target)} bs=4M conv=fsync status=none`);
  await rm(target);
}
