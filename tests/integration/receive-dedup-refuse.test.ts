// Receiving, beyond the straight path: the same exhibit from two senders is one item with
// two `received` acquisitions and both hops kept (and a re-export carries and verifies
// both); a bundle that fails its check is refused, by the CLI too, and received only with
// its problems accepted and recorded; audit re-verifies what was kept and names a change.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVault } from '../../src/main/engine/audit/audit';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { verifyBundle } from '../../src/main/engine/bundle/verify/verify';
import { detailOf, resolveItem } from '../../src/main/engine/items/item-view';
import { receiveBundle } from '../../src/main/engine/receive/receive';
import { createVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { TamgaError } from '../../src/shared/errors';
import type { ExportResult } from '../../src/shared/bundle';
import { HOP_FILES_COMMAND, HOP_SEAL_COMMAND } from '../../src/main/engine/bundle/layout';
import { importPaths, shell, writePhoto } from '../helpers/bundle-export-vault';
import { runTamga } from '../helpers/child-process';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let dir: string;
let a: OpenVault;
let b: OpenVault;
let lawyer: OpenVault;
let fromA: ExportResult;
let fromB: ExportResult;
let sha256: string;

const open = async (name: string, operator: string): Promise<OpenVault> => {
  const vault = await createVault(join(dir, name), PASSPHRASE, { actor: 'tamga-test', operator: { name: operator } });
  return vault;
};

beforeAll(async () => {
  dir = await tempDir('tamga-receive-dedup-');
  a = await open('observer-a', 'Observer A');
  b = await open('observer-b', 'Observer B');
  lawyer = await open('lawyer', 'Lawyer L');
  // Both observers hold the same photo (each imported it from a copy of the card).
  const photo = await writePhoto(join(dir, 'card'), { name: 'IMG_0001.JPG', seed: 1 });
  sha256 = (await importPaths(a, [photo])).imported[0]?.sha256 ?? '';
  await importPaths(b, [photo]);
  fromA = await exportBundle(a, { selection: { kind: 'items', items: [sha256] }, outPath: join(dir, 'from-a') });
  fromB = await exportBundle(b, { selection: { kind: 'items', items: [sha256] }, outPath: join(dir, 'from-b.zip') });
}, 600_000);
afterAll(async () => {
  for (const v of [a, b, lawyer]) v.close();
  await removeTempDirs();
});

describe('the same exhibit from two senders', () => {
  it('is one item with two received acquisitions, each with its own hop kept', async () => {
    const first = await receiveBundle(lawyer, { path: fromA.outPath, key: a.vaultFile.signing.fingerprint });
    const second = await receiveBundle(lawyer, { path: fromB.outPath, key: b.vaultFile.signing.fingerprint });
    expect(first.received[0]?.isNew).toBe(true);
    expect(second.received[0]?.isNew).toBe(false);
    expect(second.received[0]?.itemId).toBe(first.received[0]?.itemId);
    const item = detailOf(lawyer.db, resolveItem(lawyer.db, sha256));
    expect(item.custody.map((r) => r.event.type)).toEqual(['acquired', 'received', 'received']);
    expect(item.custody.slice(1).map((r) => r.event.data.senderFingerprint)).toEqual([a.vaultFile.signing.fingerprint, b.vaultFile.signing.fingerprint]);
    expect(item.custody.slice(1).map((r) => r.event.data.bundleId)).toEqual([fromA.bundleId, fromB.bundleId]);
    expect(item.acquisitions).toHaveLength(2);
    expect(item.acquisitions[1]?.sourcePath).toBe(`${fromB.outPath}/${fromB.exhibits[0]?.path ?? ''}`);
    expect(item.provenance.map((p) => [p.bundleId, p.eventSeq, p.verdict])).toEqual([
      [fromA.bundleId, 1, 'valid'],
      [fromB.bundleId, 2, 'valid'],
    ]);
    expect((await auditVault(lawyer)).problems).toEqual([]);
  });

  it('a re-export carries both hops and verifies, each hop linked to its own received event', async () => {
    const out = await exportBundle(lawyer, { selection: { kind: 'items', items: [sha256] }, outPath: join(dir, 'lawyer-out') });
    const report = await verifyBundle({ path: out.outPath, key: lawyer.vaultFile.signing.fingerprint });
    expect(report.problems).toEqual([]);
    expect(report.exhibits[0]?.hops).toBe(2);
    expect(report.exhibits[0]?.hopPath).toContain(`imported by Observer A into vault ${a.vaultFile.vaultId.slice(0, 8)}…`);
    expect(report.exhibits[0]?.hopPath).toContain(`imported by Observer B into vault ${b.vaultFile.vaultId.slice(0, 8)}…`);
    const hop2 = JSON.parse(await readFile(join(out.outPath, 'metadata/hops/E0001/2/hop.json'), 'utf8')) as unknown;
    expect(hop2).toEqual({ format: 'tamga-hop', formatVersion: 1, exhibit: 'E0001', receivedIn: null, receivedSeq: 2 });
    // README-VERIFY's step 7, run as a clerk runs it, checks each hop with OpenSSL and sha256sum.
    const readme = await readFile(join(out.outPath, 'README-VERIFY.txt'), 'utf8');
    const seal = shell(out.outPath, HOP_SEAL_COMMAND);
    const files = shell(out.outPath, HOP_FILES_COMMAND);
    expect(readme).toContain(`\n${HOP_SEAL_COMMAND}\n`);
    expect(readme).toContain(`\n${HOP_FILES_COMMAND}\n`);
    expect([seal.code, seal.stdout]).toEqual([0, 'Signature Verified Successfully\n'.repeat(2)]);
    expect([files.code, files.stdout]).toEqual([0, [1, 2].map((n) => `metadata/hops/E0001/${n}/bag-info.txt: OK\nmetadata/hops/E0001/${n}/custody.jsonl: OK\n`).join('')]);
    // …and the count README-VERIFY states includes the hop files.
    expect(shell(out.outPath, 'find . ! -type d | wc -l').stdout.trim()).toBe(readme.match(/this one included: (\d+)\./)?.[1]);
  });
});

describe('a bundle that fails its check', () => {
  let broken: string;
  beforeAll(async () => {
    broken = join(await tempDir('tamga-receive-broken-'), 'from-a');
    await cp(fromA.outPath, broken, { recursive: true });
    const info = join(broken, 'bag-info.txt');
    await writeFile(info, (await readFile(info, 'utf8')).replace('Tamga-Bundle-Format: 1', 'Tamga-Bundle-Format: 1\nExternal-Description: added later'));
  });

  it('is refused by the CLI with its problems, and nothing is received', async () => {
    const other = join(dir, 'other');
    (await createVault(other, PASSPHRASE)).close();
    const run = await runTamga(['receive', other, broken, '--key', a.vaultFile.signing.fingerprint], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^tamga: The bundle did not pass its check \(invalid: \d+ problems?, TAG_HASH_MISMATCH.*\[BUNDLE_REFUSED\]\n/);
    expect(run.stderr).toContain('  TAG_HASH_MISMATCH: "bag-info.txt" was changed after the bundle was sealed');
    const list = await runTamga(['list', other], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(list.stdout).toBe('0 item(s)\n');
  });

  it('is received with --accept-problems, the problems recorded in the received event and the provenance', async () => {
    const c = await open('c', 'Clerk C');
    try {
      await expect(receiveBundle(c, { path: broken, key: a.vaultFile.signing.fingerprint })).rejects.toThrow(TamgaError);
      const result = await receiveBundle(c, { path: broken, key: a.vaultFile.signing.fingerprint, acceptProblems: true });
      expect(result.verdict).toBe('invalid');
      const item = detailOf(c.db, resolveItem(c.db, result.received[0]?.itemId ?? ''));
      const received = item.custody[1]?.event;
      expect(received?.type).toBe('received');
      expect(received?.data.verdict).toBe('invalid');
      expect(received?.data.problems).toContain('TAG_HASH_MISMATCH');
      expect(item.provenance[0]?.problems.map((p) => p.code)).toContain('TAG_HASH_MISMATCH');
      expect(item.provenance[0]?.problems[0]?.message).toContain('bag-info.txt');
    } finally {
      c.close();
    }
  });
});

describe('audit of kept provenance', () => {
  it('names a kept file that changed, and a hop that no longer verifies', async () => {
    const item = resolveItem(lawyer.db, sha256);
    const record = detailOf(lawyer.db, item).provenance[0]?.id ?? '';
    // Bit rot in a kept seal: the bytes no longer match their recorded hash.
    lawyer.db.prepare("UPDATE provenance_contents SET content = zeroblob(64) WHERE sha256 = (SELECT sha256 FROM provenance_files WHERE record_id = ? AND name = 'tagmanifest-sha256.txt.sig')").run(record);
    const rotted = await auditVault(lawyer);
    expect(rotted.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['PROVENANCE_CORRUPT', 'PROVENANCE_INVALID']));
    expect(rotted.problems.find((p) => p.code === 'PROVENANCE_INVALID')?.message).toMatch(/HOP_SEAL_INVALID\): Hop 1 \(sealed by vault .*its seal does not verify/);
    expect(rotted.problems.every((p) => p.itemId === item.id)).toBe(true);
  });
});
