// Recovery keys on real vaults: words and shares open the vault and set a new passphrase,
// passwd keeps the recovery slot working, rotating or removing it stops the old key, and
// the vault chain records each act without ever the key.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import { readChain, verifyStoredChains } from '../../src/main/engine/custody/store';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { createRecoveryKey, recoverVault, removeRecoveryKey, unlockWithRecovery } from '../../src/main/engine/vault/recovery';
import { runTamga } from '../helpers/child-process';
import { copyVault, makeVault, OTHER_PASSPHRASE, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const THIRD = 'a third passphrase, long enough';
let base: string;
beforeAll(async () => {
  base = await makeVault();
});
afterAll(removeTempDirs);

async function withWords(): Promise<{ root: string; words: string }> {
  const root = await copyVault(base);
  const vault = await unlockVault(root, PASSPHRASE);
  const made = await createRecoveryKey(vault);
  vault.close();
  return { root, words: (made.words ?? []).join(' ') };
}

describe('recovery keys', () => {
  it('words open the vault and set a new passphrase; the old passphrase stops working; the chain records it without the key', async () => {
    const { root, words } = await withWords();
    const vault = await recoverVault(root, { words }, OTHER_PASSPHRASE);
    vault.close();
    await expect(unlockVault(root, PASSPHRASE, { readonly: true })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    const after = await unlockVault(root, OTHER_PASSPHRASE);
    const chain = readChain(after.db, vaultChainName(after.info().vaultId));
    expect(chain.map((e) => e.event.type)).toEqual(['vault-created', 'recovery-key-created', 'recovered']);
    expect(chain[2]?.event.data).toMatchObject({ with: 'words', kdf: { name: 'scrypt' } });
    const text = JSON.stringify(chain);
    for (const word of words.split(' ')) expect(text).not.toMatch(new RegExp(`\\b${word}\\b.*\\b${word}\\b`));
    expect(text).not.toContain(words.split(' ').slice(0, 3).join(' '));
    expect(verifyStoredChains(after.db, after.signer.publicKey)).toEqual([]);
    expect(after.info().recovery).toMatchObject({ shares: null });
    after.close();
  });

  it('keeps working after passwd, stops after rotation, and is gone after removal', async () => {
    const { root, words } = await withWords();
    const open = await unlockVault(root, PASSPHRASE);
    await open.changePassphrase(PASSPHRASE, OTHER_PASSPHRASE);
    open.close();
    const unlocked = await unlockWithRecovery(root, { words });
    await unlocked.setNewPassphrase(THIRD);
    const made = await createRecoveryKey(unlocked.vault);
    expect(made.replaced).toBe(true);
    unlocked.vault.close();
    await expect(unlockWithRecovery(root, { words })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY' });
    (await recoverVault(root, { words: (made.words ?? []).join('\n') }, OTHER_PASSPHRASE)).close();
    const last = await unlockVault(root, OTHER_PASSPHRASE);
    await removeRecoveryKey(last);
    const types = readChain(last.db, vaultChainName(last.info().vaultId)).map((e) => e.event.type);
    expect(types).toEqual(['vault-created', 'recovery-key-created', 'passphrase-changed', 'recovered', 'recovery-key-rotated', 'recovered', 'recovery-key-removed']);
    last.close();
    await expect(unlockWithRecovery(root, { words: (made.words ?? []).join(' ') })).rejects.toMatchObject({ code: 'NO_RECOVERY_KEY' });
    const json = JSON.parse(await readFile(join(root, 'vault.json'), 'utf8')) as Record<string, unknown>;
    expect(json.recovery).toBeUndefined();
  });

  it('shares: any k open the vault, k − 1 do not, another vault\'s are named', async () => {
    const root = await copyVault(base);
    const vault = await unlockVault(root, PASSPHRASE);
    const made = await createRecoveryKey(vault, { shares: { k: 2, n: 3 } });
    vault.close();
    expect(made.words).toBeNull();
    const codes = made.shares?.codes ?? [];
    await expect(unlockWithRecovery(root, { shares: [codes[1] ?? ''] })).rejects.toMatchObject({ code: 'NOT_ENOUGH_SHARES' });
    const other = await makeVault();
    const otherVault = await unlockVault(other, PASSPHRASE);
    const otherMade = await createRecoveryKey(otherVault, { shares: { k: 2, n: 3 } });
    otherVault.close();
    await expect(unlockWithRecovery(root, { shares: [codes[0] ?? '', otherMade.shares?.codes[1] ?? ''] })).rejects.toMatchObject({ code: 'WRONG_RECOVERY_KEY', message: expect.stringMatching(/belongs to another vault/) });
    (await recoverVault(root, { shares: [codes[2] ?? '', codes[0] ?? ''] }, OTHER_PASSPHRASE)).close();
    (await unlockVault(root, OTHER_PASSPHRASE, { readonly: true })).close();
  });

  it('refuses a malformed slot before any KDF runs (a wrong passphrase is not even tried)', async () => {
    const { root } = await withWords();
    const path = join(root, 'vault.json');
    const json = JSON.parse(await readFile(path, 'utf8')) as { recovery: Record<string, unknown> };
    json.recovery.extra = 1;
    await writeFile(path, JSON.stringify(json));
    await expect(unlockVault(root, 'not the passphrase at all')).rejects.toMatchObject({ code: 'CORRUPT' });
  });

  it('the CLI: create with a page, recover from the page with a new passphrase file, typos named', async () => {
    const root = await copyVault(base);
    const dir = await tempDir();
    const page = join(dir, 'page.txt');
    const created = await runTamga(['recovery-key', 'create', root, '--out', page], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/ 1\. \w+/);
    const again = await runTamga(['recovery-key', 'create', root, '--out', page], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(again.stderr).toMatch(/exists already.*\[ALREADY_EXISTS\]/);
    const np = join(dir, 'np');
    await writeFile(np, `${OTHER_PASSPHRASE}\n`);
    const typo = join(dir, 'typo.txt');
    const text = await readFile(page, 'utf8');
    const words = [...text.matchAll(/\d+\. (\w+)/g)].map((m) => m[1] ?? '');
    await writeFile(typo, [words[1], words[0], ...words.slice(2)].join(' '));
    const bad = await runTamga(['recover', root, '--words-file', typo, '--new-passphrase-file', np]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/checksum fails.*\[RECOVERY_KEY_MALFORMED\]/);
    const good = await runTamga(['recover', root, '--words-file', page, '--new-passphrase-file', np]);
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    (await unlockVault(root, OTHER_PASSPHRASE, { readonly: true })).close();
  });

  it.each([
    ['recover:wrapped', 'old'],
    ['recover:renamed', 'new'],
  ])('killed at %s: exactly one passphrase opens the vault, and the recovery key still does', async (point, expected) => {
    const { root, words } = await withWords();
    const dir = await tempDir();
    await writeFile(join(dir, 'w'), words);
    await writeFile(join(dir, 'np'), OTHER_PASSPHRASE);
    const result = await runTamga(['recover', root, '--words-file', join(dir, 'w'), '--new-passphrase-file', join(dir, 'np')], { TAMGA_TEST_CRASH_AT: point });
    expect(result.signal).toBe('SIGKILL');
    const works = await unlockVault(root, expected === 'old' ? PASSPHRASE : OTHER_PASSPHRASE, { readonly: true });
    works.close();
    (await unlockWithRecovery(root, { words })).vault.close();
  });

  it.each([
    ['recovery-key:temp-written', false],
    ['recovery-key:dir-synced', true],
  ])('recovery-key create killed at %s: the passphrase still opens the vault, the slot is there only if vault.json was renamed, and a new create replaces it', async (point, slotWritten) => {
    const root = await copyVault(base);
    const result = await runTamga(['recovery-key', 'create', root], { TAMGA_PASSPHRASE: PASSPHRASE, TAMGA_TEST_CRASH_AT: point });
    expect(result.signal).toBe('SIGKILL');
    // Killed before the words were printed: nobody has this key, but the vault says whether the slot exists.
    expect(result.stdout).not.toMatch(/ 1\. \w+/);
    const vault = await unlockVault(root, PASSPHRASE);
    expect(vault.info().recovery !== null).toBe(slotWritten);
    const made = await createRecoveryKey(vault);
    expect(made.replaced).toBe(slotWritten);
    vault.close();
    (await unlockWithRecovery(root, { words: (made.words ?? []).join(' ') })).vault.close();
  });
});
