// One writer at a time: a second writer is refused with VAULT_IN_USE, and a lock left by a
// killed process does not keep the owner out of their own vault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { killed, startHelper } from '../helpers/child-process';
import { makeVault, PASSPHRASE, removeTempDirs } from '../helpers/temp-vault';

let root: string;
beforeAll(async () => {
  root = await makeVault();
});
afterAll(removeTempDirs);

describe('the vault lock', () => {
  it('refuses a second writer in the same process, and frees the vault on lock', async () => {
    const first = await unlockVault(root, PASSPHRASE);
    await expect(unlockVault(root, PASSPHRASE)).rejects.toMatchObject({ code: 'VAULT_IN_USE' });
    // A reader (e.g. `tamga info`) is not a writer and may look while the app has it open.
    const reader = await unlockVault(root, PASSPHRASE, { readonly: true });
    expect(reader.info().itemCount).toBe(0);
    reader.close();
    first.close();
    (await unlockVault(root, PASSPHRASE)).close();
  });

  it('refuses a second process with VAULT_IN_USE and recovers the lock of a killed process', async () => {
    const holder = await startHelper('hold-vault.ts', [root], { TAMGA_PASSPHRASE: PASSPHRASE });
    try {
      const err = await unlockVault(root, PASSPHRASE).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'VAULT_IN_USE' });
      expect((err as Error).message).toMatch(/open in another Tamga/);
    } finally {
      await killed(holder);
    }
    // The holder died without any clean-up, as in a crash: the lock must be free again.
    const vault = await unlockVault(root, PASSPHRASE);
    expect(vault.info().itemCount).toBe(0);
    vault.close();
  });

  it('zeroes the key buffers when the vault is locked', async () => {
    const vault = await unlockVault(root, PASSPHRASE);
    const { master, index, blob } = vault.keys;
    expect(master.some((b) => b !== 0)).toBe(true);
    vault.close();
    for (const key of [master, index, blob]) expect(key.every((b) => b === 0)).toBe(true);
    expect(() => vault.info()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
  });
});
