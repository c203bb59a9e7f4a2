// Media reads while the shared handles close under them: many thumbnails at once (the
// handle cache makes room by closing the oldest) all arrive, and reads cut off by a lock
// say VAULT_LOCKED (the window shows "locked"), never INVALID_ARGUMENT (a 400, as if the
// window had asked for something malformed).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { REAL } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let engine: Engine;
let ids: string[];
let root: string;

beforeAll(async () => {
  engine = createEngine();
  root = join(await tempDir(), 'vault');
  await engine.createVault({ path: root, passphrase: PASSPHRASE });
  ids = (await engine.importFiles({ paths: [join(REAL, 'orientation')] })).imported.map((f) => f.itemId);
}, 120_000);

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

const readAll = (variant: 'grid' | 'preview'): Promise<PromiseSettledResult<unknown>[]> =>
  Promise.allSettled(ids.flatMap((item) => [0, 1, 2].map((i) => engine.readMedia({ item, variant, offset: i * 100, length: 4096 }))));

describe('media reads on shared handles', () => {
  it('all arrive when more files are read at once than handles are kept', async () => {
    expect(ids.length).toBeGreaterThan(8);
    for (let round = 0; round < 5; round++) {
      const results = await readAll(round % 2 === 0 ? 'grid' : 'preview');
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    }
  });

  it('cut off by a lock, say VAULT_LOCKED, never that the request was malformed', async () => {
    for (let round = 0; round < 5; round++) {
      const reads = readAll('preview');
      await engine.lockVault();
      const codes = new Set((await reads).flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : [])));
      for (const code of codes) expect(code).toBe('VAULT_LOCKED');
      await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    }
  });
});
