/** What every benchmark section is given, and what the sections hand on to later ones. */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createVault } from '../../src/main/engine/vault/vault';
import { writePhotos, writeRandomFile } from '../inputs';

export const BENCH_PASSPHRASE = 'benchmark passphrase, not a secret';

export interface BenchContext {
  readonly quick: boolean;
  /** bench/tmp: everything generated goes here and is removed at the end. */
  readonly tmp: string;
  /** The generated inputs, made once and shared (the bundle section exports them again). */
  readonly inputs: { largeFile?: string; photosDir?: string };
  /** `--scale-vault`: an existing synthetic vault for the scale section (default: the cached one of 1 000 000 items). */
  readonly scaleVault?: string;
  /** `--scale-tag`: how many items the scale section tags (default 100 000; 20 000 with --quick). */
  readonly scaleTagItems?: number;
}

/** A new vault at the default KDF parameters, closed again; returns its folder. */
export async function freshVault(ctx: BenchContext, name: string): Promise<string> {
  const root = join(ctx.tmp, name);
  await rm(root, { recursive: true, force: true });
  (await createVault(root, BENCH_PASSPHRASE)).close();
  return root;
}

/** The large video-like file (1 GiB; 256 MiB with --quick), generated once per run. */
export async function largeFile(ctx: BenchContext): Promise<{ path: string; bytes: number }> {
  const bytes = (ctx.quick ? 256 : 1024) * 1024 * 1024;
  const path = join(ctx.tmp, 'VID_LARGE.MOV');
  if (ctx.inputs.largeFile === undefined) {
    await writeRandomFile(path, bytes);
    ctx.inputs.largeFile = path;
  }
  return { path, bytes };
}

/** The folder of distinct 12 MP JPEGs with EXIF (200; 40 with --quick), generated once per run. */
export async function photoFolder(ctx: BenchContext): Promise<{ dir: string; files: string[] }> {
  const count = ctx.quick ? 40 : 200;
  const dir = join(ctx.tmp, 'photos');
  if (ctx.inputs.photosDir === undefined) {
    await writePhotos(dir, count);
    ctx.inputs.photosDir = dir;
  }
  return { dir, files: (await readdir(dir)).sort().map((f) => join(dir, f)) };
}
