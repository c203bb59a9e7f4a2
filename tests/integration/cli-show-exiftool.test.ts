// `tamga show` on an item ExifTool read: each value it filled names it as the source, and a
// line says what the reader of last resort did.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/api';
import { runTamga } from '../helpers/child-process';
import { CAMERA_FORMATS } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let root: string;
let crwId: string;

beforeAll(async () => {
  root = join(await tempDir(), 'vault');
  const engine = createEngine();
  try {
    await engine.createVault({ path: root, passphrase: PASSPHRASE });
    crwId = (await engine.importFiles({ paths: [join(CAMERA_FORMATS, 'CanonRaw.crw')] })).imported[0]?.itemId ?? '';
  } finally {
    await engine.close();
  }
}, 120_000);

afterAll(removeTempDirs);

describe('tamga show, for a file only ExifTool reads', () => {
  it('names ExifTool as the source of what it filled', async () => {
    const result = await runTamga(['show', root, crwId], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Make\s+Canon \[exiftool\]$/m);
    expect(result.stdout).toMatch(/^Model\s+Canon EOS DIGITAL REBEL \[exiftool\]$/m);
    expect(result.stdout).toMatch(/^Pixels\s+3072×2048 \[exiftool\]$/m);
    expect(result.stdout).toMatch(/^ExifTool\s+read \(13\.\d+\): captureTime, make, model, pixelSize$/m);
    expect(result.stdout).not.toMatch(/Metadata problem/);
  }, 60_000);
});
