// Trusted time for sealed bundles, as a defender and an auditor meet it: a bundle exported
// offline has no timestamp; later the vault gets RFC 3161 tokens over its seal from real
// TSAs on loopback (tests/helpers/tsa-server.ts), one of them down; the addendum is copied
// into a bundle already sent, which tamga verify and `openssl ts -verify` then accept,
// every other file byte for byte as it was; and a damaged token, one over another bundle's
// seal, and a trust list without the TSA's root are each named by their code.
import { createHash } from 'node:crypto';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult, VerifyReport } from '../../src/shared/bundle';
import { readChain } from '../../src/main/engine/custody/store';
import { bundleFileCount, COUNT_COMMAND, EXTRA_FILES_COMMAND, README_VERIFY, SEAL_SIGNATURE, TIMESTAMP_CHAIN, TIMESTAMP_COMMANDS, TIMESTAMP_TOKEN, TSA_ROOT_NAME } from '../../src/main/engine/bundle/layout';
import { parseTimestamp } from '../../src/main/engine/timestamp/response';
import { vaultChainName } from '../../src/shared/custody';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { runTamga } from '../helpers/child-process';
import { importPaths, openNewVault, shell, writePhoto } from '../helpers/bundle-export-vault';
import { listFiles, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';
import { createTestPki, openssl, refusedUrl, type TestPki, type TestTsa } from '../helpers/tsa-server';

const env = { TAMGA_PASSPHRASE: PASSPHRASE };
let pki: TestPki;
let otherPki: TestPki;
let tsa: TestTsa;
let downUrl: string;
let root: string;
let vaultId: string;
let first: ExportResult;
let second: ExportResult;
let before: Record<string, string>;
let work: string;

async function hashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of await listFiles(dir)) out[relative(dir, file)] = createHash('sha256').update(await readFile(file)).digest('hex');
  return out;
}

async function exportJson(item: string, out: string): Promise<ExportResult> {
  const run = await runTamga(['export', root, '--items', item, '--out', out, '--json'], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ExportResult;
}

async function verifyJson(bundle: string, ...args: string[]): Promise<{ code: number | null; report: VerifyReport }> {
  const run = await runTamga(['verify', bundle, '--key', first.keyFingerprint, '--json', ...args], { HOME: work });
  return { code: run.code, report: JSON.parse(run.stdout) as VerifyReport };
}

/** A copy of the first bundle with the addendum's files (or the ones given) in seal/. */
async function withAddendum(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const copy = join(work, name);
  await cp(first.outPath, copy, { recursive: true });
  for (const [path, bytes] of Object.entries(files)) await writeFile(join(copy, path), bytes);
  return copy;
}

async function addendum(bundleId: string, out: string): Promise<Record<string, Buffer>> {
  const run = await runTamga(['timestamp', root, '--addendum', bundleId, '--out', out], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const files: Record<string, Buffer> = {};
  for (const file of await listFiles(out)) files[relative(out, file)] = await readFile(file);
  return files;
}

beforeAll(async () => {
  [pki, otherPki] = await Promise.all([createTestPki(), createTestPki()]);
  tsa = await pki.startTsa({ key: 'ec' });
  downUrl = await refusedUrl();
  const opened = await openNewVault();
  root = opened.root;
  vaultId = opened.vault.vaultFile.vaultId;
  const src = await tempDir('tamga-ts-src-');
  const summary = await importPaths(opened.vault, [await writePhoto(src, { name: 'a.jpg', seed: 3 }), await writePhoto(src, { name: 'b.jpg', seed: 4 })]);
  const ids = summary.imported.map((f) => f.itemId);
  opened.vault.close();
  work = await tempDir('tamga-ts-');
  // Exported with no network at all: no TSA is named anywhere yet.
  first = await exportJson(ids[0] ?? '', join(work, 'sent'));
  second = await exportJson(ids[1] ?? '', join(work, 'other'));
  before = await hashes(first.outPath);
}, 120_000);

afterAll(async () => {
  await Promise.all([pki.dispose(), otherPki.dispose()]);
  await removeTempDirs();
});

describe('timestamps for sealed bundles', () => {
  it('a bundle leaves with no timestamp, and verify says the seal time is the sealer\'s own clock', async () => {
    expect(Object.keys(before).filter((p) => p.endsWith('.tsr'))).toEqual([]);
    const run = await runTamga(['verify', first.outPath, '--key', first.keyFingerprint], { HOME: work });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no timestamp: the seal time is the sealer's own clock");
    const { report } = await verifyJson(first.outPath);
    expect(report.timestamps).toEqual([]);
  });

  it('stamps every seal later with each TSA: the one down is reported and records nothing, the other\'s tokens are kept with a timestamped event', async () => {
    const run = await runTamga(['timestamp', root, '--tsa', tsa.url, '--tsa', downUrl], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${downUrl}  TSA_UNREACHABLE`);
    expect(run.stdout).toContain(`${first.bundleId}  ${tsa.url}  stamped: sealed no later than `);
    expect(run.stdout).toContain(`${second.bundleId}  ${tsa.url}  stamped`);
    expect(run.stdout).toContain('2 of 2 bundles have a timestamp');

    const vault = await unlockVault(root, PASSPHRASE, { readonly: true });
    try {
      const stamped = readChain(vault.db, vaultChainName(vaultId)).filter((e) => e.event.type === 'timestamped');
      expect(stamped.map((e) => e.event.data)).toEqual([
        expect.objectContaining({ bundleId: expect.any(String), tsa: tsa.url }),
        expect.objectContaining({ bundleId: expect.any(String), tsa: tsa.url }),
      ]);
      expect(new Set(stamped.map((e) => (e.event.data as { bundleId: string }).bundleId))).toEqual(new Set([first.bundleId, second.bundleId]));
      const rows = vault.db.prepare('SELECT bundle_id, tsa, token_sha256, response FROM seal_timestamps').all() as { tsa: string; token_sha256: string; response: Buffer }[];
      expect(rows.map((r) => r.tsa)).toEqual([tsa.url, tsa.url]);
      for (const r of rows) expect(createHash('sha256').update(r.response).digest('hex')).toBe(r.token_sha256);
      // The signed chain carries each token itself, byte for byte as kept.
      const onChain = stamped.map((e) => Buffer.from((e.event.data as { token: string }).token, 'base64').toString('hex')).sort();
      expect(onChain).toEqual(rows.map((r) => r.response.toString('hex')).sort());
    } finally {
      vault.close();
    }

    // Each TSA stamps a seal once: a second run has nothing to do.
    const again = await runTamga(['timestamp', root, '--tsa', tsa.url], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to stamp');
  });

  it('the addendum, copied into the bundle sent, passes tamga verify with the TSA trusted and openssl ts -verify as an auditor runs it', async () => {
    const files = await addendum(first.bundleId, join(work, 'addendum'));
    expect(Object.keys(files).sort()).toEqual([TIMESTAMP_CHAIN, TIMESTAMP_TOKEN].sort());
    expect(files[TIMESTAMP_CHAIN]?.toString('utf8').startsWith(tsa.certPem)).toBe(true);
    const copy = await withAddendum('stamped', files);

    const ca = join(work, 'ca.pem');
    await writeFile(ca, pki.caPem);
    const run = await runTamga(['verify', copy, '--key', first.keyFingerprint, '--tsa-trust', ca], { HOME: work });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/sealed no later than \d{4}-\d\d-\d\d \d\d:\d\d UTC, per TSA .*Tamga Test TSA ECDSA/);
    const { report } = await verifyJson(copy, '--tsa-trust', ca);
    expect(report.valid).toBe(true);
    expect(report.timestamps).toEqual([expect.objectContaining({ path: TIMESTAMP_TOKEN, trusted: true })]);

    // Every file the bundle had is byte for byte as before; only the two were added.
    const after = await hashes(copy);
    expect(Object.keys(after).filter((p) => !(p in before)).sort()).toEqual([TIMESTAMP_CHAIN, TIMESTAMP_TOKEN].sort());
    for (const [path, digest] of Object.entries(before)) expect(after[path]).toBe(digest);

    // The auditor's steps still hold: no extra file, the stated count.
    expect(shell(copy, EXTRA_FILES_COMMAND).stdout).toBe('');
    expect(shell(copy, COUNT_COMMAND).stdout.trim()).toBe(String(bundleFileCount(1)));
    const audit = shell(copy, `openssl ts -verify -data ${SEAL_SIGNATURE} -in ${TIMESTAMP_TOKEN} -CAfile ${ca}`);
    expect(audit.stdout).toContain('Verification: OK');
    // Step 6 of README-VERIFY.txt as the auditor copies it: the TSA's root saved next to the folder.
    const readme = (await readFile(join(copy, README_VERIFY), 'utf8')).split('\n');
    const [tsVerify, tsTime] = TIMESTAMP_COMMANDS.map((command) => readme.find((line) => line === command) ?? `missing: ${command}`);
    await writeFile(join(copy, '..', TSA_ROOT_NAME), pki.caPem);
    expect(shell(copy, tsVerify ?? '').stdout).toContain('Verification: OK');
    const printed = shell(copy, tsTime ?? '').stdout;
    expect(printed).toMatch(/^Time stamp: \w{3} +\d+ \d\d:\d\d:\d\d(?:\.\d+)? \d{4} GMT$/m);
    expect(printed).toMatch(/^TSA: .*Tamga Test TSA ECDSA/m);
    expect(await openssl(['ts', '-reply', '-in', join(copy, TIMESTAMP_TOKEN), '-text'])).toContain('Status: Granted.');

    // Without a trust list: the token is checked, the TSA is not confirmed (a note, not a pass of the time).
    const unconfirmed = await runTamga(['verify', copy, '--key', first.keyFingerprint], { HOME: work });
    expect(unconfirmed.code).toBe(0);
    expect(unconfirmed.stdout).toContain('TSA NOT CONFIRMED');
    const plain = await verifyJson(copy);
    expect(plain.report.timestamps).toEqual([expect.objectContaining({ trusted: false })]);
    expect(plain.report.notes.map((n) => n.code)).toContain('TIMESTAMP_TSA_NOT_CONFIRMED');
  });

  it('exported online, a bundle leaves with the token of each TSA that answered; one down is named and the export still succeeds', async () => {
    const run = await runTamga(['export', root, '--query', 'a.jpg', '--out', join(work, 'online'), '--tsa', downUrl, '--tsa', tsa.url, '--json'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as ExportResult;
    expect(result.timestamps).toEqual([
      expect.objectContaining({ tsa: downUrl, ok: false, error: expect.objectContaining({ code: 'TSA_UNREACHABLE' }) }),
      expect.objectContaining({ tsa: tsa.url, ok: true, genTime: expect.any(String) }),
    ]);
    const ca = join(work, 'ca.pem');
    await writeFile(ca, pki.caPem);
    const { code, report } = await verifyJson(result.outPath, '--tsa-trust', ca);
    expect(code).toBe(0);
    expect(report.timestamps).toEqual([expect.objectContaining({ path: TIMESTAMP_TOKEN, trusted: true })]);
    expect(shell(result.outPath, `openssl ts -verify -data ${SEAL_SIGNATURE} -in ${TIMESTAMP_TOKEN} -CAfile ${ca}`).stdout).toContain('Verification: OK');
    expect(shell(result.outPath, EXTRA_FILES_COMMAND).stdout).toBe('');
    // The vault kept it: that TSA has nothing left to stamp for this bundle.
    const again = await runTamga(['timestamp', root, '--tsa', tsa.url, '--json'], env);
    expect((JSON.parse(again.stdout) as { outcomes: { bundleId: string }[] }).outcomes.map((o) => o.bundleId)).not.toContain(result.bundleId);
  });

  it('names a damaged token, a token over another bundle\'s seal, a changed seal signature, a changed chain file, and a trust list without the TSA\'s root', async () => {
    const files = await addendum(first.bundleId, join(work, 'addendum-2'));
    const token = files[TIMESTAMP_TOKEN] ?? Buffer.alloc(0);
    const ca = join(work, 'ca.pem');
    await writeFile(ca, pki.caPem);

    const signature = Buffer.from(parseTimestamp(token).token?.signedData.signerInfos[0]?.signature.valueBlock.valueHexView ?? []);
    const at = token.indexOf(signature);
    expect(at).toBeGreaterThan(0);
    const flipped = Buffer.from(token);
    flipped[at + signature.length - 1] = (flipped[at + signature.length - 1] ?? 0) ^ 0x01;
    const damaged = await verifyJson(await withAddendum('flipped', { [TIMESTAMP_TOKEN]: flipped }), '--tsa-trust', ca);
    expect(damaged.code).toBe(1);
    expect(damaged.report.problems).toEqual([expect.objectContaining({ code: 'TIMESTAMP_INVALID', path: TIMESTAMP_TOKEN })]);

    const foreign = (await addendum(second.bundleId, join(work, 'addendum-other')))[TIMESTAMP_TOKEN] ?? Buffer.alloc(0);
    const other = await verifyJson(await withAddendum('foreign', { [TIMESTAMP_TOKEN]: foreign }), '--tsa-trust', ca);
    expect(other.code).toBe(1);
    expect(other.report.problems).toEqual([expect.objectContaining({ code: 'TIMESTAMP_INVALID', path: TIMESTAMP_TOKEN })]);
    expect(other.report.problems[0]?.message).toContain('TIMESTAMP_IMPRINT_MISMATCH');

    // The seal signature changed (and so the seal fails): the token no longer vouches for it.
    const sig = Buffer.from(await readFile(join(first.outPath, SEAL_SIGNATURE)));
    sig[0] = (sig[0] ?? 0) ^ 0x01;
    const resealed = await verifyJson(await withAddendum('changed-seal', { ...files, [SEAL_SIGNATURE]: sig }), '--tsa-trust', ca);
    expect(resealed.code).toBe(1);
    expect(resealed.report.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['SEAL_INVALID', 'TIMESTAMP_INVALID']));

    // The chain file: a root added by someone else, or no certificates at all, is named; the token itself still holds.
    const chain = files[TIMESTAMP_CHAIN]?.toString('utf8') ?? '';
    const planted = await verifyJson(await withAddendum('planted-root', { ...files, [TIMESTAMP_CHAIN]: chain + otherPki.caPem }), '--tsa-trust', ca);
    expect(planted.code).toBe(1);
    expect(planted.report.problems).toEqual([expect.objectContaining({ code: 'TIMESTAMP_CHAIN_MISMATCH', path: TIMESTAMP_CHAIN })]);
    expect(planted.report.timestamps).toEqual([expect.objectContaining({ trusted: true })]);
    const garbage = await verifyJson(await withAddendum('garbage-chain', { ...files, [TIMESTAMP_CHAIN]: 'not a certificate\n' }));
    expect(garbage.report.problems).toEqual([
      expect.objectContaining({ code: 'TIMESTAMP_CHAIN_MISMATCH', path: TIMESTAMP_CHAIN }),
      expect.objectContaining({ code: 'TIMESTAMP_CHAIN_MISMATCH', path: TIMESTAMP_TOKEN }),
    ]);
    const swapped = await verifyJson(await withAddendum('swapped-chain', { ...files, [TIMESTAMP_CHAIN]: otherPki.caPem }), '--tsa-trust', ca);
    expect(swapped.report.problems.map((p) => p.code)).toEqual(['TIMESTAMP_CHAIN_MISMATCH', 'TIMESTAMP_CHAIN_MISMATCH']);

    const wrongRoots = join(work, 'other-ca.pem');
    await writeFile(wrongRoots, otherPki.caPem);
    const untrusted = await verifyJson(await withAddendum('untrusted', files), '--tsa-trust', wrongRoots);
    expect(untrusted.code).toBe(1);
    expect(untrusted.report.problems).toEqual([expect.objectContaining({ code: 'TIMESTAMP_UNTRUSTED', path: TIMESTAMP_TOKEN })]);
  });
});
