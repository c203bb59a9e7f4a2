// Every readable copy checked against the sealed data: each case below is re-sealed with
// the genuine key, so the seal holds, yet the bundle contradicts itself (a CSV row, the
// HTML report, exhibits.json, the custody facts, vault-key.json, bag-info.txt). Each must
// be caught with its exact problem codes, with the right key pinned and without, by the
// real `tamga verify --json`; a correct bundle that records legacy hashes and an earlier
// export must still pass.
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyProblemCode } from '../../src/shared/bundle';
import * as L from '../../src/main/engine/bundle/layout';
import { buildBundle, DEFAULT_EXHIBITS, fingerprintOf, newSigner, seal, writeBundleDir, type BundleFiles, type FixtureOptions } from '../helpers/bundle-verify-fixture';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { importPaths, openNewVault, writePhoto } from '../helpers/bundle-export-vault';
import { inPool, problemCodes, verifyInSandbox, type VerifyRun } from '../helpers/bundle-verify-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

const signer = newSigner();
const KEY = ['--key', fingerprintOf(signer)];
const EARLIER = '11111111-2222-4333-8444-555555555555';
const OTHER_SHA256 = 'ab'.repeat(32);

function edit(files: BundleFiles, path: string, change: (text: string) => string): void {
  const before = files.get(path)?.toString('utf8') ?? '';
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  files.set(path, Buffer.from(after, 'utf8'));
}

/** A bundle whose chains record an earlier export of both exhibits (as a re-export does). */
function exportedBefore(change: (number: string, data: Record<string, string>) => Record<string, string> = (_, d) => d): FixtureOptions {
  return {
    events: ({ number, sha256, base }) => [
      ...base,
      { type: 'exported', data: change(number, { bundleId: EARLIER, exhibit: number === 'E0001' ? 'E0007' : 'E0003', sha256, tagManifestSha256: 'cd'.repeat(32) }) },
    ],
  };
}

interface Case {
  readonly name: string;
  readonly options?: FixtureOptions;
  /** A change made after building, then re-sealed with the genuine key. */
  readonly change?: (files: BundleFiles) => void;
  /** Exactly these codes, in any order and number (empty: a valid bundle). */
  readonly codes: readonly VerifyProblemCode[];
  /** Exhibits that must FAIL (the others must PASS). */
  readonly failing: readonly string[];
  /** A sentence of the report must say this (the file, the exhibit, the two values). */
  readonly says?: RegExp;
}

const E1_SHA256 = (files: BundleFiles): string => /"sha256": "([0-9a-f]{64})"/.exec(files.get(L.EXHIBITS_JSON)?.toString('utf8') ?? '')?.[1] ?? '';

const CASES: readonly Case[] = [
  { name: 'a correct bundle with legacy hashes', codes: [], failing: [] },
  { name: 'a correct bundle whose chains record an earlier export', options: exportedBefore(), codes: [], failing: [] },
  {
    name: 'exhibits.csv shows another SHA-256',
    change: (f) => edit(f, L.EXHIBITS_CSV, (t) => t.replace(E1_SHA256(f), OTHER_SHA256)),
    codes: ['EXHIBITS_CSV_MISMATCH'],
    failing: ['E0001'],
    says: /exhibits\.csv gives E0001's SHA-256 as "(ab){32}", but the sealed files say "[0-9a-f]{64}"/,
  },
  {
    name: 'exhibits.csv shows another size',
    change: (f) => edit(f, L.EXHIBITS_CSV, (t) => t.replace(`,${DEFAULT_EXHIBITS[1]?.content.length},`, ',1,')),
    codes: ['EXHIBITS_CSV_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'exhibits.csv lost its header row',
    change: (f) => edit(f, L.EXHIBITS_CSV, (t) => t.replace(/^\uFEFFexhibit,file,/, '\uFEFFnumber,file,')),
    codes: ['EXHIBITS_CSV_INVALID'],
    failing: [],
  },
  {
    name: 'exhibits.csv lost a row',
    change: (f) => edit(f, L.EXHIBITS_CSV, (t) => t.split('\r\n').filter((row) => !row.startsWith('E0002,')).join('\r\n')),
    codes: ['EXHIBITS_CSV_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'the HTML report shows another SHA-256',
    change: (f) => edit(f, L.REPORT_HTML, (t) => t.replace(E1_SHA256(f), OTHER_SHA256)),
    codes: ['REPORT_HTML_MISMATCH'],
    failing: ['E0001'],
    says: /exhibit-list\.html gives E0001's SHA-256 as "(ab){32}", but the bundle has "[0-9a-f]{64}"/,
  },
  {
    name: 'the HTML report shows another original name',
    change: (f) => edit(f, L.REPORT_HTML, (t) => t.replace('E0001 — IMG_1234.JPG', 'E0001 — IMG_9999.JPG')),
    codes: ['REPORT_HTML_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'the HTML report shows another bundle id',
    change: (f) => edit(f, L.REPORT_HTML, (t) => t.replace(/(<dt>Bundle id<\/dt><dd class="mono">)[^<]+/, `$1${EARLIER}`)),
    codes: ['REPORT_HTML_MISMATCH'],
    failing: [],
  },
  {
    name: 'the HTML report has no exhibit list',
    change: (f) => f.set(L.REPORT_HTML, Buffer.from('<!doctype html><title>Exhibits</title>\n')),
    codes: ['REPORT_HTML_INVALID'],
    failing: [],
  },
  {
    name: 'the HTML report lost an exhibit',
    change: (f) => edit(f, L.REPORT_HTML, (t) => t.replace(/<article id="E0002">[\s\S]*?<\/article>/, '')),
    codes: ['REPORT_HTML_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'exhibits.json gives sha256 twice (the last wins)',
    change: (f) => edit(f, L.EXHIBITS_JSON, (t) => t.replace(/("sha256": "[0-9a-f]{64}",)/, `$1\n      "sha256": "${OTHER_SHA256}",`)),
    codes: ['EXHIBITS_JSON_INVALID'],
    failing: ['E0001'],
    says: /gives the member "sha256" twice in exhibits\[0\] \(E0001\)/,
  },
  {
    name: 'exhibits.json gives sha256 twice, the second spelled with an escape',
    change: (f) => edit(f, L.EXHIBITS_JSON, (t) => t.replace(/("sha256": "[0-9a-f]{64}",)/, `$1\n      "sha\\u003256": "${OTHER_SHA256}",`)),
    codes: ['EXHIBITS_JSON_INVALID'],
    failing: ['E0001'],
  },
  {
    name: 'exhibits.json has a member Tamga does not write',
    change: (f) => edit(f, L.EXHIBITS_JSON, (t) => t.replace('"number": "E0002",', '"number": "E0002",\n      "verified": true,')),
    // The entry is refused, so the list does not describe E0002 at all.
    codes: ['EXHIBITS_JSON_INVALID', 'EXHIBITS_JSON_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'exhibits.json gives a size as text',
    change: (f) => edit(f, L.EXHIBITS_JSON, (t) => t.replace(/"size": (\d+)/, '"size": "$1"')),
    codes: ['EXHIBITS_JSON_INVALID', 'EXHIBITS_JSON_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'exhibits.json lacks a member',
    change: (f) => edit(f, L.EXHIBITS_JSON, (t) => t.replace(/\n {6}"md5": "[0-9a-f]{32}",/, '')),
    codes: ['EXHIBITS_JSON_INVALID', 'EXHIBITS_JSON_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'the list (JSON, CSV, report) gives another SHA-1 than the custody log',
    options: { item: (n) => (n === 'E0001' ? { sha1: 'ef'.repeat(20) } : {}) },
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0001'],
    says: /gives E0001's SHA-1 as "(ef){20}", but its acquisitions recorded "[0-9a-f]{40}"/,
  },
  {
    name: 'the list gives another MD5 than the custody log',
    options: { item: (n) => (n === 'E0002' ? { md5: 'ef'.repeat(16) } : {}) },
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'the list gives another original name than the custody log',
    options: { item: (n) => (n === 'E0001' ? { originalName: 'IMG_9999.JPG' } : {}) },
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0001'],
    says: /gives E0001's original name as "IMG_9999\.JPG", but its custody log records "IMG_1234\.JPG" as acquired/,
  },
  {
    name: 'the acquired event records another size',
    options: { events: ({ number, base }) => (number === 'E0002' ? base.map((e, i) => (i === 0 ? { ...e, data: { ...e.data, size: 5 } } : e)) : [...base]) },
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0002'],
    says: /Event 0 of the custody log of E0002 \("acquired"\) records a size of 5 bytes, but the bundle's file has \d+/,
  },
  {
    name: 'a re-acquired event records other content',
    options: { events: ({ number, base }) => (number === 'E0001' ? [...base, { type: 're-acquired', data: { ...base[0]?.data, sha256: OTHER_SHA256 } }] : [...base]) },
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'an exported event names another SHA-256',
    options: exportedBefore((n, d) => (n === 'E0002' ? { ...d, sha256: OTHER_SHA256 } : d)),
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'an exported event names this bundle',
    options: { events: ({ number, bundleId, sha256, base }) => [...base, { type: 'exported', data: { bundleId, exhibit: number, sha256, tagManifestSha256: 'cd'.repeat(32) } }] },
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0001', 'E0002'],
  },
  {
    name: 'two exported events of one earlier bundle name two tag manifests',
    options: exportedBefore((n, d) => (n === 'E0002' ? { ...d, tagManifestSha256: 'ee'.repeat(32) } : d)),
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'two exported events of one earlier bundle give one exhibit number',
    options: exportedBefore((_, d) => ({ ...d, exhibit: 'E0005' })),
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: "vault-key.json names another vault than bag-info.txt's Tamga-Signer",
    change: (f) => edit(f, L.VAULT_KEY_JSON, (t) => t.replace(/"vaultId": "[^"]+"/, `"vaultId": "${EARLIER}"`)),
    codes: ['SIGNER_ID_MISMATCH'],
    // Two names for the sealer: who sealed is in doubt, so no exhibit passes.
    failing: ['E0001', 'E0002'],
    says: /vault-key\.json says the key is vault "11111111-2222-4333-8444-555555555555"'s, but bag-info\.txt names the sealer as vault "[0-9a-f-]{36}"/,
  },
  {
    name: 'vault-key.json gives its fingerprint twice',
    change: (f) => edit(f, L.VAULT_KEY_JSON, (t) => t.replace('"fingerprint":', `"fingerprint": "${'00'.repeat(32)}",\n  "fingerprint":`)),
    codes: ['SIGNER_KEY_MISMATCH'],
    failing: ['E0001', 'E0002'],
  },
  {
    name: 'bag-info.txt gives Tamga-Recipient twice',
    change: (f) => edit(f, L.BAG_INFO_TXT, (t) => `${t}Tamga-Recipient: Almaty City Court\nTamga-Recipient: Someone else\n`),
    codes: ['BAG_INFO_INVALID'],
    failing: [],
    says: /gives Tamga-Recipient more than once/,
  },
];

let root = '';
const runs = new Map<string, { readonly pinned: VerifyRun; readonly unpinned: VerifyRun }>();

beforeAll(async () => {
  root = await tempDir();
  const tasks = CASES.flatMap((c, i) => {
    const files = buildBundle(signer, DEFAULT_EXHIBITS, c.options);
    if (c.change !== undefined) {
      c.change(files);
      seal(files, signer);
    }
    const folder = join(root, `case-${i}`);
    return [async (): Promise<void> => void (await writeBundleDir(folder, files))];
  });
  await Promise.all(tasks.map((t) => t()));
  const results = await inPool(CASES.flatMap((_, i) => [() => verifyInSandbox(join(root, `case-${i}`), KEY), () => verifyInSandbox(join(root, `case-${i}`))]));
  CASES.forEach((c, i) => runs.set(c.name, { pinned: results[2 * i] as VerifyRun, unpinned: results[2 * i + 1] as VerifyRun }));
}, 240_000);

afterAll(removeTempDirs);

describe('tamga verify cross-checks every readable copy against the sealed data', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const run = runs.get(c.name);
    expect(run).toBeDefined();
    if (run === undefined) return;
    const { pinned, unpinned } = run;
    for (const r of [pinned, unpinned]) {
      expect(r.sandboxAfter).toEqual([]);
      expect(r.bundleChanged).toBe(false);
      expect(r.report.signer.fingerprint).toBe(fingerprintOf(signer));
    }
    expect(new Set(problemCodes(pinned.report))).toEqual(new Set(c.codes));
    expect(pinned.report.exhibits.filter((e) => e.status === 'FAIL').map((e) => e.number)).toEqual(c.failing);
    if (c.codes.length === 0) {
      expect(pinned.code).toBe(0);
      expect(pinned.report.valid).toBe(true);
      return;
    }
    expect(pinned.code).toBe(1);
    expect(pinned.report.valid).toBe(false);
    // Without --key the same problems are found, and the bundle is never accepted.
    expect(unpinned.code).not.toBe(0);
    expect(problemCodes(unpinned.report)).toEqual(expect.arrayContaining([...c.codes]));
    if (c.says !== undefined) expect(pinned.report.problems.map((p) => p.message).join('\n')).toMatch(c.says);
  });
});

describe('the cross-checks on a real export', () => {
  it('accept items with legacy hashes (from the first acquisition or only a later one), re-acquired copies and an earlier export', async () => {
    const { vault } = await openNewVault();
    try {
      const src = await tempDir('tamga-crosscheck-src-');
      const plain = await writePhoto(src, { name: 'before-legacy.jpg', seed: 1 });
      await importPaths(vault, [plain]);
      vault.setLegacyHashes(true);
      const hashed = await writePhoto(src, { name: 'with-legacy.jpg', seed: 2 });
      const copies = [join(src, 'copy of before-legacy.jpg'), join(src, 'copy of with-legacy.jpg')];
      await copyFile(plain, copies[0] ?? '');
      await copyFile(hashed, copies[1] ?? '');
      await importPaths(vault, [hashed]);
      const again = await importPaths(vault, copies);
      expect(again.imported.every((f) => !f.isNew)).toBe(true);
      const items = again.imported.map((f) => f.itemId);
      const out = await tempDir('tamga-crosscheck-out-');
      const request = { selection: { kind: 'items' as const, items }, recipient: 'Almaty City Court' };
      await exportBundle(vault, { ...request, outPath: join(out, 'first') });
      const second = await exportBundle(vault, { ...request, outPath: join(out, 'second') });
      const run = await verifyInSandbox(second.outPath, ['--key', vault.vaultFile.signing.fingerprint]);
      expect(run.report.problems).toEqual([]);
      expect(run.code).toBe(0);
      // Each chain: acquired, re-acquired, the first export (and nothing else).
      expect(run.report.exhibits.map((e) => [e.status, e.custodyEvents])).toEqual([
        ['PASS', 3],
        ['PASS', 3],
      ]);
    } finally {
      vault.close();
    }
  }, 120_000);
});
