/**
 * The baselines each Tamga figure is set against, run on the same bytes in the same run:
 * Node's own hashing (the floor: Tamga must hash anyway), the coreutils a user would run
 * instead, and `dd conv=fsync` (what the disk can durably write).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';

const MiB = 1024 * 1024;

/** Hashes each file with Node's crypto, 1 MiB reads, one after another. */
export async function hashFiles(paths: readonly string[], algorithm: 'sha256' | 'sha512'): Promise<void> {
  for (const path of paths) {
    const hash = createHash(algorithm);
    for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
    hash.digest();
  }
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
