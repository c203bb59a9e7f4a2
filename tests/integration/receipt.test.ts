// Delivery receipts through the CLI, between two real vaults: the sender exports a bundle,
// the recipient signs a receipt for it with its vault key, the sender imports the receipt
// and gains `delivered` events (each exhibit's chain and the vault chain). A receipt signed
// by another key, with a field altered, or for a bundle the sender never exported is
// refused with its own code, and nothing is recorded.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src/shared/bundle';
import type { Receipt, SignedReceipt } from '../../src/shared/receipt';
import { vaultChainName } from '../../src/shared/custody';
import { keyFingerprint, newSigningSeed, signerFromSeed } from '../../src/main/engine/crypto/signing';
import { readChain } from '../../src/main/engine/custody/store';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { verifyBundle } from '../../src/main/engine/bundle/verify/verify';
import { importReceipt } from '../../src/main/engine/receipt/import-receipt';
import { makeReceipt } from '../../src/main/engine/receipt/make-receipt';
import { receiveBundle } from '../../src/main/engine/receive/receive';
import { RECEIPT_CONTEXT, receiptHash, signReceipt } from '../../src/main/engine/receipt/receipt-format';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { addVaultSender } from '../../src/main/engine/senders/vault-senders';
import { auditVault } from '../../src/main/engine/audit/audit';
import canonicalize from 'canonicalize';
import { runTamga } from '../helpers/child-process';
import { importPaths, openNewVault, writePhoto } from '../helpers/bundle-export-vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const env = { TAMGA_PASSPHRASE: PASSPHRASE };
let sender: string;
let recipient: string;
let senderFp: string;
let recipientFp: string;
let itemIds: string[];
let bundle: ExportResult;
let out: string;

beforeAll(async () => {
  const s = await openNewVault();
  sender = s.root;
  const src = await tempDir('tamga-receipt-src-');
  const summary = await importPaths(s.vault, [await writePhoto(src, { name: 'PS-12 ballot box.jpg', seed: 41 }), await writePhoto(src, { name: 'PS-12 queue.jpg', seed: 42 })]);
  itemIds = summary.imported.map((f) => f.itemId);
  out = await tempDir('tamga-receipt-out-');
  bundle = await exportBundle(s.vault, { selection: { kind: 'items', items: itemIds }, outPath: join(out, 'bundle.zip'), recipient: 'Lawyer' });
  senderFp = s.vault.vaultFile.signing.fingerprint;
  s.vault.close();
  const r = await openNewVault();
  recipient = r.root;
  r.vault.setOperator({ name: 'Marat Dzhaksybekov', role: 'lawyer' });
  recipientFp = r.vault.vaultFile.signing.fingerprint;
  r.vault.close();
}, 120_000);
afterAll(removeTempDirs);

function deliveredCount(vault: OpenVault): number {
  return readChain(vault.db, vaultChainName(vault.vaultFile.vaultId)).filter((r) => r.event.type === 'delivered').length;
}

function foreignBase(fingerprint: string): Receipt {
  return {
    v: 1,
    kind: 'tamga-receipt',
    bundleId: bundle.bundleId,
    tagManifestSha256: bundle.tagManifestSha256,
    sealFingerprint: senderFp,
    verdict: 'valid',
    problems: [],
    receivedAt: '2026-12-07T01:00:00.000Z',
    recipient: { vaultId: '00000000-0000-4000-8000-0000000000aa', fingerprint, operator: null },
  };
}

/** A receipt signed by a key of the test's own (not a vault's), for the refusals. */
async function foreignReceipt(name: string, edit: (r: Receipt) => Receipt = (r) => r): Promise<{ path: string; fingerprint: string }> {
  const signer = signerFromSeed(newSigningSeed());
  const fingerprint = keyFingerprint(signer.publicKey);
  const path = join(out, name);
  await writeFile(path, signReceipt(edit(foreignBase(fingerprint)), signer));
  return { path, fingerprint };
}

describe('tamga receipt (CLI)', () => {
  it('round trip: the recipient signs a receipt for the bundle, the sender imports it and records delivered', async () => {
    const receiptPath = join(out, 'receipt.json');
    const made = await runTamga(['receipt', bundle.outPath, '--vault', recipient, '--out', receiptPath, '--key', senderFp, '--json'], env);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    const file = JSON.parse(await readFile(receiptPath, 'utf8')) as SignedReceipt;
    expect(file.receipt).toMatchObject({ bundleId: bundle.bundleId, tagManifestSha256: bundle.tagManifestSha256, sealFingerprint: senderFp, verdict: 'valid', problems: [] });
    expect(file.receipt.recipient).toMatchObject({ fingerprint: recipientFp, operator: 'Marat Dzhaksybekov (lawyer)' });

    const imported = await runTamga(['receipt', 'import', sender, receiptPath, '--expect', recipientFp], env);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('delivered, on 2 exhibit chain(s) and the vault chain');
    const vault = await unlockVault(sender, PASSPHRASE, { readonly: true });
    try {
      for (const [i, id] of itemIds.entries()) {
        const last = readChain(vault.db, id).at(-1)?.event;
        expect(last?.type).toBe('delivered');
        expect(last?.data).toMatchObject({ bundleId: bundle.bundleId, exhibit: `E000${i + 1}`, tagManifestSha256: bundle.tagManifestSha256, verdict: 'valid', recipientFingerprint: recipientFp, recipientTrust: 'expected', recipientOperator: 'Marat Dzhaksybekov (lawyer)' });
      }
      const onVault = readChain(vault.db, vaultChainName(vault.vaultFile.vaultId)).at(-1)?.event;
      expect(onVault?.type).toBe('delivered');
      // The vault chain carries the whole signed receipt, to be checked again by anyone.
      expect(onVault?.data['receipt']).toEqual(file);
      expect(onVault?.data['exhibits']).toBe(2);
      expect((await auditVault(vault)).ok).toBe(true);
    } finally {
      vault.close();
    }
  });

  it('a refused receipt exits 1 with its code on stderr and records nothing', async () => {
    const forged = await foreignReceipt('forged-cli.json');
    const run = await runTamga(['receipt', 'import', sender, forged.path, '--expect', recipientFp], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tamga: the receipt was refused: .*\[RECEIPT_UNEXPECTED_KEY\]\n$/);
  });
});

describe('importing a receipt', () => {
  let vault: OpenVault;
  let genuine: string;
  beforeAll(async () => {
    const r = await unlockVault(recipient, PASSPHRASE, { readonly: true });
    try {
      genuine = (await makeReceipt(r, bundle.outPath, await verifyBundle({ path: bundle.outPath, key: senderFp }))).text;
    } finally {
      r.close();
    }
    vault = await unlockVault(sender, PASSPHRASE);
  });
  afterAll(() => vault.close());

  it('without --key, the recipient receipts the verdict as it is', async () => {
    const r = await unlockVault(recipient, PASSPHRASE, { readonly: true });
    try {
      const made = await makeReceipt(r, bundle.outPath, await verifyBundle({ path: bundle.outPath }));
      expect(made.receipt).toMatchObject({ verdict: 'intact-unconfirmed-signer', problems: ['SIGNER_NOT_CONFIRMED'] });
    } finally {
      r.close();
    }
  });

  it("after `tamga receive`, receivedAt is when the recipient's vault received the bundle", async () => {
    const r = await unlockVault(recipient, PASSPHRASE);
    try {
      const received = await receiveBundle(r, { path: bundle.outPath, key: senderFp });
      const itemId = received.received[0]?.itemId ?? '';
      const at = readChain(r.db, itemId).find((e) => e.event.type === 'received')?.event.at;
      expect(at).toBeDefined();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const made = await makeReceipt(r, bundle.outPath, await verifyBundle({ path: bundle.outPath, key: senderFp }));
      expect(made.receipt.receivedAt).toBe(at);
    } finally {
      r.close();
    }
  });

  it('records a receipt once (this one signed later than the CLI one: another receipt)', async () => {
    const path = join(out, 'genuine.json');
    await writeFile(path, genuine);
    const before = deliveredCount(vault);
    expect(await importReceipt(vault, { path, expect: recipientFp })).toMatchObject({ ok: true, recorded: true, trust: 'expected' });
    expect(await importReceipt(vault, { path, expect: recipientFp })).toMatchObject({ ok: true, recorded: false });
    expect(deliveredCount(vault)).toBe(before + 1);
  });

  it('refuses a receipt forged with another key: by the key, or by the key it names', async () => {
    const before = deliveredCount(vault);
    const forged = await foreignReceipt('forged.json');
    expect(await importReceipt(vault, { path: forged.path, expect: recipientFp })).toMatchObject({ ok: false, problem: 'RECEIPT_UNEXPECTED_KEY' });
    expect(await importReceipt(vault, { path: forged.path })).toMatchObject({ ok: false, problem: 'RECEIPT_KEY_NOT_CONFIRMED' });
    // Signed by another key but claiming the recipient's fingerprint: the key it carries is not that one.
    const signer = signerFromSeed(newSigningSeed());
    const claimed = { ...foreignBase(recipientFp) };
    const signature = signer.sign(Buffer.concat([Buffer.from(RECEIPT_CONTEXT), Buffer.from(receiptHash(claimed), 'hex')])).toString('hex');
    const path = join(out, 'claimed.json');
    await writeFile(path, `${canonicalize({ publicKey: signer.publicKey.toString('hex'), receipt: claimed, signature }) ?? ''}\n`);
    expect(await importReceipt(vault, { path, expect: recipientFp })).toMatchObject({ ok: false, problem: 'RECEIPT_KEY_MISMATCH' });
    expect(deliveredCount(vault)).toBe(before);
  });

  it("records a receipt by a known sender's key without --expect, naming them", async () => {
    const signer = signerFromSeed(newSigningSeed());
    const fingerprint = keyFingerprint(signer.publicKey);
    addVaultSender(vault, { name: 'Almaty City Court', fingerprint });
    const path = join(out, 'known.json');
    await writeFile(path, signReceipt(foreignBase(fingerprint), signer));
    expect(await importReceipt(vault, { path })).toMatchObject({ ok: true, recorded: true, trust: 'known-sender', recipientName: 'Almaty City Court' });
    expect(readChain(vault.db, itemIds[1] ?? '').at(-1)?.event.data).toMatchObject({ recipientTrust: 'known-sender', recipientName: 'Almaty City Court' });
    // A known sender's key is still refused when another key was expected.
    expect(await importReceipt(vault, { path, expect: recipientFp })).toMatchObject({ ok: false, problem: 'RECEIPT_UNEXPECTED_KEY' });
  });

  it('refuses a receipt with any field altered after signing, or a member named twice', async () => {
    const before = deliveredCount(vault);
    const edits: Array<[string, (f: SignedReceipt) => void]> = [
      ['verdict', (f) => Object.assign(f.receipt, { verdict: 'invalid' })],
      ['receivedAt', (f) => Object.assign(f.receipt, { receivedAt: '2026-12-01T00:00:00.000Z' })],
      ['operator', (f) => Object.assign(f.receipt.recipient, { operator: 'Someone Else' })],
      ['problems', (f) => Object.assign(f.receipt, { problems: ['PAYLOAD_HASH_MISMATCH'] })],
    ];
    for (const [name, edit] of edits) {
      const file = JSON.parse(genuine) as SignedReceipt;
      edit(file);
      const path = join(out, `altered-${name}.json`);
      await writeFile(path, `${JSON.stringify(file)}\n`);
      expect(await importReceipt(vault, { path, expect: recipientFp }), name).toMatchObject({ ok: false, problem: 'RECEIPT_SIGNATURE_INVALID' });
    }
    const twiceNamed = join(out, 'duplicate-member.json');
    await writeFile(twiceNamed, genuine.replace('"verdict":"valid"', '"verdict":"invalid","verdict":"valid"'));
    expect(await importReceipt(vault, { path: twiceNamed, expect: recipientFp })).toMatchObject({ ok: false, problem: 'RECEIPT_MALFORMED' });
    expect(deliveredCount(vault)).toBe(before);
  });

  it('refuses a valid receipt for a bundle this vault never exported, or for other files under its id', async () => {
    const before = deliveredCount(vault);
    const other = await foreignReceipt('other-bundle.json', (r) => ({ ...r, bundleId: '11111111-2222-4333-8444-555555555555' }));
    expect(await importReceipt(vault, { path: other.path, expect: other.fingerprint })).toMatchObject({ ok: false, problem: 'RECEIPT_UNKNOWN_BUNDLE' });
    const changed = await foreignReceipt('other-files.json', (r) => ({ ...r, tagManifestSha256: 'ab'.repeat(32) }));
    expect(await importReceipt(vault, { path: changed.path, acceptUnconfirmed: true })).toMatchObject({ ok: false, problem: 'RECEIPT_TAG_MANIFEST_MISMATCH' });
    expect(deliveredCount(vault)).toBe(before);
    // Accepted unconfirmed, a foreign key's receipt for the real bundle is recorded, and says so.
    const unconfirmed = await foreignReceipt('unconfirmed.json');
    expect(await importReceipt(vault, { path: unconfirmed.path, acceptUnconfirmed: true })).toMatchObject({ ok: true, recorded: true, trust: 'unconfirmed' });
    expect(deliveredCount(vault)).toBe(before + 1);
    expect(readChain(vault.db, itemIds[0] ?? '').at(-1)?.event.data).toMatchObject({ recipientTrust: 'unconfirmed', recipientFingerprint: unconfirmed.fingerprint });
  });
});
