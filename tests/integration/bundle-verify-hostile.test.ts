// Hostile bundles: names that climb out, links, special files, lying or exploding zips, a
// million entries. Each is refused or reported with its own code, never followed, never
// extracted, and the sandboxed `tamga verify` writes nothing (its cwd, TMPDIR and HOME stay
// empty) and changes nothing in the bundle.
import { spawnSync } from 'node:child_process';
import { link, mkdir, open, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyProblemCode } from '../../src/shared/bundle';
import { buildBundle, fingerprintOf, newSigner, writeBundleDir } from '../helpers/bundle-verify-fixture';
import { inPool, problemCodes, verifyInSandbox, type VerifyRun } from '../helpers/bundle-verify-cli';
import { bundleEntries, rawZip, unicodePathExtra, writeManyEntryZip, type RawEntry } from '../helpers/bundle-verify-zip';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

const signer = newSigner();
const base = buildBundle(signer);
/** Every case pins the fixture's key: what is under test is the container, not the signer. */
const KEY = ['--key', fingerprintOf(signer)];
const E1 = [...base.keys()].find((p) => p.startsWith('data/E0001_')) ?? '';
const MiB = 1024 * 1024;

interface Case {
  readonly name: string;
  /** Makes the bundle under `dir` (a folder or a file) and returns its path. */
  readonly make: (dir: string) => Promise<string>;
  readonly args?: readonly string[];
  readonly codes: readonly VerifyProblemCode[];
  /** Exhibits that must FAIL; null when the bundle is refused before exhibits are known. */
  readonly failing: readonly string[] | null;
}

async function folder(dir: string, extra: (root: string) => Promise<void>): Promise<string> {
  const root = await writeBundleDir(join(dir, 'bundle'), base);
  await extra(root);
  return root;
}

async function zip(dir: string, entries: (standard: RawEntry[]) => RawEntry[]): Promise<string> {
  const path = join(dir, 'bundle.zip');
  await writeFile(path, rawZip(entries(bundleEntries(base))));
  return path;
}

const replaced = (entries: RawEntry[], name: string, by: Partial<RawEntry>): RawEntry[] => entries.map((e) => (e.name === name ? { ...e, ...by } : e));

const CASES: readonly Case[] = [
  // Folders.
  { name: 'folder: a symbolic link to a file outside', make: (d) => folder(d, async (r) => symlink(join(d, 'secret.txt'), join(r, 'data/E0003_link.jpg'))), codes: ['SYMLINK'], failing: ['E0003'] },
  {
    name: 'folder: an exhibit replaced by a link to an identical copy outside',
    make: (d) =>
      folder(d, async (r) => {
        await rename(join(r, E1), join(d, 'copy.jpg'));
        await symlink(join(d, 'copy.jpg'), join(r, E1));
      }),
    codes: ['SYMLINK'],
    failing: ['E0001'],
  },
  { name: 'folder: a linked folder', make: (d) => folder(d, async (r) => symlink(d, join(r, 'metadata/elsewhere'))), codes: ['SYMLINK'], failing: [] },
  {
    // cp -al, rsync --link-dest and backup tools make these: the same bytes under two names.
    name: 'folder: an exhibit that is a hard link to a file outside (content unchanged)',
    make: (d) =>
      folder(d, async (r) => {
        await link(join(r, E1), join(d, 'outside-name.jpg'));
      }),
    codes: [],
    failing: [],
  },
  {
    name: 'folder: an exhibit hard-linked to a file outside that was then changed through it',
    make: (d) =>
      folder(d, async (r) => {
        await link(join(r, E1), join(d, 'outside-name.jpg'));
        const handle = await open(join(d, 'outside-name.jpg'), 'r+');
        await handle.write(Buffer.from([0xff]), 0, 1, 100);
        await handle.close();
      }),
    codes: ['PAYLOAD_HASH_MISMATCH'],
    failing: ['E0001'],
  },
  {
    name: 'folder: a FIFO (reading it would hang)',
    make: (d) =>
      folder(d, async (r) => {
        spawnSync('mkfifo', [join(r, 'data/E0003_pipe.mp4')]);
      }),
    codes: ['SPECIAL_FILE'],
    failing: ['E0003'],
  },
  { name: 'folder: a backslash in a name', make: (d) => folder(d, async (r) => writeFile(join(r, 'data', '..\\..\\evil.txt'), 'x')), codes: ['UNSAFE_PATH'], failing: [] },
  { name: 'folder: a line break in a name', make: (d) => folder(d, async (r) => writeFile(join(r, 'data', 'E0003_a\nb.jpg'), 'x')), codes: ['UNSAFE_PATH'], failing: [] },
  { name: 'folder: a name that is not UTF-8', make: (d) => folder(d, async (r) => writeFile(Buffer.concat([Buffer.from(join(r, 'data/E0003_')), Buffer.from([0xff, 0xfe])]), 'x')), codes: ['NAME_NOT_UTF8'], failing: [] },
  { name: 'folder: names that differ only in case', make: (d) => folder(d, async (r) => writeFile(join(r, E1.toLowerCase()), 'x')), codes: ['DUPLICATE_NAME'], failing: ['E0001'] },
  {
    name: 'folder: names that differ only in Unicode normalisation',
    make: (d) =>
      folder(d, async (r) => {
        await writeFile(join(r, 'data', 'E0003_Йод.jpg'.normalize('NFC')), 'x');
        await writeFile(join(r, 'data', 'E0003_Йод.jpg'.normalize('NFD')), 'x');
      }),
    codes: ['DUPLICATE_NAME'],
    failing: ['E0003'],
  },
  { name: 'folder: more entries than allowed', make: (d) => folder(d, async () => undefined), args: ['--max-entries', '10'], codes: ['TOO_MANY_ENTRIES'], failing: null },
  { name: 'folder: more bytes than allowed', make: (d) => folder(d, async () => undefined), args: ['--max-bytes', '1000'], codes: ['TOO_LARGE'], failing: null },
  // Zips.
  { name: 'zip: a correct bundle', make: (d) => zip(d, (e) => e), codes: [], failing: [] },
  { name: 'zip: a correct bundle with bagit.txt at the top', make: (d) => zip(d, () => [...base].map(([name, data]) => ({ name, data }))), codes: [], failing: [] },
  {
    name: 'zip: entries escaping the root',
    make: (d) => zip(d, (e) => [...e, { name: 'bundle/../../evil.sh', data: Buffer.from('x') }, { name: '../evil.sh', data: Buffer.from('x') }, { name: '/tmp/evil.sh', data: Buffer.from('x') }]),
    codes: ['UNSAFE_PATH'],
    failing: [],
  },
  {
    name: 'zip: backslashes, NUL, drive letters',
    make: (d) => zip(d, (e) => [...e, { name: 'bundle\\..\\evil', data: Buffer.from('x') }, { name: 'bundle/data/E0003_a\u0000.jpg', data: Buffer.from('x') }, { name: 'C:/evil', data: Buffer.from('x') }]),
    codes: ['UNSAFE_PATH'],
    failing: [],
  },
  { name: 'zip: a symbolic link entry', make: (d) => zip(d, (e) => [...e, { name: 'bundle/data/E0003_link.jpg', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }]), codes: ['SYMLINK'], failing: ['E0003'] },
  { name: 'zip: an exhibit stored as a link', make: (d) => zip(d, (e) => replaced(e, `bundle/${E1}`, { unixMode: 0o120777 })), codes: ['SYMLINK'], failing: ['E0001'] },
  { name: 'zip: a duplicate entry', make: (d) => zip(d, (e) => [...e, { name: `bundle/${E1}`, data: Buffer.from('the other one') }]), codes: ['DUPLICATE_NAME'], failing: ['E0001'] },
  { name: 'zip: entries that differ only in case', make: (d) => zip(d, (e) => [...e, { name: `bundle/${E1.toUpperCase()}`, data: Buffer.from('x') }]), codes: ['DUPLICATE_NAME'], failing: ['E0001'] },
  {
    name: 'zip: an encrypted entry',
    // Traditional PKWARE encryption: a 12-byte header before the data, flag bit 0.
    make: (d) => zip(d, (e) => replaced(e, `bundle/${E1}`, { flags: 0x801, data: Buffer.concat([Buffer.alloc(12, 9), base.get(E1) ?? Buffer.alloc(0)]), uncompressedSize: base.get(E1)?.length ?? 0 })),
    codes: ['ENCRYPTED_ENTRY'],
    failing: ['E0001'],
  },
  { name: 'zip: a zip bomb (64 MiB of zeros in 64 KiB)', make: (d) => zip(d, (e) => [...e, { name: 'bundle/data/E0003_bomb.mp4', data: Buffer.alloc(64 * MiB), method: 8 }]), codes: ['ZIP_BOMB'], failing: ['E0003'] },
  {
    name: 'zip: a deflated entry that lies about its size',
    make: (d) => zip(d, (e) => replaced(e, `bundle/${E1}`, { data: Buffer.alloc(MiB, 'a'), method: 8, uncompressedSize: 1000 })),
    codes: ['ZIP_SIZE_MISMATCH'],
    failing: ['E0001'],
  },
  { name: 'zip: a stored entry that lies about its size', make: (d) => zip(d, (e) => replaced(e, `bundle/${E1}`, { uncompressedSize: 10 })), codes: ['ZIP_SIZE_MISMATCH'], failing: null },
  { name: 'zip: a wrong CRC-32', make: (d) => zip(d, (e) => replaced(e, `bundle/${E1}`, { crc: 12345 })), codes: ['ZIP_CRC_MISMATCH'], failing: ['E0001'] },
  { name: 'zip: a local header naming another file', make: (d) => zip(d, (e) => replaced(e, `bundle/${E1}`, { localName: 'bundle/data/E0001_other.jpg' })), codes: ['ZIP_HEADER_MISMATCH'], failing: ['E0001'] },
  {
    name: 'zip: a "Unicode path" field naming another file than the entry',
    make: (d) => zip(d, (e) => [...e, { name: 'bundle/data/E0003_Фото.jpg', data: Buffer.from('x'), flags: 0, extra: unicodePathExtra('bundle/data/E0003_Фото.jpg', 'bundle/data/E0003_other.jpg') }]),
    codes: ['NAME_NOT_UTF8'],
    failing: [],
  },
  { name: 'zip: a name that is not UTF-8', make: (d) => zip(d, (e) => [...e, { name: Buffer.from([0x62, 0xff, 0xfe]), data: Buffer.from('x') }]), codes: ['NAME_NOT_UTF8'], failing: [] },
  {
    name: 'zip: two entries sharing their data',
    make: async (d) => {
      const one = rawZip([{ name: 'bundle/a.txt', data: Buffer.alloc(4096) }]);
      // Two central records at offset 0: the classic overlap trick, hand-patched.
      const central = one.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      const record = one.subarray(central, one.length - 22);
      const doubled = Buffer.concat([one.subarray(0, central), record, Buffer.from(record).fill(0x42, 46, 46 + 11), one.subarray(one.length - 22)]);
      doubled.writeUInt16LE(2, doubled.length - 22 + 8);
      doubled.writeUInt16LE(2, doubled.length - 22 + 10);
      doubled.writeUInt32LE(record.length * 2, doubled.length - 22 + 12);
      const path = join(d, 'overlap.zip');
      await writeFile(path, doubled);
      return path;
    },
    codes: ['ZIP_OVERLAP'],
    failing: null,
  },
  { name: 'zip: a million entries', make: async (d) => (await writeManyEntryZip(join(d, 'million.zip'), 1_000_000), join(d, 'million.zip')), codes: ['TOO_MANY_ENTRIES'], failing: null },
  { name: 'zip: a file that is no zip at all', make: async (d) => (await writeFile(join(d, 'x.zip'), Buffer.alloc(5000, 7)), join(d, 'x.zip')), codes: ['NOT_A_BUNDLE'], failing: null },
  {
    name: 'zip: a damaged central directory',
    make: async (d) => {
      const bytes = rawZip(bundleEntries(base));
      bytes.writeUInt32LE(0xdeadbeef, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])));
      await writeFile(join(d, 'damaged.zip'), bytes);
      return join(d, 'damaged.zip');
    },
    codes: ['ZIP_UNREADABLE'],
    failing: null,
  },
];

const runs = new Map<string, VerifyRun>();

beforeAll(async () => {
  const root = await tempDir('tamga-verify-hostile-');
  await inPool(
    CASES.map((c, i) => async () => {
      const dir = join(root, `case-${i}`);
      await mkdir(dir);
      await writeFile(join(dir, 'secret.txt'), 'outside the bundle');
      runs.set(c.name, await verifyInSandbox(await c.make(dir), [...KEY, ...(c.args ?? [])]));
    }),
  );
}, 300_000);
afterAll(removeTempDirs);

describe('tamga verify on hostile bundles', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const run = runs.get(c.name);
    if (run === undefined) throw new Error('the case did not run');
    expect(run.stderr).toBe('');
    const valid = c.codes.length === 0;
    expect(run.code).toBe(valid ? 0 : 1);
    expect(run.report.valid).toBe(valid);
    expect(problemCodes(run.report)).toEqual(expect.arrayContaining([...c.codes]));
    if (valid) expect(run.report.problems).toEqual([]);
    if (c.failing === null) {
      expect(run.report.complete).toBe(false);
      expect(run.report.exhibits).toEqual([]);
    } else {
      expect(run.report.exhibits.filter((e) => e.status === 'FAIL').map((e) => e.number)).toEqual([...c.failing]);
    }
    expect(run.sandboxAfter).toEqual([]);
    expect(run.bundleChanged).toBe(false);
  });

  it('reads a hard link as the file it is, and says so in a note that changes no verdict', () => {
    const report = runs.get('folder: an exhibit that is a hard link to a file outside (content unchanged)')?.report;
    expect(report?.verdict).toBe('valid');
    // The fixture is a bundle without custody log files, which has its own note.
    expect(report?.notes.map((n) => n.code)).toEqual(['HARD_LINK', 'NO_CUSTODY_LOG']);
    expect(report?.notes[0]).toMatchObject({ code: 'HARD_LINK', path: E1, exhibit: 'E0001' });
    expect(report?.notes[0]?.message).toMatch(/is a hard link: the same file has 2 names/);
    const changed = runs.get('folder: an exhibit hard-linked to a file outside that was then changed through it')?.report;
    expect(changed?.notes.map((n) => n.code)).toEqual(['HARD_LINK', 'NO_CUSTODY_LOG']);
  });

  it('never reads through a link: the linked copy of an exhibit is not accepted even though its bytes match', () => {
    const report = runs.get('folder: an exhibit replaced by a link to an identical copy outside')?.report;
    expect(report?.problems.find((p) => p.code === 'SYMLINK')).toMatchObject({ path: E1 });
    expect(report?.problems.some((p) => p.code === 'PAYLOAD_HASH_MISMATCH' || p.code === 'PAYLOAD_MISSING')).toBe(false);
    expect(report?.exhibits[0]).toMatchObject({ status: 'FAIL', problems: ['SYMLINK'] });
  });

  it('refuses a million-entry zip from its end record, without listing the entries', () => {
    const problem = runs.get('zip: a million entries')?.report.problems[0];
    expect(problem?.message).toBe('The zip file says it holds 1000000 entries, more than the 250000 Tamga checks: it was refused without reading them.');
  });

  it('a bundle that is not there cannot be verified at all (exit 2, one line)', async () => {
    const run = await verifyInSandbox(join(await tempDir(), 'nothing-here'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^tamga: There is no bundle at .*nothing-here\. \[NOT_FOUND\]\n$/);
    expect(run.sandboxAfter).toEqual([]);
  });
});
