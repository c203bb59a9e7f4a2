// What README-VERIFY.txt's steps cannot see and `tamga verify` must: files added outside
// data/ (each with its own code), and a README-VERIFY.txt or a PDF exhibit list that states
// something else than the sealed files, even re-sealed with the genuine key. Every case
// runs the real `tamga verify --json`, with the signer's key pinned and without, and must
// fail either way; the correct bundle passes with the key pinned.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyProblemCode } from '../../src/shared/bundle';
import * as L from '../../src/main/engine/bundle/layout';
import { buildBundle, exhibitListPdf, fingerprintOf, newSigner, seal, writeBundleDir, type BundleFiles } from '../helpers/bundle-verify-fixture';
import { inPool, problemCodes, verifyInSandbox, type VerifyRun } from '../helpers/bundle-verify-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

const signer = newSigner();
const stranger = newSigner();
const KEY = fingerprintOf(signer);
const base = buildBundle(signer);

interface ListedExhibit {
  number: string;
  path: string;
  originalName: string;
  size: number;
  sha256: string;
  sha512: string;
}

const listedOf = (files: BundleFiles): ListedExhibit[] => (JSON.parse(files.get(L.EXHIBITS_JSON)?.toString('utf8') ?? '{}') as { exhibits: ListedExhibit[] }).exhibits;
const payloadBytes = (files: BundleFiles): number => listedOf(files).reduce((sum, e) => sum + e.size, 0);

function edit(files: BundleFiles, path: string, change: (text: string) => string): void {
  const before = files.get(path)?.toString('utf8') ?? '';
  const after = change(before);
  if (after === before) throw new Error(`the change to ${path} changed nothing`);
  files.set(path, Buffer.from(after, 'utf8'));
}

/** A PDF drawn by export's own code from changed facts, sealed in with the genuine key. */
function resealedPdf(change: (exhibits: ListedExhibit[]) => ListedExhibit[], fingerprint = KEY) {
  return (f: BundleFiles): void => {
    f.set(L.REPORT_PDF, exhibitListPdf(fingerprint, payloadBytes(f), change(listedOf(f))));
    seal(f, signer);
  };
}

function manifestOf(files: BundleFiles, algorithm: string, paths: readonly string[]): Buffer {
  return Buffer.from(paths.map((p) => L.manifestLine(createHash(algorithm).update(files.get(p) ?? Buffer.alloc(0)).digest('hex'), p)).join(''));
}

interface Case {
  readonly name: string;
  readonly change: (files: BundleFiles) => void;
  /** A file whose name is raw bytes (not UTF-8), written after the others. */
  readonly rawName?: Buffer;
  readonly codes: readonly VerifyProblemCode[];
  /** Exhibits that must FAIL (the others must PASS). */
  readonly failing: readonly string[];
}

const payloadPaths = [...base.keys()].filter((p) => p.startsWith('data/'));
const tagPaths = [...base.keys()].filter((p) => !p.startsWith('data/') && !p.startsWith('seal/') && p !== L.TAGMANIFEST_SHA256);

const CASES: readonly Case[] = [
  { name: 'an extra tag file', change: (f) => f.set('metadata/notes.txt', Buffer.from('added later\n')), codes: ['TAG_FILE_UNLISTED'], failing: [] },
  { name: 'an extra file in seal/', change: (f) => f.set('seal/second-signer.pem', f.get(L.SEAL_PUBLIC_KEY) ?? Buffer.alloc(0)), codes: ['TAG_FILE_UNLISTED'], failing: [] },
  { name: 'a fetch.txt', change: (f) => f.set('fetch.txt', Buffer.from('https://example.org/E0003.jpg - data/E0003_x.jpg\n')), codes: ['FETCH_NOT_ALLOWED', 'TAG_FILE_UNLISTED'], failing: [] },
  { name: 'a correct manifest-md5.txt', change: (f) => f.set('manifest-md5.txt', manifestOf(f, 'md5', payloadPaths)), codes: ['TAG_FILE_UNLISTED'], failing: [] },
  { name: 'a correct tagmanifest-sha512.txt', change: (f) => f.set('tagmanifest-sha512.txt', manifestOf(f, 'sha512', tagPaths)), codes: ['TAG_FILE_UNLISTED'], failing: [] },
  { name: 'a file whose name is not UTF-8', change: () => undefined, rawName: Buffer.concat([Buffer.from('report/'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('.pdf')]), codes: ['NAME_NOT_UTF8'], failing: [] },
  {
    name: 'a BAG-INFO.TXT twin naming another court',
    change: (f) => f.set('BAG-INFO.TXT', Buffer.from((f.get(L.BAG_INFO_TXT)?.toString('utf8') ?? '').replace('Bagging-Date', 'Tamga-Recipient: Another Court\nBagging-Date'))),
    codes: ['DUPLICATE_NAME'],
    failing: [],
  },
  {
    name: 'README-VERIFY.txt stating another file count (re-sealed with the genuine key)',
    change: (f) => {
      edit(f, L.README_VERIFY, (t) => t.replace(/This must print \d+:/, 'This must print 99:'));
      seal(f, signer);
    },
    codes: ['README_VERIFY_MISMATCH'],
    failing: [],
  },
  {
    name: 'README-VERIFY.txt stating another number of exhibits (re-sealed)',
    change: (f) => {
      edit(f, L.README_VERIFY, (t) => t.replace(/^Exhibits: 2 files/m, 'Exhibits: 3 files'));
      seal(f, signer);
    },
    codes: ['README_VERIFY_MISMATCH'],
    failing: [],
  },
  {
    name: 'README-VERIFY.txt stating another fingerprint (re-sealed)',
    change: (f) => {
      edit(f, L.README_VERIFY, (t) => t.replace(KEY, fingerprintOf(stranger)));
      seal(f, signer);
    },
    codes: ['README_VERIFY_MISMATCH'],
    failing: [],
  },
  {
    name: 'a PDF giving another SHA-256 for E0002 (re-sealed)',
    change: resealedPdf((list) => list.map((e) => (e.number === 'E0002' ? { ...e, sha256: 'f'.repeat(64) } : e))),
    codes: ['REPORT_PDF_MISMATCH'],
    failing: ['E0002'],
  },
  {
    name: 'a PDF giving another size and file name for E0001 (re-sealed)',
    change: resealedPdf((list) => list.map((e) => (e.number === 'E0001' ? { ...e, size: e.size + 1, path: 'data/E0001_IMG_9999.JPG' } : e))),
    codes: ['REPORT_PDF_MISMATCH'],
    failing: ['E0001'],
  },
  { name: 'a PDF leaving out E0002 (re-sealed)', change: resealedPdf((list) => list.filter((e) => e.number !== 'E0002')), codes: ['REPORT_PDF_MISMATCH'], failing: ['E0002'] },
  { name: 'a PDF printing another fingerprint (re-sealed)', change: resealedPdf((list) => list, fingerprintOf(stranger)), codes: ['REPORT_PDF_MISMATCH'], failing: [] },
  {
    name: 'a PDF that is not a PDF (re-sealed)',
    change: (f) => {
      f.set(L.REPORT_PDF, Buffer.from('%PDF-1.7\nnot really\n'));
      seal(f, signer);
    },
    codes: ['REPORT_PDF_UNREADABLE'],
    failing: [],
  },
];

const runs = new Map<string, VerifyRun>();
const pinned = (name: string): string => `${name}, key pinned`;

beforeAll(async () => {
  const root = await tempDir('tamga-verify-extra-');
  const copy = (): BundleFiles => new Map([...base].map(([p, b]) => [p, Buffer.from(b)]));
  const tasks: Array<() => Promise<void>> = [
    async () => void runs.set('the correct bundle, key pinned', await verifyInSandbox(await writeBundleDir(join(root, 'correct'), copy()), ['--key', KEY])),
    ...CASES.map((c, i) => async () => {
      const files = copy();
      c.change(files);
      const dir = await writeBundleDir(join(root, `case-${i}`), files);
      if (c.rawName !== undefined) await writeFile(Buffer.concat([Buffer.from(`${dir}/`), c.rawName]), 'added later\n');
      runs.set(c.name, await verifyInSandbox(dir));
      runs.set(pinned(c.name), await verifyInSandbox(dir, ['--key', KEY]));
    }),
  ];
  await inPool(tasks);
}, 300_000);
afterAll(removeTempDirs);

describe('tamga verify on files added outside data/ and on statements that differ from the sealed files', () => {
  it('passes the correct bundle, whose README-VERIFY.txt and PDF are read back and agree', () => {
    const run = runs.get('the correct bundle, key pinned');
    expect(run?.report.problems).toEqual([]);
    expect(run?.code).toBe(0);
  });

  it.each(CASES.flatMap((c) => [[c.name, c, c.name] as const, [pinned(c.name), c, pinned(c.name)] as const]))('%s', (_name, c, key) => {
    const run = runs.get(key);
    if (run === undefined) throw new Error('the case did not run');
    expect(run.stderr).toBe('');
    expect(run.code).not.toBe(0);
    expect(run.report.valid).toBe(false);
    expect(problemCodes(run.report)).toEqual(expect.arrayContaining([...c.codes]));
    const failing = run.report.exhibits.filter((e) => e.status === 'FAIL').map((e) => e.number);
    expect(failing).toEqual([...c.failing]);
    for (const p of run.report.problems) expect(p.message).toMatch(/^[^\n]+\.$/);
    expect(run.sandboxAfter).toEqual([]);
    expect(run.bundleChanged).toBe(false);
  });

  it('names both values in each mismatch', () => {
    const message = (name: string, code: VerifyProblemCode): string | undefined => runs.get(name)?.report.problems.find((p) => p.code === code)?.message;
    expect(message(CASES[7]?.name ?? '', 'README_VERIFY_MISMATCH')).toMatch(/holds 99 files, but it holds 17 as sealed/);
    expect(message(CASES[9]?.name ?? '', 'README_VERIFY_MISMATCH')).toContain(`${fingerprintOf(stranger)}", but the seal's key is ${KEY}`);
    const sha = runs.get(CASES[10]?.name ?? '')?.report.problems.find((p) => p.code === 'REPORT_PDF_MISMATCH');
    const e2 = listedOf(base).find((e) => e.number === 'E0002');
    expect(sha).toMatchObject({ exhibit: 'E0002', path: L.REPORT_PDF, message: `${L.REPORT_PDF} gives E0002's SHA-256 as "${'f'.repeat(64)}", but ${L.MANIFEST_SHA256} has ${e2?.sha256 ?? ''}.` });
    const sized = runs.get(CASES[11]?.name ?? '')?.report.problems.filter((p) => p.code === 'REPORT_PDF_MISMATCH').map((p) => p.message);
    expect(sized).toEqual(expect.arrayContaining([expect.stringContaining("E0001's file as \"data/E0001_IMG_9999.JPG\""), expect.stringMatching(/E0001's size as \d+ bytes, but the file holds \d+/)]));
    expect(message(CASES[14]?.name ?? '', 'REPORT_PDF_UNREADABLE')).toMatch(/cannot be read as a PDF/);
  });
});
