// The delivery receipt format's worked example (docs/formats.md, "Delivery receipts"),
// byte for byte, and checked again by the independent Python script docs/receipt-check.py
// (standard library only, its own JCS and Ed25519): an altered copy fails there too.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../src/shared/receipt';
import { keyFingerprint, signerFromSeed } from '../../src/main/engine/crypto/signing';
import { receiptCheck, receiptHash, signReceipt } from '../../src/main/engine/receipt/receipt-format';
import { ROOT, run } from '../helpers/child-process';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

const FILE = '{"publicKey":"2152f8d19b791d24453242e15f2eab6cb7cffa7b6a5ed30097960e069881db12","receipt":{"bundleId":"1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081","kind":"tamga-receipt","problems":[],"receivedAt":"2021-01-14T09:30:00.000Z","recipient":{"fingerprint":"3097e2dee2cb4a34b53840cdb705aed71067c36f68db0e0f559c3f3fa043315f","operator":"Marat Dzhaksybekov (lawyer, Almaty Bar)","vaultId":"3f9a0c1e-2b4d-4f6a-8c0e-1a2b3c4d5e6f"},"sealFingerprint":"7c05e3a17c05e3a17c05e3a17c05e3a17c05e3a17c05e3a17c05e3a17c05e3a1","tagManifestSha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","v":1,"verdict":"valid"},"signature":"7e86254146cd050bb30c3c83c7333422bb746ac95fe57d45edba170ad9abdeed5bbd68693acab99dcc26b61704446c45602e45f083a8920268bd4619605d2f09"}\n';
const HASH = 'a289fc473d7172e1df27c6b0b9ece134d46d6f881b7d663ea8de4e00884d2a8e';
const FINGERPRINT = '3097e2dee2cb4a34b53840cdb705aed71067c36f68db0e0f559c3f3fa043315f';

const signer = signerFromSeed(Buffer.alloc(32, 0x42));
const RECEIPT: Receipt = {
  v: 1,
  kind: 'tamga-receipt',
  bundleId: '1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7081',
  tagManifestSha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  sealFingerprint: '7c05e3a1'.repeat(8),
  verdict: 'valid',
  problems: [],
  receivedAt: '2021-01-14T09:30:00.000Z',
  recipient: { vaultId: '3f9a0c1e-2b4d-4f6a-8c0e-1a2b3c4d5e6f', fingerprint: keyFingerprint(signer.publicKey), operator: 'Marat Dzhaksybekov (lawyer, Almaty Bar)' },
};

afterAll(removeTempDirs);

describe('receipt format v1', () => {
  it('signs the worked example byte for byte, and the docs show it', async () => {
    expect(keyFingerprint(signer.publicKey)).toBe(FINGERPRINT);
    expect(receiptHash(RECEIPT)).toBe(HASH);
    expect(signReceipt(RECEIPT, signer)).toBe(FILE);
    const docs = await readFile(join(ROOT, 'docs', 'formats.md'), 'utf8');
    for (const value of [FILE.trimEnd(), HASH, FINGERPRINT, signer.publicKey.toString('hex')]) expect(docs).toContain(value);
  });

  it('reads it back, and refuses it with a field changed or another key put in', () => {
    const checked = receiptCheck(Buffer.from(FILE));
    expect(checked).toMatchObject({ ok: true, hash: HASH, signed: { receipt: RECEIPT } });
    expect(receiptCheck(Buffer.from(FILE.replace('"verdict":"valid"', '"verdict":"invalid"')))).toMatchObject({ ok: false, problem: 'RECEIPT_SIGNATURE_INVALID' });
    const other = signerFromSeed(Buffer.alloc(32, 0x43)).publicKey.toString('hex');
    expect(receiptCheck(Buffer.from(FILE.replace(signer.publicKey.toString('hex'), other)))).toMatchObject({ ok: false, problem: 'RECEIPT_KEY_MISMATCH' });
    expect(receiptCheck(Buffer.from(FILE.replace('"v":1', '"v":1,"extra":1')))).toMatchObject({ ok: false, problem: 'RECEIPT_MALFORMED' });
    expect(receiptCheck(Buffer.from(FILE.replace('(lawyer, Almaty Bar)', '(lawyer)\\u202e')))).toMatchObject({ ok: false, problem: 'RECEIPT_MALFORMED' });
  });

  it('is checked by the independent Python script in docs/, which refuses an altered copy', async () => {
    const dir = await tempDir('tamga-receipt-py-');
    const good = join(dir, 'receipt.json');
    await writeFile(good, FILE);
    const result = await run('/usr/bin/python3', [join(ROOT, 'docs', 'receipt-check.py'), good, '--expect', FINGERPRINT]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`receipt hash: ${HASH}\n`);
    expect(result.stdout).toContain('signature: valid\n');
    const altered = join(dir, 'altered.json');
    await writeFile(altered, FILE.replace('2021-01-14T09:30', '2021-01-13T09:30'));
    const refused = await run('/usr/bin/python3', [join(ROOT, 'docs', 'receipt-check.py'), altered]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('refused: the signature does not verify');
  });
});
