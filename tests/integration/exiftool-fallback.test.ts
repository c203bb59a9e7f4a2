// ExifTool as the reader of last resort, through a real import into a real vault: the camera
// formats Tamga's own readers do not parse get their capture time, camera and size from it,
// its whole output is kept in the encrypted index; a JPEG, HEIC and MP4 that Tamga reads fully
// never start it; when it cannot start, every file is still archived and says why; a raw file
// gets its thumbnail from the embedded JPEG; and no ExifTool (Perl) process outlives the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, readdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { exiftoolPath } from 'exiftool-vendored';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractedMetadata } from '../../src/shared/metadata';
import { runImport } from '../../src/main/engine/ingest/import-run';
import { exifToolOutputOf } from '../../src/main/engine/items/exiftool-output';
import { ExifToolSession } from '../../src/main/engine/metadata/exiftool/exiftool-session';
import type { OpenVault } from '../../src/main/engine/vault/vault';
import { openNewVault } from '../helpers/bundle-export-vault';
import { CAMERA_FORMATS, REAL } from '../helpers/fixtures';
import { pngWithTextExif } from '../helpers/png-text-exif';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

/** Photos and a video that Tamga's own readers read fully: capture time, camera and size. */
const FULLY_READ = [join(REAL, 'exiftool', 'Apple.jpg'), join(REAL, 'exif-samples', 'IMG_5195.HEIC'), join(REAL, 'mei', 'with-gps.mp4')];

let vault: OpenVault;
let work: string;

beforeAll(async () => {
  vault = (await openNewVault()).vault;
  work = await tempDir('tamga-exiftool-');
});

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

function run(paths: readonly string[], exiftool?: string | false): ReturnType<typeof runImport> {
  const env = { db: vault.db, store: vault.store, signer: vault.signer, actor: vault.actor, vaultRoot: vault.paths.root, hashes: vault.legacyHashes };
  return runImport(env, { paths }, exiftool === undefined ? {} : { exiftool });
}

function metadataOf(itemId: string): ExtractedMetadata {
  return JSON.parse(vault.db.prepare('SELECT metadata_json FROM items WHERE id = ?').pluck().get(itemId) as string) as ExtractedMetadata;
}

/** This process's children whose command line names ExifTool (the Perl batch process). */
function exiftoolChildren(): string[] {
  const out = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout;
  return out.split('\n').filter((line) => /exiftool/i.test(line));
}

/** A program that only notes it was started, then fails: a stand-in for a broken ExifTool. */
async function markerProgram(name: string): Promise<{ path: string; started: () => Promise<boolean> }> {
  const marker = join(work, `${name}.started`);
  const path = join(work, `${name}.sh`);
  await writeFile(path, `#!/bin/sh\necho started > '${marker}'\nexit 3\n`);
  await chmod(path, 0o755);
  return { path, started: async () => (await readdir(work)).includes(`${name}.started`) };
}

describe('ExifTool, the reader of last resort', () => {
  it('fills capture time, camera and size of the camera formats, keeps its JSON encrypted, and ends its process', async () => {
    expect(exiftoolChildren()).toEqual([]);
    const summary = await run([CAMERA_FORMATS]);
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(7);
    expect(exiftoolChildren()).toEqual([]);

    const byName = new Map(summary.imported.map((f) => [f.path.slice(CAMERA_FORMATS.length + 1), f.itemId]));
    const cr3 = metadataOf(byName.get('CanonRaw.cr3') as string);
    expect(cr3.make).toEqual({ value: 'Canon', source: 'exiftool' });
    expect(cr3.model).toEqual({ value: 'Canon EOS M50', source: 'exiftool' });
    expect(cr3.pixelSize).toEqual({ width: 6000, height: 4000, source: 'exiftool' });
    // EXIF OffsetTimeOriginal establishes the instant: known.
    expect(cr3.captureTime).toMatchObject({ local: '2018-02-21T12:08:56.21', utc: '2018-02-21T12:08:56.21Z', offsetKnown: true, source: 'exiftool', field: 'ExifTool EXIF:DateTimeOriginal + EXIF:OffsetTimeOriginal' });
    expect(cr3.exiftool).toMatchObject({ status: 'read', filled: ['captureTime', 'make', 'model', 'pixelSize', 'orientation'] });
    expect(cr3.problems).toEqual([]);

    // No offset in the file: a clock time, never an instant.
    const crw = metadataOf(byName.get('CanonRaw.crw') as string);
    expect(crw.captureTime).toMatchObject({ local: '2003-11-10T17:39:26', utc: null, offsetKnown: false, field: 'ExifTool MakerNotes:DateTimeOriginal' });
    const row = vault.db.prepare('SELECT captured_local, captured_utc, capture_source, make, model, width, height FROM items WHERE id = ?').get(byName.get('Sigma.x3f'));
    expect(row).toEqual({ captured_local: '2001-01-01T00:36:35', captured_utc: null, capture_source: 'exiftool', make: 'SIGMA', model: 'SIGMA SD10', width: 2268, height: 1512 });

    // The whole output, per item, as ExifTool printed it.
    for (const [name, itemId] of byName) {
      const output = exifToolOutputOf(vault.db, itemId);
      expect(output, name).not.toBeNull();
      expect(output?.version).toMatch(/^13\.\d+$/);
      expect(output?.args).toEqual(['-G', '-n', '-struct', '-u']);
      const tags = JSON.parse(output?.json ?? '{}') as Record<string, unknown>;
      expect(tags['File:FileType'], name).toBe(name === 'JXL2.jxl' ? 'JXL' : name.split('.')[1]?.toUpperCase());
    }
    expect(JSON.parse(exifToolOutputOf(vault.db, byName.get('CanonRaw.cr3') as string)?.json ?? '{}')['MakerNotes:CanonModelID']).toBeDefined();
    // Encrypted at rest: the index file never holds a maker-note value in the clear.
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    const indexFiles = (await readdir(vault.paths.root, { recursive: true })).filter((f) => /index/.test(String(f)));
    expect(indexFiles.length).toBeGreaterThan(0);
    for (const file of indexFiles) {
      const bytes = await readFile(join(vault.paths.root, String(file))).catch(() => Buffer.alloc(0));
      expect(bytes.includes('Canon EOS M50'), String(file)).toBe(false);
    }
  }, 60_000);

  it('reads EXIF that a PNG keeps in a text chunk, which Tamga\'s own PNG reader does not', async () => {
    const png = join(work, 'text-exif.png');
    await writeFile(png, await pngWithTextExif({ make: 'PngCam', model: 'Text Chunk 1', taken: '2021:01:10 08:14:00', offset: '+06:00' }));
    const m = metadataOf((await run([png])).imported[0]?.itemId as string);
    expect(m.pixelSize).toEqual({ width: 40, height: 30, source: 'png-ihdr' });
    expect(m.make).toEqual({ value: 'PngCam', source: 'exiftool' });
    expect(m.captureTime).toMatchObject({ local: '2021-01-10T08:14:00', utc: '2021-01-10T02:14:00Z', utcOffsetMinutes: 360, offsetKnown: true, source: 'exiftool' });
    // libvips writes Orientation 1 into every EXIF block it makes: read too.
    expect(m.exiftool?.filled).toEqual(['captureTime', 'make', 'model', 'orientation']);
  }, 60_000);

  it('is never started for a JPEG, HEIC and MP4 that Tamga reads fully', async () => {
    const broken = await markerProgram('never');
    const summary = await run(FULLY_READ, broken.path);
    expect(summary.imported.map((f) => f.isNew)).toEqual([true, true, true]);
    expect(await broken.started()).toBe(false);
    for (const f of summary.imported) {
      expect(metadataOf(f.itemId).exiftool, f.path).toBeUndefined();
      expect(exifToolOutputOf(vault.db, f.itemId)).toBeNull();
    }
    // The same program is started for a format only ExifTool reads: the check above can fail.
    const cr3 = join(work, 'again.cr3');
    await writeFile(cr3, Buffer.concat([await readFile(join(CAMERA_FORMATS, 'CanonRaw.cr3')), Buffer.from('distinct')]));
    await run([cr3], broken.path);
    expect(await broken.started()).toBe(true);
  }, 60_000);

  it('archives every file when ExifTool cannot start, and each item says why', async () => {
    const copies = join(work, 'no-perl');
    execFileSync('mkdir', ['-p', copies]);
    for (const name of ['FujiFilm.raf', 'Minolta.mrw']) {
      await writeFile(join(copies, name), Buffer.concat([await readFile(join(CAMERA_FORMATS, name)), Buffer.from('no-perl')]));
    }
    const summary = await run([copies], join(work, 'there-is-no-exiftool-here'));
    expect(summary.failed).toEqual([]);
    expect(summary.imported).toHaveLength(2);
    for (const f of summary.imported) {
      const m = metadataOf(f.itemId);
      expect(m.exiftool).toMatchObject({ status: 'failed', reason: 'cannot-start' });
      expect(m.make).toBeNull();
      expect(m.captureTime).toBeNull();
      expect(m.problems.some((p) => p.startsWith("ExifTool, Tamga's reader of last resort, could not be started"))).toBe(true);
      expect(f.warnings.some((w) => w.includes('could not be started'))).toBe(true);
      expect(exifToolOutputOf(vault.db, f.itemId)).toBeNull();
    }
    expect(exiftoolChildren()).toEqual([]);
  }, 60_000);

  it('gives up on a program that starts but never answers, at its time limit, and leaves no process behind', async () => {
    const silent = join(work, 'silent.sh');
    await writeFile(silent, '#!/bin/sh\nexec sleep 60\n');
    await chmod(silent, 0o755);
    const session = new ExifToolSession({ exiftoolPath: silent, timeLimitMs: 1500 });
    const read = await session.read(join(CAMERA_FORMATS, 'CanonRaw.crw'));
    expect(read).toMatchObject({ ok: false, reason: 'cannot-start', detail: 'it did not answer within 1.5 s' });
    // Every later file gets the same answer at once, without another start.
    expect(await session.read(join(CAMERA_FORMATS, 'Sigma.x3f'))).toEqual(read);
    await session.end();
    expect(spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' }).stdout).not.toMatch(/silent\.sh|sleep 60/);
  }, 60_000);

  it('makes a raw file’s thumbnail from its embedded JPEG', async () => {
    // A real CRW with a real preview: ExifTool itself writes a red 320 × 200 JPEG into a copy.
    const preview = join(work, 'preview.jpg');
    await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 220, g: 30, b: 30 } } }).jpeg().toFile(preview);
    const crw = join(work, 'with-preview.crw');
    await copyFile(join(CAMERA_FORMATS, 'CanonRaw.crw'), crw);
    execFileSync('perl', [await exiftoolPath(), '-q', '-overwrite_original', `-JpgFromRaw<=${preview}`, crw]);

    const summary = await run([crw]);
    const itemId = summary.imported[0]?.itemId as string;
    const row = vault.db.prepare('SELECT thumb_status, thumb_grid_blob FROM items WHERE id = ?').get(itemId) as { thumb_status: string; thumb_grid_blob: string };
    expect(row.thumb_status).toBe('ok');
    const blob = await vault.store.open('thumbs', row.thumb_grid_blob);
    const grid = await blob.read(0, blob.size);
    await blob.close();
    const { data, info } = await sharp(grid).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([256, 160]);
    expect(data[0]).toBeGreaterThan(180);
    expect(data[1]).toBeLessThan(80);

    // The fixture as shipped has only ExifTool's dummy preview: a placeholder, not a picture.
    const plain = (await run([join(CAMERA_FORMATS, 'Sigma.x3f')])).imported[0]?.itemId;
    expect(vault.db.prepare('SELECT thumb_status FROM items WHERE id = ?').pluck().get(plain)).toBe('placeholder');
  }, 60_000);
});
