// The tamper suite: a correct bundle passes, and every kind of change made after sealing is
// caught with its own problem code and a FAIL on the exhibit it touches (zero false
// accepts). Each case runs the real `tamga verify --json` in a sandbox that must stay empty,
// with the sealer's key pinned unless it says otherwise: a change must fail even then.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyProblemCode } from '../../src/shared/bundle';
import * as L from '../../src/main/engine/bundle/layout';
import { buildBundle, fingerprintOf, newSigner, regenerateManifests, regenerateTagManifest, seal, writeBundleDir, type BundleFiles } from '../helpers/bundle-verify-fixture';
import { inPool, problemCodes, verifyInSandbox, type VerifyRun } from '../helpers/bundle-verify-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';
import { chainHeadOf, sealNextEvent } from '../../src/main/engine/custody/chain';
import { parseJsonlLine, toJsonl } from '../../src/main/engine/custody/jsonl';

/** Appends an event to exhibit E0001's custody log, signed by `by` as the vault would sign it. */
function appendSigned(files: BundleFiles, by: ReturnType<typeof newSigner>, type: 'exported' | 're-acquired', data: Record<string, string | number | null>): void {
  const path = L.custodyFile('E0001');
  const records = (files.get(path)?.toString('utf8') ?? '').trimEnd().split('\n').map(parseJsonlLine);
  const chain = records[0]?.event.chain ?? '';
  const next = sealNextEvent(chainHeadOf(records), by, { chain, type, actor: 'tamga-cli 0.2.0', at: '2021-01-20T10:00:00.000Z', data });
  files.set(path, Buffer.concat([files.get(path) ?? Buffer.alloc(0), Buffer.from(toJsonl([next]))]));
}

const signer = newSigner();
const stranger = newSigner();
const base = buildBundle(signer);
const strangers = buildBundle(stranger);
const KEY = ['--key', fingerprintOf(signer)];
const E1 = [...base.keys()].find((p) => p.startsWith('data/E0001_')) ?? '';
const E2 = [...base.keys()].find((p) => p.startsWith('data/E0002_')) ?? '';

function sha256Of(files: BundleFiles, path: string): string {
  return createHash('sha256').update(files.get(path) ?? Buffer.alloc(0)).digest('hex');
}

function edit(files: BundleFiles, path: string, change: (text: string) => string): void {
  files.set(path, Buffer.from(change(files.get(path)?.toString('utf8') ?? ''), 'utf8'));
}

interface Case {
  readonly name: string;
  readonly from?: BundleFiles;
  readonly change?: (files: BundleFiles) => void;
  readonly args?: readonly string[];
  readonly exit: 0 | 1;
  /** Every one of these codes must be reported. */
  readonly codes: readonly VerifyProblemCode[];
  /** Exhibits that must FAIL (the others must PASS, or be UNCONFIRMED when the signer is). */
  readonly failing: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'a correct bundle', exit: 0, codes: [], failing: [] },
  { name: 'a correct bundle, no key pinned', args: [], exit: 1, codes: ['SIGNER_NOT_CONFIRMED'], failing: [] },
  { name: 'a correct bundle with the right key pinned', args: ['--key', fingerprintOf(signer).toUpperCase()], exit: 0, codes: [], failing: [] },
  {
    name: 'one changed byte in an exhibit',
    change: (f) => f.get(E2)?.writeUInt8((f.get(E2)?.readUInt8(1000) ?? 0) ^ 1, 1000),
    exit: 1,
    codes: ['PAYLOAD_HASH_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'a changed exhibit with regenerated manifests (not re-sealed)',
    change: (f) => {
      f.set(E1, Buffer.from('a different photo'));
      regenerateManifests(f);
      regenerateTagManifest(f);
    },
    exit: 1,
    codes: ['SEAL_INVALID', 'ACQUIRED_HASH_MISMATCH'],
    failing: ['E0001', 'E0002'],
  },
  { name: 'an added payload file', change: (f) => f.set('data/E0003_planted.jpg', Buffer.from('planted')), exit: 1, codes: ['PAYLOAD_UNLISTED', 'PAYLOAD_OXUM_MISMATCH', 'CUSTODY_MISSING'], failing: ['E0003'] },
  { name: 'an added tag file', change: (f) => f.set('metadata/notes.txt', Buffer.from('added later')), exit: 1, codes: ['TAG_FILE_UNLISTED'], failing: [] },
  { name: 'a removed exhibit file', change: (f) => f.delete(E2), exit: 1, codes: ['PAYLOAD_MISSING', 'PAYLOAD_OXUM_MISMATCH'], failing: ['E0002'] },
  {
    name: 'a removed exhibit file and its manifest lines',
    change: (f) => {
      f.delete(E2);
      for (const m of [L.MANIFEST_SHA256, L.MANIFEST_SHA512]) edit(f, m, (t) => t.split('\n').filter((line) => !line.includes('E0002_')).join('\n'));
    },
    exit: 1,
    codes: ['PAYLOAD_OXUM_MISMATCH', 'TAG_HASH_MISMATCH'],
    failing: ['E0001', 'E0002'],
  },
  {
    name: 'a wrong Payload-Oxum (sealed that way)',
    change: (f) => {
      edit(f, L.BAG_INFO_TXT, (t) => t.replace(/Payload-Oxum: \d+\.2/, 'Payload-Oxum: 12345.2'));
      seal(f, signer);
    },
    exit: 1,
    codes: ['PAYLOAD_OXUM_MISMATCH'],
    failing: [],
  },
  {
    name: 'an edited custody event',
    change: (f) => edit(f, L.custodyFile('E0001'), (t) => t.replace('"tag":"Ақмола"', '"tag":"Астана"')),
    exit: 1,
    codes: ['CUSTODY_HASH_MISMATCH', 'TAG_HASH_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'custody logs swapped between exhibits (and re-sealed)',
    change: (f) => {
      const one = f.get(L.custodyFile('E0001'));
      f.set(L.custodyFile('E0001'), f.get(L.custodyFile('E0002')) ?? Buffer.alloc(0));
      f.set(L.custodyFile('E0002'), one ?? Buffer.alloc(0));
      seal(f, signer);
    },
    exit: 1,
    codes: ['CUSTODY_WRONG_CHAIN', 'ACQUIRED_HASH_MISMATCH'],
    failing: ['E0001', 'E0002'],
  },
  { name: 'an edited bag-info.txt', change: (f) => edit(f, L.BAG_INFO_TXT, (t) => t.replace('2-1234/2021', '2-9999/2021')), exit: 1, codes: ['TAG_HASH_MISMATCH'], failing: [] },
  { name: 'a bundle sealed by another key, no key pinned', from: strangers, args: [], exit: 1, codes: ['SIGNER_NOT_CONFIRMED'], failing: [] },
  { name: 'a bundle sealed by another key, ours pinned', from: strangers, args: ['--key', fingerprintOf(signer)], exit: 1, codes: ['UNTRUSTED_SIGNER'], failing: ['E0001', 'E0002'] },
  { name: 'our bundle re-sealed by another key', change: (f) => seal(f, stranger), exit: 1, codes: ['UNTRUSTED_SIGNER', 'SIGNER_KEY_MISMATCH', 'CUSTODY_BAD_SIGNATURE'], failing: ['E0001', 'E0002'] },
  { name: 'our bundle re-sealed by another key, no key pinned', change: (f) => seal(f, stranger), args: [], exit: 1, codes: ['SIGNER_NOT_CONFIRMED', 'SIGNER_KEY_MISMATCH', 'CUSTODY_BAD_SIGNATURE'], failing: ['E0001', 'E0002'] },
  { name: 'a bad signature', change: (f) => f.get(L.SEAL_SIGNATURE)?.writeUInt8((f.get(L.SEAL_SIGNATURE)?.readUInt8(5) ?? 0) ^ 0x80, 5), exit: 1, codes: ['SEAL_INVALID'], failing: ['E0001', 'E0002'] },
  { name: 'a missing seal', change: (f) => (f.delete(L.SEAL_SIGNATURE), f.delete(L.SEAL_PUBLIC_KEY)), exit: 1, codes: ['SEAL_MISSING'], failing: ['E0001', 'E0002'] },
  {
    name: 'a manifest that lists a file twice with different hashes',
    change: (f) => {
      edit(f, L.MANIFEST_SHA256, (t) => `${t}${L.manifestLine('0'.repeat(64), E1)}`);
      seal(f, signer);
    },
    exit: 1,
    codes: ['MANIFEST_CONFLICT'],
    failing: ['E0001'],
  },
  {
    name: 'a manifest that lists a file twice with the same hash',
    change: (f) => {
      edit(f, L.MANIFEST_SHA512, (t) => `${t}${t.split('\n')[0]}\n`);
      seal(f, signer);
    },
    exit: 1,
    codes: ['MANIFEST_DUPLICATE_LINE'],
    failing: [],
  },
  {
    name: 'manifest lines naming paths outside the bundle',
    change: (f) => {
      const lines = ['data/../../../etc/passwd', '/etc/passwd', 'data\\..\\secret', 'data/E0009_a\u0000b', 'C:/Windows/win.ini'].map((p) => L.manifestLine('1'.repeat(64), p));
      edit(f, L.MANIFEST_SHA256, (t) => `${t}${lines.join('')}`);
      seal(f, signer);
    },
    exit: 1,
    codes: ['MANIFEST_LINE_INVALID'],
    failing: [],
  },
  {
    name: 'an earlier "exported" event naming another SHA-256 (signed by the vault, sealed that way)',
    change: (f) => {
      appendSigned(f, signer, 'exported', { bundleId: '00000000-0000-4000-8000-00000000e001', exhibit: 'E0007', recipient: null, sha256: '0'.repeat(64), tagManifestSha256: '1'.repeat(64) });
      seal(f, signer);
    },
    exit: 1,
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'a "re-acquired" event of another size (signed by the vault, sealed that way)',
    change: (f) => {
      const acquired = parseJsonlLine((f.get(L.custodyFile('E0001'))?.toString('utf8') ?? '').split('\n')[0] ?? '').event.data as { sha256: string };
      appendSigned(f, signer, 're-acquired', { sha256: acquired.sha256, size: 1, sourcePath: '/media/other/IMG.JPG', originalName: 'IMG.JPG', importId: 'x' });
      seal(f, signer);
    },
    exit: 1,
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'exhibits.json giving a SHA-1 that custody never recorded (sealed that way)',
    change: (f) => {
      edit(f, L.EXHIBITS_JSON, (t) => t.replace(/("sha1": ")[0-9a-f]{40}/, `$1${'d'.repeat(40)}`));
      seal(f, signer);
    },
    exit: 1,
    codes: ['EXHIBIT_FACT_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'exhibits.csv showing another SHA-256 than the manifest (sealed that way)',
    change: (f) => {
      edit(f, L.EXHIBITS_CSV, (t) => t.replace(sha256Of(f, E2), 'e'.repeat(64)));
      seal(f, signer);
    },
    exit: 1,
    codes: ['EXHIBITS_CSV_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'exhibits.csv with a row missing (sealed that way)',
    change: (f) => {
      edit(f, L.EXHIBITS_CSV, (t) => t.replace(/^E0001,.*\r\n/m, ''));
      seal(f, signer);
    },
    exit: 1,
    codes: ['EXHIBITS_CSV_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'Tamga-Recipient given twice, naming another court (sealed that way)',
    change: (f) => {
      edit(f, L.BAG_INFO_TXT, (t) => `${t}Tamga-Recipient: Supreme Court\n`);
      seal(f, signer);
    },
    exit: 1,
    codes: ['BAG_INFO_INVALID'],
    failing: [],
  },
  {
    name: 'vault-key.json naming another vault than Tamga-Signer (sealed that way)',
    change: (f) => {
      edit(f, L.VAULT_KEY_JSON, (t) => t.replace(/"vaultId": "[0-9a-f-]+"/, '"vaultId": "00000000-0000-4000-8000-000000000666"'));
      seal(f, signer);
    },
    exit: 1,
    codes: ['SIGNER_ID_MISMATCH'],
    failing: ['E0001', 'E0002'],
  },
  {
    name: 'exhibits.json with a second sha256 member for an exhibit (sealed that way)',
    change: (f) => {
      edit(f, L.EXHIBITS_JSON, (t) => t.replace(/("sha256": "[0-9a-f]{64}",)/, `$1\n      "sha256": "${'0'.repeat(64)}",`));
      seal(f, signer);
    },
    exit: 1,
    codes: ['EXHIBITS_JSON_INVALID'],
    failing: ['E0001'],
  },
  {
    name: 'an exhibit list that disagrees with the files (sealed that way)',
    change: (f) => {
      edit(f, L.EXHIBITS_JSON, (t) => t.replace(/"size": \d+/, '"size": 1'));
      seal(f, signer);
    },
    exit: 1,
    codes: ['EXHIBITS_JSON_MISMATCH'],
    failing: ['E0001'],
  },
];

const runs = new Map<string, VerifyRun>();
/** Every case that pins our key, run again with no key pinned: the auditor who skips `--key`. */
const PINNED = CASES.filter((c) => c.args === undefined);
const unpinnedRuns = new Map<string, VerifyRun>();

beforeAll(async () => {
  const root = await tempDir('tamga-verify-tamper-');
  const tasks = CASES.map((c, i) => async () => {
    const files = new Map([...(c.from ?? base)].map(([p, b]) => [p, Buffer.from(b)]));
    c.change?.(files);
    const dir = await writeBundleDir(join(root, `case-${i}`), files);
    runs.set(c.name, await verifyInSandbox(dir, c.args ?? KEY));
    if (c.args === undefined) unpinnedRuns.set(c.name, await verifyInSandbox(dir, []));
  });
  await inPool(tasks);
}, 300_000);
afterAll(removeTempDirs);

describe('tamga verify on a folder bundle', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = runs.get(c.name);
    if (run === undefined) throw new Error('the case did not run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(c.exit);
    expect(run.report.valid).toBe(c.exit === 0);
    expect(problemCodes(run.report)).toEqual(expect.arrayContaining([...c.codes]));
    if (c.exit === 0) expect(run.report.problems).toEqual([]);
    const failing = run.report.exhibits.filter((e) => e.status === 'FAIL').map((e) => e.number);
    expect(failing).toEqual([...c.failing]);
    // An unconfirmed signer leaves no exhibit a plain PASS.
    if (c.codes.includes('SIGNER_NOT_CONFIRMED')) expect(run.report.exhibits.filter((e) => e.status === 'PASS')).toEqual([]);
    for (const p of run.report.problems) expect(p.message).toMatch(/^[^\n]+\.$/);
    expect(run.sandboxAfter).toEqual([]);
    expect(run.bundleChanged).toBe(false);
  });

  // Without a confirmed signer nothing exits 0 (only --any-signer would allow it), and a
  // change is reported as it is with the key pinned.
  it.each(PINNED.map((c) => [c.name, c] as const))('%s, no key pinned', (_name, c) => {
    const run = unpinnedRuns.get(c.name);
    if (run === undefined) throw new Error('the case did not run');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.report.valid).toBe(false);
    const pinnedOnly: readonly VerifyProblemCode[] = ['UNTRUSTED_SIGNER'];
    // A seal that is broken or missing names no signer to confirm: that is its own failure.
    const sealBroken = run.report.problems.some((p) => p.code === 'SEAL_INVALID' || p.code === 'SEAL_MISSING');
    const expected = [...(sealBroken ? [] : (['SIGNER_NOT_CONFIRMED'] as const)), ...c.codes.filter((code) => !pinnedOnly.includes(code))];
    expect(problemCodes(run.report)).toEqual(expect.arrayContaining(expected));
    expect(run.report.exhibits.filter((e) => e.status === 'PASS')).toEqual([]);
    const failing = run.report.exhibits.filter((e) => e.status === 'FAIL').map((e) => e.number);
    expect(failing).toEqual([...c.failing]);
    expect(run.sandboxAfter).toEqual([]);
  });

  it('says whose key signed when none was pinned, and that nobody confirmed it', () => {
    const report = runs.get('a bundle sealed by another key, no key pinned')?.report;
    expect(report?.signer).toEqual({ fingerprint: fingerprintOf(stranger), pinned: null, trust: 'unconfirmed', name: null });
    expect(report?.verdict).toBe('intact-unconfirmed-signer');
    expect(report?.exhibits.map((e) => e.status)).toEqual(['UNCONFIRMED', 'UNCONFIRMED']);
    const pinned = runs.get('a bundle sealed by another key, ours pinned')?.report;
    expect(pinned?.signer).toEqual({ fingerprint: fingerprintOf(stranger), pinned: fingerprintOf(signer), trust: 'untrusted', name: null });
    expect(pinned?.exhibits[0]?.summary).toBe(`Signed by a key you did not expect: ${fingerprintOf(stranger).slice(0, 8)}…`);
  });

  it('names the changed exhibit in words a person understands', () => {
    const report = runs.get('one changed byte in an exhibit')?.report;
    expect(report?.exhibits.map((e) => [e.number, e.status, e.summary])).toEqual([
      ['E0001', 'PASS', 'The file is the one that was sealed, and its chain of custody (3 events) is intact.'],
      ['E0002', 'FAIL', 'The file differs from the one that was sealed.'],
    ]);
    const mismatch = report?.problems.filter((p) => p.code === 'PAYLOAD_HASH_MISMATCH') ?? [];
    expect(mismatch.map((p) => p.message)).toEqual([expect.stringContaining('manifest-sha256.txt'), expect.stringContaining('manifest-sha512.txt')]);
  });

  it('names the edited custody event by its line', () => {
    const report = runs.get('an edited custody event')?.report;
    const edited = report?.problems.find((p) => p.code === 'CUSTODY_HASH_MISMATCH');
    expect(edited).toMatchObject({ path: L.custodyFile('E0001'), exhibit: 'E0001', line: 2 });
    expect(report?.exhibits[0]?.summary).toBe('Its chain of custody was altered or damaged after it was signed.');
  });
});
