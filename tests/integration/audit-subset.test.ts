// `audit --read-data-subset 1/N`: one part per run, the next part each run, each run an
// `audit` event on the vault chain naming its part; N runs check every item exactly once,
// and a damaged original is found by the run of its part. The part rule is the one
// docs/formats.md ("Audit subsets") states, with its worked example.
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItemsWithCustody } from '../../bench/custody-items';
import { parseSubset } from '../../src/cli/commands/audit';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { partOf } from '../../src/main/engine/audit/audit-subset';
import { readChain } from '../../src/main/engine/custody/store';
import { createVault, unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { vaultChainName } from '../../src/shared/custody';
import type { AuditProgress } from '../../src/shared/items';
import { ROOT } from '../helpers/child-process';
import { REAL } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let engine: Engine;
let root: string;
let lean: string[];
let real: Array<{ itemId: string; sha256: string }>;

beforeAll(async () => {
  root = join(await tempDir(), 'vault');
  const vault = await createVault(root, PASSPHRASE);
  try {
    // Index rows with custody chains and no originals: each run names exactly its part's items (BLOB_MISSING).
    lean = addItemsWithCustody(vault, 400);
  } finally {
    vault.close();
  }
  engine = createEngine({ actor: 'tamga-test operator' });
  await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
  const summary = await engine.importFiles({ paths: ['mei/Canon EOS 7D.jpg', 'exiftool/Apple.jpg', 'mei/Nikon D5000.jpg', 'mei/sample.3gp'].map((f) => join(REAL, f)) });
  real = summary.imported.map((f) => ({ itemId: f.itemId, sha256: f.sha256 }));
}, 120_000);

afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

/** Reads the vault directly, with the engine locked meanwhile. */
async function whileLocked<T>(read: (vault: OpenVault) => T): Promise<T> {
  await engine.lockVault();
  const vault = await unlockVault(root, PASSPHRASE);
  try {
    return read(vault);
  } finally {
    vault.close();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
  }
}

/** The data of the vault chain's audit events. */
const auditEventData = (): Promise<unknown[]> =>
  whileLocked((vault) => readChain(vault.db, vaultChainName(vault.vaultFile.vaultId)).flatMap((e) => (e.event.type === 'audit' ? [e.event.data] : [])));

describe('audit of one part per run', () => {
  it('puts an item in the part its id gives: the worked example of formats.md', () => {
    // 0x3f2a9c1e = 1059757086; 1059757086 mod 10 = 6, so part 7 of 10.
    expect(partOf('3f2a9c1e-7b4d-4c2a-9e1f-0a1b2c3d4e5f', 10)).toBe(6);
    // A blob id by its first 8 hex digits likewise: 0xc0ffee00 = 3237998080, mod 7 = 2, part 3 of 7.
    expect(partOf('c0ffee00000000000000000000000000', 7)).toBe(2);
    // The same from an independent reading of the rule (Python), over these and the vault's own ids.
    const cases: Array<[string, number]> = [['3f2a9c1e-7b4d-4c2a-9e1f-0a1b2c3d4e5f', 10], ['c0ffee00000000000000000000000000', 7], ...lean.slice(0, 50).map((id, i): [string, number] => [id, 2 + (i % 9)])];
    const python = spawnSync('python3', [join(ROOT, 'tests', 'helpers', 'audit_subset_part.py')], { input: JSON.stringify(cases), encoding: 'utf8' });
    expect(python.status).toBe(0);
    expect(JSON.parse(python.stdout)).toEqual(cases.map(([name, n]) => partOf(name, n) + 1));
  });

  it('reads parts 1, 2, 3, 4 in turn, then 1 again, covering every item exactly once, each run on the vault chain', async () => {
    const seen = new Map<string, number>();
    const parts: number[] = [];
    let checked = 0;
    const progress: AuditProgress[] = [];
    const unsubscribe = engine.subscribe((e) => e.type === 'auditProgress' && progress.push(e.progress));
    for (let run = 0; run < 4; run++) {
      const report = await engine.auditVault({ subset: { of: 4 } });
      parts.push(report.subset?.part ?? 0);
      checked += report.checkedItems;
      expect(report.checkpoint).not.toBeNull();
      for (const p of report.problems) {
        expect(p.code).toBe('BLOB_MISSING');
        seen.set(p.itemId ?? '', (seen.get(p.itemId ?? '') ?? 0) + 1);
      }
      expect(progress.at(-1)).toEqual({ itemsDone: report.checkedItems, itemsTotal: report.checkedItems });
    }
    unsubscribe();
    expect(parts).toEqual([1, 2, 3, 4]);
    expect(checked).toBe(lean.length + real.length);
    expect([...seen.keys()].sort()).toEqual([...lean].sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // Every part holds some of 404 random ids.
    expect((await engine.auditVault({ subset: { of: 4 } })).subset).toEqual({ part: 1, of: 4 });
    // Another N rotates on its own, from part 1; a whole audit leaves the rotations alone.
    expect((await engine.auditVault({ subset: { of: 3 } })).subset).toEqual({ part: 1, of: 3 });
    expect((await engine.auditVault()).subset).toBeUndefined();
    expect((await engine.auditVault({ subset: { of: 4 } })).subset).toEqual({ part: 2, of: 4 });
  });

  it('records what each run checked in the audit event: the counts and the part', async () => {
    const report = await engine.auditVault({ subset: { of: 2 } });
    expect(report.subset).toEqual({ part: 1, of: 2 });
    expect(report.checkedItems).toBe([...lean, ...real.map((r) => r.itemId)].filter((id) => partOf(id, 2) === 0).length);
    const data = await auditEventData();
    expect(data.at(-1)).toEqual({ ok: false, items: report.checkedItems, bytes: report.checkedBytes, events: report.checkedEvents, problems: report.problems.length, subset: { part: 1, of: 2 } });
    // The whole audit before it: no subset member at all.
    expect(data.at(-3)).not.toHaveProperty('subset');
    expect(data.slice(0, 4).map((d) => (d as { subset: unknown }).subset)).toEqual([1, 2, 3, 4].map((part) => ({ part, of: 4 })));
  });

  it('finds a damaged original in the run of its part, and only there', async () => {
    const victim = real[0];
    if (victim === undefined) throw new Error('no item imported');
    const blobId = await whileLocked((vault) => vault.db.prepare('SELECT blob_id FROM items WHERE id = ?').pluck().get(victim.itemId) as string);
    await rm(join(root, 'blobs', blobId.slice(0, 2), blobId));
    const found: number[] = [];
    for (let run = 0; run < 5; run++) {
      const report = await engine.auditVault({ subset: { of: 5 } });
      if (report.problems.some((p) => p.itemId === victim.itemId && p.code === 'BLOB_MISSING')) found.push(report.subset?.part ?? 0);
      // The file is gone but its row is not: never an orphan.
      expect(report.problems.some((p) => p.code === 'ORPHAN_BLOB')).toBe(false);
    }
    expect(found).toEqual([partOf(victim.itemId, 5) + 1]);
  });

  it('refuses a subset it cannot make, and the CLI reads 1/N and percentages that divide 100', async () => {
    await expect(engine.auditVault({ subset: { of: 0 } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(engine.auditVault({ subset: { of: 1.5 } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(parseSubset('1/10')).toBe(10);
    expect(parseSubset('10%')).toBe(10);
    expect(parseSubset('12.5%')).toBe(8);
    expect(() => parseSubset('3/10')).toThrow(/1\/N/);
    expect(() => parseSubset('30%')).toThrow(/divides 100/);
  });
});
