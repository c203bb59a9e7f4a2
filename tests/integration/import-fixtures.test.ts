// Importing every real camera file and every hostile file: all archived byte-exact,
// nothing in the clear on disk, duplicates recorded as acquisitions, and an audit that
// names each kind of damage.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/engine/api';
import { createEngine } from '../../src/main/engine/api';
import { auditVault } from '../../src/main/engine/audit/audit';
import type { IndexDb } from '../../src/main/engine/db/open-index';
import { unlockVault } from '../../src/main/engine/vault/vault';
import type { ImportSummary } from '../../src/shared/import';
import { listFiles, malformedIndex, MALFORMED, REAL } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let engine: Engine;
let root: string;
let first: ImportSummary;
let sources: string[];
// The OS temp dir Tamga is given for this file: its own, so that what other programs on the
// machine write to /tmp meanwhile (a test log naming the fixtures) is never taken for
// Tamga's. os.tmpdir() reads TMPDIR at each call, and workers and children inherit it.
const osTemp = { dir: '', before: process.env['TMPDIR'] };

beforeAll(async () => {
  osTemp.dir = await mkdtemp(join(tmpdir(), 'tamga-os-temp-'));
  process.env['TMPDIR'] = osTemp.dir;
  root = join(await tempDir(), 'vault');
  engine = createEngine({ actor: 'tamga-test' });
  await engine.createVault({ path: root, passphrase: PASSPHRASE });
  sources = [...(await listFiles(REAL)), ...(await listFiles(MALFORMED))];
  first = await engine.importFiles({ paths: [REAL, MALFORMED], tags: ['fixtures'] });
}, 600_000);

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
  if (osTemp.before === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = osTemp.before;
  await rm(osTemp.dir, { recursive: true, force: true });
});

/** sha256sum's own answer for every source, the way a user would check. */
function sha256sumOf(paths: readonly string[]): Map<string, string> {
  const out = spawnSync('sha256sum', ['-z', '--', ...paths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(out.status).toBe(0);
  const map = new Map<string, string>();
  for (const line of out.stdout.split('\0').filter(Boolean)) map.set(line.slice(66).replace(/^\n/, ''), line.slice(0, 64));
  return map;
}

describe('importing the real and malformed fixtures', () => {
  it('archives every regular file: nothing failed, nothing skipped', () => {
    expect(first.failed).toEqual([]);
    expect(first.skipped).toEqual([]);
    expect(first.imported.map((f) => f.path).sort()).toEqual([...sources].sort());
    // Same content under two names (e.g. NFC/NFD café.jpg) is one item with two acquisitions.
    const distinct = new Set(first.imported.map((f) => f.sha256));
    expect(first.counts.newItems).toBe(distinct.size);
    expect(first.counts.duplicates).toBe(sources.length - distinct.size);
  });

  it('gives back, with extract, exactly the SHA-256 that sha256sum reports for each source', async () => {
    const expected = sha256sumOf(sources);
    const out = await tempDir('tamga-extract-');
    for (const [i, file] of first.imported.entries()) {
      if (!file.isNew) continue;
      const target = join(out, `${i}.bin`);
      const result = await engine.extractItem({ item: file.itemId, outPath: target });
      const written = createHash('sha256').update(await readFile(target)).digest('hex');
      expect({ file: file.path, sha256: written }).toEqual({ file: file.path, sha256: expected.get(file.path) });
      expect(result.sha256).toBe(written);
      await rm(target);
    }
  });

  it('matches the hashes the malformed index lists, and records a metadata problem for each broken file', async () => {
    const index = await malformedIndex();
    for (const entry of index) {
      const file = first.imported.find((f) => f.path === join(MALFORMED, relative('malformed', entry.path)));
      expect(file, entry.path).toBeDefined();
      expect(file?.sha256).toBe(entry.sha256);
      // Truncations, impossible structures and content under a lying extension are all
      // noted: on the item, or (for a renamed copy of content already archived) on this
      // acquisition, in the summary and in its 're-acquired' custody event.
      if (/^malformed\/(trunc|struct|type)\//.test(entry.path)) {
        const item = await engine.getItem(file?.itemId ?? '');
        const noted = file?.isNew ? (item.metadata?.problems.length ?? 1) > 0 : (file?.warnings.length ?? 0) > 0;
        expect({ path: entry.path, noted }).toEqual({ path: entry.path, noted: true });
      }
    }
  });

  it('re-importing the same folders adds no blob and one acquisition per file', async () => {
    const blobsBefore = await listFiles(join(root, 'blobs'));
    const again = await engine.importFiles({ paths: [REAL, MALFORMED] });
    expect(again.counts.newItems).toBe(0);
    expect(again.counts.duplicates).toBe(sources.length);
    expect(await listFiles(join(root, 'blobs'))).toEqual(blobsBefore);
    const sample = again.imported[0];
    const item = await engine.getItem(sample?.itemId ?? '');
    const forThisPath = item.acquisitions.filter((a) => a.sourcePath === sample?.path);
    expect(forThisPath).toHaveLength(2);
    expect(item.custody.map((e) => e.event.type)).toContain('re-acquired');
  });

  it('leaves no plaintext of any fixture in the vault or the OS temp dir', async () => {
    const samples = new Set<string>();
    for (const path of sources.filter((p) => p.startsWith(REAL)).slice(0, 60)) {
      const bytes = await readFile(path);
      if (bytes.length >= 4096) samples.add(bytes.subarray(2048, 2048 + 32).toString('latin1'));
      samples.add(basename(path).normalize('NFC'));
    }
    for (const model of ['Canon EOS 7D', 'iPhone', 'NIKON', 'FinePix', 'Galaxy', 'PowerShot']) samples.add(model);
    const needles = [...samples].filter((s) => s.length >= 6).map((s) => Buffer.from(s, 'latin1').length === s.length ? Buffer.from(s, 'latin1') : Buffer.from(s, 'utf8'));
    const inVault = await listFiles(root);
    // Files Tamga left in the OS temp dir it was given (folders there are this test's own).
    const temp: string[] = [];
    for (const d of await readdir(osTemp.dir, { withFileTypes: true })) if (d.isFile()) temp.push(join(osTemp.dir, d.name));
    const hits: string[] = [];
    for (const file of [...inVault, ...temp]) {
      const content = await readFile(file).catch(() => Buffer.alloc(0));
      for (const needle of needles) if (content.includes(needle)) hits.push(`${file}: ${needle.toString('utf8')}`);
    }
    expect(hits).toEqual([]);
  });

  it('audit is clean on the imported vault', async () => {
    const report = await engine.auditVault();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checkedItems).toBe(first.counts.newItems);
  });
});

describe('audit names the damaged item', () => {
  /** Audits a copy of the vault after `damage`, returning the problem codes for the damaged item. */
  async function auditDamagedCopy(damage: (vault: string, itemId: string, blobId: string) => Promise<void>): Promise<string[]> {
    await engine.lockVault(); // a closed index is a consistent file to copy
    const copy = join(await tempDir(), 'copy');
    await cp(root, copy, { recursive: true });
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    const before = await unlockVault(copy, PASSPHRASE);
    const row = before.db.prepare("SELECT id, blob_id AS blobId FROM items WHERE kind = 'photo' ORDER BY rowid LIMIT 1").get() as { id: string; blobId: string };
    before.close();
    await damage(copy, row.id, row.blobId);
    const after = await unlockVault(copy, PASSPHRASE);
    try {
      const report = await auditVault(after);
      expect(report.ok).toBe(false);
      return report.problems.filter((p) => p.itemId === row.id).map((p) => p.code);
    } finally {
      after.close();
    }
  }

  async function withIndex(vault: string, work: (db: IndexDb) => void): Promise<void> {
    const open = await unlockVault(vault, PASSPHRASE);
    try {
      work(open.db);
    } finally {
      open.close();
    }
  }

  it('when one byte of its blob is flipped', async () => {
    const codes = await auditDamagedCopy(async (vault, _item, blobId) => {
      const path = join(vault, 'blobs', blobId.slice(0, 2), blobId);
      const bytes = await readFile(path);
      bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0x01;
      await writeFile(path, bytes);
    });
    expect(codes).toEqual(['BLOB_CORRUPT']);
  });

  it('when its blob is missing', async () => {
    const codes = await auditDamagedCopy(async (vault, _item, blobId) => rm(join(vault, 'blobs', blobId.slice(0, 2), blobId)));
    expect(codes).toEqual(['BLOB_MISSING']);
  });

  it('when a custody event is edited, inserted or deleted', async () => {
    const edited = await auditDamagedCopy(async (vault, item) =>
      withIndex(vault, (db) => {
        db.prepare("UPDATE custody_events SET event_json = replace(event_json, '\"tamga-test\"', '\"someone else\"') WHERE chain = ? AND seq = 0").run(item);
      }),
    );
    expect(edited).toContain('HASH_MISMATCH');
    const deleted = await auditDamagedCopy(async (vault, item) =>
      withIndex(vault, (db) => {
        db.prepare('DELETE FROM custody_events WHERE chain = ? AND seq = 1').run(item);
      }),
    );
    expect(deleted).toContain('SEQ_GAP');
    const inserted = await auditDamagedCopy(async (vault, item) =>
      withIndex(vault, (db) => {
        const last = db.prepare('SELECT * FROM custody_events WHERE chain = ? ORDER BY seq DESC LIMIT 1').get(item) as Record<string, string | number>;
        const seq = Number(last.seq) + 1;
        const forged = String(last.event_json).replace(`"seq":${Number(last.seq)}`, `"seq":${seq}`);
        db.prepare('INSERT INTO custody_events (chain, seq, type, at, event_json, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          item, seq, last.type, last.at, forged, createHash('sha256').update(forged).digest('hex'), last.signature,
        );
      }),
    );
    expect(inserted).toContain('BAD_SIGNATURE');
  });
});
