// What opening a vault does to the files around the index: cleans tmp/, refuses a schema
// from the future without touching it.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { copyVault, makeVault, PASSPHRASE, removeTempDirs, snapshot } from '../helpers/temp-vault';

let base: string;
beforeAll(async () => {
  base = await makeVault();
});
afterAll(removeTempDirs);

describe('opening a vault', () => {
  it('empties tmp/ (half-written files of a crashed import) when opened for writing', async () => {
    const root = await copyVault(base);
    await writeFile(join(root, 'tmp', 'half-written.blob'), Buffer.alloc(1000, 1));
    await mkdir(join(root, 'tmp', 'nested'));
    await writeFile(join(root, 'tmp', 'nested', 'x'), 'x');
    const reader = await unlockVault(root, PASSPHRASE, { readonly: true });
    reader.close();
    expect(await readdir(join(root, 'tmp'))).toHaveLength(2); // a reader never cleans up
    (await unlockVault(root, PASSPHRASE)).close();
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
  });

  it('refuses an index from a newer Tamga (user_version above ours) and leaves it untouched', async () => {
    const root = await copyVault(base);
    const vault = await unlockVault(root, PASSPHRASE);
    vault.db.pragma('user_version = 99');
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    vault.close();
    const before = await snapshot(root);
    const err = await unlockVault(root, PASSPHRASE).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNSUPPORTED_VERSION', message: expect.stringMatching(/schema version 99/) });
    const after = await snapshot(root);
    expect(after['index.db']).toBe(before['index.db']);
  });
});
