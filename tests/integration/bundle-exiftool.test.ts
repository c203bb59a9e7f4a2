// ExifTool's whole output travels in the bundle: metadata/exiftool/E000N.json for each exhibit
// ExifTool read at import (a CR3 and a RAF here) and none for the JPEG it never read; every
// such file is in the tag manifest (sha256sum -c passes, the "no file added" and count
// commands of README-VERIFY.txt agree), tamga verify passes, and the file is exactly the
// stored output in the documented form (docs/formats.md, "metadata/exiftool/E0001.json").
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { exiftoolJson } from '../../src/main/engine/bundle/export/exiftool-json';
import { COUNT_COMMAND, EXTRA_FILES_COMMAND, VERIFY_COMMANDS } from '../../src/main/engine/bundle/layout';
import { exifToolOutputOf } from '../../src/main/engine/items/exiftool-output';
import type { OpenVault } from '../../src/main/engine/vault/vault';
import { bundleFiles, importPaths, openNewVault, shell } from '../helpers/bundle-export-vault';
import { verifyInSandbox } from '../helpers/bundle-verify-cli';
import { CAMERA_FORMATS, REAL } from '../helpers/fixtures';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

let vault: OpenVault;
let ids: string[];
let bundle: string;

beforeAll(async () => {
  ({ vault } = await openNewVault());
  const summary = await importPaths(vault, [join(REAL, 'exiftool', 'Apple.jpg'), join(CAMERA_FORMATS, 'CanonRaw.cr3'), join(CAMERA_FORMATS, 'FujiFilm.raf')]);
  ids = summary.imported.map((f) => f.itemId);
  bundle = join(await tempDir(), 'bundle');
  await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: bundle });
}, 120_000);

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

describe('metadata/exiftool/ in a bundle', () => {
  it('holds one file per exhibit ExifTool read, listed in the tag manifest', async () => {
    const files = await bundleFiles(bundle);
    expect(files.filter((f) => f.startsWith('metadata/exiftool/'))).toEqual(['metadata/exiftool/E0002.json', 'metadata/exiftool/E0003.json']);
    const manifest = await readFile(join(bundle, 'tagmanifest-sha256.txt'), 'utf8');
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}metadata\/exiftool\/E0002\.json$/m);
    expect(manifest).toMatch(/^[0-9a-f]{64} {2}metadata\/exiftool\/E0003\.json$/m);
    for (const command of VERIFY_COMMANDS.slice(0, 3)) expect(shell(bundle, command).code, command).toBe(0);
    expect(shell(bundle, EXTRA_FILES_COMMAND).stdout).toBe('');
    const readme = await readFile(join(bundle, 'README-VERIFY.txt'), 'utf8');
    const stated = /Files in this folder, this one included: (\d+)\./.exec(readme)?.[1];
    expect(shell(bundle, COUNT_COMMAND).stdout.trim()).toBe(stated);
    expect(Number(stated)).toBe(files.length);
  });

  it('is exactly the stored ExifTool output, in the documented form', async () => {
    const text = await readFile(join(bundle, 'metadata', 'exiftool', 'E0002.json'), 'utf8');
    const stored = exifToolOutputOf(vault.db, ids[1] ?? '');
    expect(stored).not.toBeNull();
    expect(text).toBe(exiftoolJson('E0002', stored as NonNullable<typeof stored>));
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['format', 'formatVersion', 'exhibit', 'exiftoolVersion', 'args', 'readAt', 'tags']);
    expect(doc).toMatchObject({ format: 'tamga-exiftool', formatVersion: 1, exhibit: 'E0002', args: ['-G', '-n', '-struct', '-u'] });
    const tags = doc.tags as Record<string, unknown>;
    expect(tags['EXIF:Model']).toBe('Canon EOS M50');
    expect(tags['File:FileType']).toBe('CR3');
    expect(String(tags.SourceFile)).toMatch(/CanonRaw\.cr3$/);
  });

  it('passes tamga verify', async () => {
    const run = await verifyInSandbox(bundle, ['--key', vault.vaultFile.signing.fingerprint]);
    expect(run.report.problems).toEqual([]);
    expect(run.code).toBe(0);
  }, 60_000);
});
