// `tamga passwd`: the new passphrase works, the old one stops working, and a crash at any
// step of the rewrite leaves exactly one of them working.
import { randomBytes } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import { readChain, verifyStoredChains } from '../../src/main/engine/custody/store';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { runTamga } from '../helpers/child-process';
import { copyVault, makeVault, OTHER_PASSPHRASE, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let base: string;
let newPassphraseFile: string;
beforeAll(async () => {
  base = await makeVault();
  newPassphraseFile = join(await tempDir(), 'new-passphrase.txt');
  await writeFile(newPassphraseFile, `${OTHER_PASSPHRASE}\n`);
});
afterAll(removeTempDirs);

async function opensWith(root: string, passphrase: string): Promise<boolean> {
  try {
    (await unlockVault(root, passphrase, { readonly: true })).close();
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === 'WRONG_PASSPHRASE') return false;
    throw err;
  }
}

describe('tamga passwd', () => {
  it('makes the new passphrase work and the old one fail, keeping the same keys', async () => {
    const root = await copyVault(base);
    const before = await unlockVault(root, PASSPHRASE);
    const fingerprint = before.info().keyFingerprint;
    const content = randomBytes(3 * 1024 * 1024 + 7);
    const pending = await before.store.write('blobs', Readable.from([content]));
    await pending.commit();
    before.close();

    const result = await runTamga(['passwd', root, '--new-passphrase-file', newPassphraseFile], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Passphrase changed/);

    expect(await opensWith(root, PASSPHRASE)).toBe(false);
    const after = await unlockVault(root, OTHER_PASSPHRASE);
    // Same master key, so the same subkeys: every blob and the index still decrypt.
    const blob = await after.store.open('blobs', pending.result.blobId);
    expect((await blob.read(0, blob.size)).equals(content)).toBe(true);
    await blob.close();
    expect(after.info().keyFingerprint).toBe(fingerprint);
    // The vault's own custody chain records both acts, signed and linked.
    const chain = readChain(after.db, vaultChainName(after.info().vaultId));
    expect(chain.map((e) => e.event.type)).toEqual(['vault-created', 'passphrase-changed']);
    expect(verifyStoredChains(after.db, after.signer.publicKey)).toEqual([]);
    after.close();
  });

  it('refuses a weak new passphrase and keeps the old one', async () => {
    const root = await copyVault(base);
    const result = await runTamga(['passwd', root], { TAMGA_PASSPHRASE: PASSPHRASE, TAMGA_NEW_PASSPHRASE: 'short' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/at least 8 characters.*\[WEAK_PASSPHRASE\]/);
    expect(await opensWith(root, PASSPHRASE)).toBe(true);
  });

  it('refuses a wrong current passphrase with exit 2 and changes nothing', async () => {
    const root = await copyVault(base);
    const result = await runTamga(['passwd', root, '--new-passphrase-file', newPassphraseFile], { TAMGA_PASSPHRASE: 'wrong wrong wrong' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/passphrase is wrong/);
    expect(await opensWith(root, PASSPHRASE)).toBe(true);
  });

  // Each step of the rewrite, in order; a kill at a step happens right after it.
  it.each([
    ['passwd:wrapped', 'old'],
    ['passwd:temp-written', 'old'],
    ['passwd:renamed', 'new'],
    ['passwd:dir-synced', 'new'],
  ])('killed at %s: exactly one passphrase (the %s one) opens the vault', async (point, expected) => {
    const root = await copyVault(base);
    const result = await runTamga(['passwd', root, '--new-passphrase-file', newPassphraseFile], {
      TAMGA_PASSPHRASE: PASSPHRASE,
      TAMGA_TEST_CRASH_AT: point,
    });
    expect(result.signal).toBe('SIGKILL');
    const oldWorks = await opensWith(root, PASSPHRASE);
    const newWorks = await opensWith(root, OTHER_PASSPHRASE);
    expect({ oldWorks, newWorks }).toEqual(expected === 'old' ? { oldWorks: true, newWorks: false } : { oldWorks: false, newWorks: true });
    // The next writer cleans up any temporary vault.json the crash left behind.
    (await unlockVault(root, expected === 'old' ? PASSPHRASE : OTHER_PASSPHRASE)).close();
    expect((await readdir(root)).filter((n) => n.includes('vault.json'))).toEqual(['vault.json']);
  });
});
