// Unlocking: the right passphrase opens, anything else fails closed and changes nothing.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TamgaError } from '../../src/shared/errors';
import { latestSchemaVersion } from '../../src/main/engine/db/migrate';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { copyVault, editJson, type VaultJson, makeVault, PASSPHRASE, removeTempDirs, snapshot } from '../helpers/temp-vault';

let base: string;
beforeAll(async () => {
  base = await makeVault();
});
afterAll(removeTempDirs);

async function unlockError(root: string, passphrase = PASSPHRASE): Promise<TamgaError> {
  const err = await unlockVault(root, passphrase).then(
    (v) => {
      v.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TamgaError);
  return err as TamgaError;
}

describe('unlock', () => {
  it('opens with the right passphrase and reports the vault', async () => {
    const vault = await unlockVault(base, PASSPHRASE);
    const info = vault.info();
    vault.close();
    expect(info.formatVersion).toBe(1);
    expect(info.itemCount).toBe(0);
    expect(info.schemaVersion).toBe(latestSchemaVersion());
    expect(info.keyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(info.kdf).toEqual({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
  });

  it('accepts the passphrase in another Unicode normal form (NFD typed, NFC stored)', async () => {
    const root = await copyVault(base);
    const vault = await unlockVault(root, PASSPHRASE.normalize('NFD'));
    vault.close();
  });

  it('refuses a wrong passphrase with WRONG_PASSPHRASE and changes no file', async () => {
    const root = await copyVault(base);
    const before = await snapshot(root);
    const err = await unlockError(root, 'not the passphrase at all');
    expect(err.code).toBe('WRONG_PASSPHRASE');
    expect(err.message).toMatch(/passphrase is wrong/);
    expect(await snapshot(root)).toEqual(before);
  });

  it.each([
    ['lowering scrypt N', (j: VaultJson) => void (j.kdf.N = 2 ** 16)],
    ['raising scrypt N', (j: VaultJson) => void (j.kdf.N = 2 ** 18)],
    ['changing scrypt r', (j: VaultJson) => void (j.kdf.r = 4)],
    ['changing the salt', (j: VaultJson) => void (j.kdf.salt = Buffer.alloc(32, 7).toString('base64'))],
    ['changing the vault id', (j: VaultJson) => void (j.vaultId = '00000000-0000-4000-8000-000000000000')],
  ])('fails to unlock after %s in vault.json (never a weaker KDF)', async (_name, edit) => {
    const root = await copyVault(base);
    await editJson(join(root, 'vault.json'), edit);
    const before = await snapshot(root);
    expect((await unlockError(root)).code).toBe('WRONG_PASSPHRASE');
    expect(await snapshot(root)).toEqual(before);
  });

  it.each([2 ** 23, 2 ** 40])('refuses scrypt N=%d (above 2^22) without running it', async (N) => {
    const root = await copyVault(base);
    await editJson(join(root, 'vault.json'), (j: VaultJson) => void (j.kdf.N = N));
    const err = await unlockError(root);
    // Had scrypt run at N=2^40 Node would have failed on memory, not with this code and text.
    expect(err.code).toBe('UNSUPPORTED_VERSION');
    expect(err.message).toMatch(/above the supported maximum 2\^22/);
  });

  it.each([
    // 45 s and 4.2 GB when it used to run: N alone was within its range.
    ['N=2^22, r=8, p=16', { N: 2 ** 22, r: 8, p: 16 }, /4096 MiB of memory/],
    // Used to end in a stack trace under a memory limit.
    ['N=2^22, r=32', { N: 2 ** 22, r: 32, p: 1 }, /16384 MiB of memory/],
    // Within the memory bound (1 GiB each), but 128× the default's work.
    ['N=2^20, r=8, p=16', { N: 2 ** 20, r: 8, p: 16 }, /128× the default work/],
    ['N=2^18, r=32, p=16', { N: 2 ** 18, r: 32, p: 16 }, /128× the default work/],
  ])('refuses scrypt %s by its total cost, before running it', async (_name, kdf, message) => {
    const root = await copyVault(base);
    await editJson(join(root, 'vault.json'), (j: VaultJson) => void Object.assign(j.kdf, kdf));
    const before = await snapshot(root);
    const err = await unlockError(root);
    expect(err.code).toBe('UNSUPPORTED_VERSION');
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/refusing to run it/);
    expect(await snapshot(root)).toEqual(before);
  });

  it('refuses an N that is not a power of two', async () => {
    const root = await copyVault(base);
    await editJson(join(root, 'vault.json'), (j: VaultJson) => void (j.kdf.N = 100000));
    expect((await unlockError(root)).code).toBe('UNSUPPORTED_VERSION');
  });

  it('names a vault from a newer Tamga as UNSUPPORTED_VERSION', async () => {
    const root = await copyVault(base);
    await editJson(join(root, 'vault.json'), (j) => void (j.formatVersion = 2));
    const err = await unlockError(root);
    expect(err.code).toBe('UNSUPPORTED_VERSION');
    expect(err.message).toMatch(/format version 2/);
  });

  it('says NOT_A_VAULT for a folder without vault.json, CORRUPT for a damaged one', async () => {
    const root = await copyVault(base);
    expect((await unlockError(join(root, 'blobs'))).code).toBe('NOT_A_VAULT');
    await writeFile(join(root, 'vault.json'), '{"format": "tamga-vault", "formatVers');
    expect((await unlockError(root)).code).toBe('CORRUPT');
    await writeFile(join(root, 'vault.json'), '{"hello": "world"}');
    expect((await unlockError(root)).code).toBe('NOT_A_VAULT');
  });

  it('detects a swapped public key or fingerprint in vault.json', async () => {
    const root = await copyVault(base);
    await editJson(join(root, 'vault.json'), (j: VaultJson) => void (j.signing.publicKey = 'ab'.repeat(32)));
    const err = await unlockError(root);
    expect(err.code).toBe('CORRUPT');
    expect(err.message).toMatch(/public key/);
    const root2 = await copyVault(base);
    await editJson(join(root2, 'vault.json'), (j: VaultJson) => void (j.signing.fingerprint = 'cd'.repeat(32)));
    expect((await unlockError(root2)).code).toBe('CORRUPT');
  });

  it('keeps vault.json parameters as created: N=2^17, r=8, p=1, a 32-byte salt', async () => {
    const json = JSON.parse(await readFile(join(base, 'vault.json'), 'utf8'));
    expect(json.kdf).toMatchObject({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    expect(Buffer.from(json.kdf.salt, 'base64')).toHaveLength(32);
    expect(json.masterKey.alg).toBe('xsalsa20-poly1305');
  });
});
