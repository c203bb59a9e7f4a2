// "Do we hold this exact video?": a file on disk is hashed and looked up by its bytes,
// whatever its name, and the answer names every name and acquisition of the item.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { REAL, sha256File } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const VIDEO = join(REAL, 'mei', 'with-gps.mov');
let engine: Engine;
let dir: string;
let itemId: string;
let renamed: string;

beforeAll(async () => {
  dir = await tempDir();
  engine = createEngine({ actor: 'tamga-test' });
  await engine.createVault({ path: join(dir, 'vault'), passphrase: PASSPHRASE });
  renamed = join(dir, 'evidence from Aigerim.MOV');
  await copyFile(VIDEO, renamed);
  const first = await engine.importFiles({ paths: [VIDEO], tags: ['ballot stuffing'] });
  itemId = first.imported[0]?.itemId ?? '';
  await engine.importFiles({ paths: [renamed] });
}, 120_000);

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

describe('find by file', () => {
  it('finds the item holding exactly these bytes, with every name and acquisition', async () => {
    const found = await engine.findByFile(renamed);
    expect(found.sha256).toBe(await sha256File(VIDEO));
    expect(found.item).toMatchObject({ id: itemId, originalName: 'with-gps.mov', names: ['with-gps.mov', 'evidence from Aigerim.MOV'], tags: ['ballot stuffing'] });
    expect(found.item?.acquisitions.map((a) => a.sourcePath)).toEqual([VIDEO, renamed]);
  });

  it('says the vault does not hold a copy that differs by one byte', async () => {
    const bytes = await readFile(VIDEO);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    const changed = join(dir, 'with-gps.mov');
    await writeFile(changed, bytes);
    const found = await engine.findByFile(changed);
    expect(found.item).toBeNull();
    expect(found.size).toBe(bytes.length);
  });

  it('explains a folder, a missing file and a locked vault', async () => {
    await expect(engine.findByFile(dir)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/not a regular file/) });
    await expect(engine.findByFile(join(dir, 'nope.mp4'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const locked = createEngine();
    await expect(locked.findByFile(VIDEO)).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
  });
});
