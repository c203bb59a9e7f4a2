// Restore on a fresh folder with only the replica and the recovery key (issue 16): `tamga
// restore --recovery-words-file` (the printed .txt page as it is) and `--recovery-share-file`
// (k of n share pages) rebuild the vault, open it with the recovery key, set a new
// passphrase and end audit-clean, and a bundle exported from the original and from the
// restored vault is the same apart from what must differ. k − 1 shares and a word not on
// the list are refused before anything is fetched; a key the replica's vault.json does not
// hold leaves the rebuilt vault locked and unchanged, and says so.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import type { RecoveryKeyMade } from '../../src/shared/recovery';
import { exportBundle, type FixedIdentity } from '../../src/main/engine/bundle/export/export';
import { listChains, readChainRows, verifyStoredChains } from '../../src/main/engine/custody/store';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { bundleFiles } from '../helpers/bundle-export-vault';
import { runTamga } from '../helpers/child-process';
import { makeReplicaVault, withEngine, type ReplicaVault } from '../helpers/replica-vault';
import { OTHER_PASSPHRASE, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

let v: ReplicaVault;
let wordsPage: string;
let newPassphraseFile: string;
beforeAll(async () => {
  v = await makeReplicaVault(3);
  const pages = await tempDir('tamga-pages-');
  wordsPage = join(pages, 'recovery.txt');
  newPassphraseFile = join(pages, 'new-passphrase');
  await writeFile(newPassphraseFile, `${OTHER_PASSPHRASE}\n`);
  await withEngine(v.root, async (engine) => {
    await engine.describeItems({ items: [(await engine.listItems())[0]?.id ?? ''], title: 'PS 660 ballot box' });
    const made = await engine.createRecoveryKey({});
    await engine.writeRecoveryPage({ made, outPath: wordsPage });
    await engine.pushReplicas('usb');
  });
});

const items = (o: OpenVault): unknown[] => o.db.prepare('SELECT id, sha256, size, blob_id, title FROM items ORDER BY id').all();

/** The original and the restored vault: same items, item chains, key and recovery slot; bundles differ only in the vault-wide log's files. */
async function expectSameAsOriginal(target: string, lastOriginalType: string, bundleId: string): Promise<void> {
  await expect(unlockVault(target, PASSPHRASE, { readonly: true })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
  const original = await unlockVault(v.root, PASSPHRASE, { actor: 'tamga-test' });
  const restored = await unlockVault(target, OTHER_PASSPHRASE, { actor: 'tamga-test' });
  try {
    expect(restored.signer.publicKey.equals(original.signer.publicKey)).toBe(true);
    // The recovery slot came with the replica's vault.json; only the passphrase slot is new.
    expect(restored.vaultFile.recovery).toEqual(original.vaultFile.recovery);
    expect(restored.vaultFile.masterKey).not.toEqual(original.vaultFile.masterKey);
    expect(items(restored)).toEqual(items(original));
    const chain = vaultChainName(original.vaultFile.vaultId);
    for (const c of listChains(original.db)) if (c !== chain) expect(readChainRows(restored.db, c)).toEqual(readChainRows(original.db, c));
    const mine = readChainRows(original.db, chain);
    const theirs = readChainRows(restored.db, chain);
    expect(mine.at(-1)?.type).toBe(lastOriginalType);
    expect(theirs.slice(0, mine.length - 1)).toEqual(mine.slice(0, -1));
    expect(theirs.slice(mine.length - 1).map((r) => r.type)).toEqual(['recovered', 'audit']);
    expect(verifyStoredChains(restored.db, restored.signer.publicKey)).toEqual([]);

    const fixed: FixedIdentity = { bundleId, sealedAt: '2021-01-12T10:00:00.000Z' };
    const ids = (items(original) as Array<{ id: string }>).map((i) => i.id);
    const outs: string[] = [];
    for (const vault of [original, restored]) {
      const out = join(await tempDir('tamga-out-'), 'bundle');
      await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: out, recipient: 'Court' }, { fixed });
      outs.push(out);
    }
    const [a, b] = outs as [string, string];
    const files = await bundleFiles(a);
    expect(await bundleFiles(b)).toEqual(files);
    const differing: string[] = [];
    for (const f of files) if (!(await readFile(join(a, f))).equals(await readFile(join(b, f)))) differing.push(f);
    // The vault-wide log differs (the original logged its push, the restored vault `recovered` and its audit).
    expect(differing).toEqual(['seal/custody-log.checkpoint', 'seal/custody-proofs.jsonl']);
  } finally {
    original.close();
    restored.close();
  }
}

async function freshTarget(): Promise<string> {
  return join(await tempDir('tamga-restored-'), 'vault');
}

describe('tamga restore with the recovery key', () => {
  it('the 24 words (the printed .txt page) rebuild and open the vault with a new passphrase; audit clean, same bundle', async () => {
    const target = await freshTarget();
    const run = await runTamga(['restore', v.replica, target, '--key', v.fingerprint, '--recovery-words-file', wordsPage, '--new-passphrase-file', newPassphraseFile, '--quiet']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Restored: .* from manifest 1 of .*audit passed: 5 items/m);
    await expectSameAsOriginal(target, 'replica-pushed', '00000000-0000-4000-8000-00000000b0d1');
  });

  it('a word not on the list, or a weak new passphrase, is refused before anything is fetched', async () => {
    const text = await readFile(wordsPage, 'utf8');
    const seventh = /\b7\. (\w+)/.exec(text)?.[1] ?? '';
    const typo = join(await tempDir(), 'typo.txt');
    await writeFile(typo, text.replace(`7. ${seventh}`, '7. qqqq'));
    const target = await freshTarget();
    const bad = await runTamga(['restore', v.replica, target, '--recovery-words-file', typo, '--new-passphrase-file', newPassphraseFile]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Word 7, "qqqq", is not a recovery-key word.*\[RECOVERY_KEY_MALFORMED\]/);
    expect(existsSync(target)).toBe(false);
    const weak = join(await tempDir(), 'weak');
    await writeFile(weak, 'short');
    const refused = await runTamga(['restore', v.replica, target, '--recovery-words-file', wordsPage, '--new-passphrase-file', weak]);
    expect(refused.stderr).toMatch(/\[WEAK_PASSPHRASE\]/);
    expect(existsSync(target)).toBe(false);
    const both = await runTamga(['restore', v.replica, target, '--recovery-words-file', wordsPage, '--passphrase-file', newPassphraseFile]);
    expect(both.stderr).toMatch(/passphrase or the recovery key, not both.*\[INVALID_ARGUMENT\]/);
  });

  it('k of n shares do it too; k − 1 are refused before anything is fetched; the replaced words leave the rebuilt vault locked and unchanged', async () => {
    const pages = await tempDir('tamga-share-pages-');
    let made: RecoveryKeyMade | undefined;
    await withEngine(v.root, async (engine) => {
      made = await engine.createRecoveryKey({ shares: { k: 2, n: 3 } });
      await engine.writeRecoveryPage({ made, outPath: join(pages, 'recovery.txt') });
      await engine.pushReplicas('usb');
    });
    expect(made?.replaced).toBe(true);
    const share = (i: number): string => join(pages, `recovery-share-${i}-of-3.txt`);

    const short = await freshTarget();
    const one = await runTamga(['restore', v.replica, short, '--recovery-share-file', share(2), '--recovery-share-file', share(2), '--new-passphrase-file', newPassphraseFile]);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/any 2 of which open the vault; only share 2 was given \(share 2 was given more than once\)\. Fewer than 2 reveal nothing.*\[NOT_ENOUGH_SHARES\]/);
    expect(existsSync(short)).toBe(false);

    const old = await freshTarget();
    const replaced = await runTamga(['restore', v.replica, old, '--recovery-words-file', wordsPage, '--new-passphrase-file', newPassphraseFile, '--quiet']);
    expect(replaced.code).toBe(2);
    expect(replaced.stderr).toMatch(/rebuilt in .* but not opened/);
    expect(replaced.stderr).toMatch(/not this vault's recovery key.*\[WRONG_RECOVERY_KEY\]/);
    // Locked and unchanged: the passphrase of the time of the push still opens it.
    expect(await readFile(join(old, 'vault.json'))).toEqual(await readFile(join(v.root, 'vault.json')));

    const target = await freshTarget();
    const run = await runTamga(['restore', v.replica, target, '--recovery-share-file', share(3), '--recovery-share-file', share(1), '--new-passphrase-file', newPassphraseFile, '--quiet']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Restored: .* from manifest 2 of .*audit passed: 5 items/m);
    await expectSameAsOriginal(target, 'replica-pushed', '00000000-0000-4000-8000-00000000b0d2');
    const restored = await unlockVault(target, OTHER_PASSPHRASE, { readonly: true });
    const rows = readChainRows(restored.db, vaultChainName(restored.vaultFile.vaultId));
    restored.close();
    const rotated = rows.findIndex((r) => r.type === 'recovery-key-rotated');
    // The restored vault's own export (above) comes after.
    expect(rows.slice(rotated).map((r) => r.type)).toEqual(['recovery-key-rotated', 'recovered', 'audit', 'exported']);
    // What the chain says of the recovery key: its kind and split, how it was used; never a word or a share.
    const data = rows.slice(rotated, rotated + 2).map((r) => (JSON.parse(r.eventJson) as { data: unknown }).data);
    expect(data[0]).toEqual({ scheme: 'bip39-256', shares: { k: 2, n: 3 } });
    expect(data[1]).toMatchObject({ with: 'shares' });
    expect(Object.keys(data[1] as object).sort()).toEqual(['kdf', 'with']);
  });
});
