/**
 * Small real vaults for the replica tests: a few generated files (random bytes, so every
 * blob differs) and two real photos (so there are thumbnails too), pushed to a folder
 * replica through the engine facade, as the CLI does.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../src/main/engine/api';
import type { ReplicaConfig } from '../../src/shared/replica';
import { REAL } from './fixtures';
import { PASSPHRASE, tempDir } from './temp-vault';

/** Writes `count` files of random bytes into a new folder and returns it. */
export async function generatedFiles(count: number, size = 20_000): Promise<string> {
  const dir = join(await tempDir('tamga-replica-input-'), 'input');
  await mkdir(dir);
  for (let i = 0; i < count; i++) await writeFile(join(dir, `note-${i}-${randomBytes(4).toString('hex')}.bin`), randomBytes(size + i));
  return dir;
}

export const PHOTOS = [join(REAL, 'exiftool', 'Apple.jpg'), join(REAL, 'pngsuite', 'basn2c08.png')];

/** Runs `work` with an engine whose vault at `root` is unlocked, and closes it after. */
export async function withEngine<T>(root: string, work: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = createEngine({ actor: 'tamga-test' });
  try {
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    return await work(engine);
  } finally {
    await engine.close();
  }
}

export interface ReplicaVault {
  readonly root: string;
  readonly replica: string;
  readonly fingerprint: string;
}

/** A new vault holding `files` generated files and two photos, with a replica "usb" added (not pushed): a new folder, or `config`. */
export async function makeReplicaVault(files = 4, config?: ReplicaConfig): Promise<ReplicaVault> {
  const base = await tempDir('tamga-replica-');
  const root = join(base, 'vault');
  const replica = join(base, 'replica');
  const engine = createEngine({ actor: 'tamga-test' });
  try {
    const info = await engine.createVault({ path: root, passphrase: PASSPHRASE });
    await engine.importFiles({ paths: [await generatedFiles(files), ...PHOTOS] });
    await engine.addReplica({ name: 'usb', config: config ?? { kind: 'folder', path: replica } });
    return { root, replica, fingerprint: info.keyFingerprint };
  } finally {
    await engine.close();
  }
}
