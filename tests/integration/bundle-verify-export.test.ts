// What Tamga's own export writes, Tamga's verifier accepts: a real vault with real and
// generated evidence (Kazakh, NFD, hostile and overlong names, two files called
// IMG_0001.JPG), exported as a folder and as a zip, passes `tamga verify` with the vault's
// key pinned, every exhibit PASS; and a one-byte change to the real export is caught.
import { cp, open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import type { ExportResult } from '../../src/shared/bundle';
import { makeEvidenceVault, type EvidenceVault } from '../helpers/bundle-export-vault';
import { verifyInSandbox } from '../helpers/bundle-verify-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

let evidence: EvidenceVault;
let folder: ExportResult;
let zip: ExportResult;
let fingerprint: string;

beforeAll(async () => {
  evidence = await makeEvidenceVault(await tempDir('tamga-evidence-'));
  fingerprint = evidence.vault.vaultFile.signing.fingerprint;
  const out = await tempDir('tamga-bundles-');
  const request = { selection: { kind: 'items' as const, items: evidence.order }, recipient: 'Almaty City Court', caseIdentifier: '2-1234/2021' };
  folder = await exportBundle(evidence.vault, { ...request, outPath: join(out, 'court-bundle') });
  zip = await exportBundle(evidence.vault, { ...request, outPath: join(out, 'court-bundle.zip') });
});
afterAll(async () => {
  evidence.vault.close();
  await removeTempDirs();
});

describe('tamga verify on bundles made by tamga export', () => {
  it.each([
    ['a folder', () => folder],
    ['a zip', () => zip],
  ])('accepts %s, every exhibit PASS, signed by the pinned vault key', async (_kind, made) => {
    const result = made();
    const run = await verifyInSandbox(result.outPath, ['--key', fingerprint]);
    expect(run.report.problems).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report).toMatchObject({ verdict: 'valid', valid: true, complete: true, container: result.format, payloadOxum: result.payloadOxum, bundleId: result.bundleId, sealedAt: result.sealedAt });
    expect(run.report.signer).toEqual({ fingerprint, pinned: fingerprint, trust: 'trusted', name: null });
    expect(run.report.exhibits.map((e) => [e.number, e.status, e.path, e.itemId, e.sha256])).toEqual(result.exhibits.map((e) => [e.number, 'PASS', e.path, e.itemId, e.sha256]));
    expect(run.sandboxAfter).toEqual([]);
    expect(run.bundleChanged).toBe(false);
  });

  it('catches one changed byte in a copy of the real export, naming the exhibit', async () => {
    const copy = join(await tempDir('tamga-tampered-'), 'court-bundle');
    await cp(folder.outPath, copy, { recursive: true });
    const victim = folder.exhibits[9];
    if (victim === undefined) throw new Error('the export has fewer exhibits than expected');
    const handle = await open(join(copy, victim.path), 'r+');
    const byte = Buffer.alloc(1);
    await handle.read(byte, 0, 1, 100);
    await handle.write(Buffer.from([byte.readUInt8(0) ^ 0x01]), 0, 1, 100);
    await handle.close();
    const run = await verifyInSandbox(copy, ['--key', fingerprint]);
    expect(run.code).toBe(1);
    expect(run.report.problems.map((p) => [p.code, p.exhibit])).toEqual([
      ['PAYLOAD_HASH_MISMATCH', victim.number],
      ['PAYLOAD_HASH_MISMATCH', victim.number],
    ]);
    expect(run.report.exhibits.filter((e) => e.status === 'FAIL').map((e) => [e.number, e.summary])).toEqual([[victim.number, 'The file differs from the one that was sealed.']]);
  });
});
