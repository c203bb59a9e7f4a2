// `tamga export` as a lawyer's script runs it: by items, by case, by query, to a folder or
// a zip, with --json; and the one-line errors and exit codes when it cannot.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/api';
import * as organise from '../../src/main/engine/organise';
import type { ExportProgress, ExportResult } from '../../src/shared/bundle';
import { runTamga } from '../helpers/child-process';
import { describeItem, importPaths, openNewVault, shell, writePhoto } from '../helpers/bundle-export-vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const env = { TAMGA_PASSPHRASE: PASSPHRASE };
let root: string;
let ids: string[];
let out: string;

beforeAll(async () => {
  const opened = await openNewVault();
  root = opened.root;
  const src = await tempDir('tamga-src-');
  const paths = [];
  for (let i = 1; i <= 3; i++) paths.push(await writePhoto(src, { name: `Фото ${i}.jpg`, seed: 10 + i }));
  const summary = await importPaths(opened.vault, paths);
  ids = summary.imported.map((f) => f.itemId);
  organise.createCase(opened.vault.db, { name: 'Ақмола 2021', description: 'Polling station 12' });
  // Added in the order 3, 1: the case's exhibit order.
  organise.addToCase(opened.vault, { case: 'Ақмола 2021', items: [ids[2] ?? ''] });
  await new Promise((r) => setTimeout(r, 5));
  organise.addToCase(opened.vault, { case: 'Ақмола 2021', items: [ids[0] ?? ''] });
  describeItem(opened.vault, ids[1] ?? '', { title: 'Карусель' }, ['carousel']);
  opened.vault.close();
  out = await tempDir('tamga-cli-out-');
});
afterAll(removeTempDirs);

async function exportJson(args: string[]): Promise<ExportResult> {
  const run = await runTamga(['export', root, ...args, '--json'], env);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ExportResult;
}

describe('tamga export', () => {
  it('exports items by id or SHA-256 prefix, in the order given, to a folder the real tools accept', async () => {
    const result = await exportJson(['--items', ids[1] ?? '', ids[0] ?? '', '--out', join(out, 'by-items'), '--recipient', 'Court']);
    expect(result.exhibits.map((e) => e.itemId)).toEqual([ids[1], ids[0]]);
    expect(result.format).toBe('directory');
    expect(shell(result.outPath, 'sha256sum -c manifest-sha256.txt && sha256sum -c tagmanifest-sha256.txt').code).toBe(0);
    const prefix = result.exhibits[0]?.sha256.slice(0, 12) ?? '';
    const again = await exportJson(['--items', prefix, '--out', join(out, 'by-prefix.zip')]);
    expect(again.exhibits.map((e) => e.itemId)).toEqual([ids[1]]);
    expect(again.format).toBe('zip');
  });

  it('exports a case, by name ignoring case, in the order items were added, with the case as External-Identifier', async () => {
    const result = await exportJson(['--case', 'АҚМОЛА 2021', '--out', join(out, 'by-case')]);
    expect(result.exhibits.map((e) => e.itemId)).toEqual([ids[2], ids[0]]);
    expect(await readFile(join(result.outPath, 'bag-info.txt'), 'utf8')).toContain('External-Identifier: Ақмола 2021\n');
  });

  it('exports the results of a query', async () => {
    const result = await exportJson(['--query', 'tag:carousel', '--out', join(out, 'by-query.zip')]);
    expect(result.exhibits.map((e) => e.itemId)).toEqual([ids[1]]);
  });

  it('prints a summary with the fingerprint and how to verify', async () => {
    const run = await runTamga(['export', root, '--items', ids[0] ?? '', '--out', join(out, 'text')], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Sealed bundle written: .*text\n/);
    expect(run.stdout).toMatch(/key fingerprint\s+[0-9a-f]{64}/);
    expect(run.stdout).toContain('E0001');
    expect(run.stdout).toContain('tamga verify');
  });

  it('fails with exit 2 and one line when the target exists, the selection is unclear, or an item is unknown', async () => {
    const before = await readdir(out);
    const taken = await runTamga(['export', root, '--items', ids[0] ?? '', '--out', join(out, 'by-case')], env);
    expect(taken.code).toBe(2);
    expect(taken.stderr).toMatch(/^tamga: .*exists already.*\[ALREADY_EXISTS\]\n$/);
    const both = await runTamga(['export', root, '--items', ids[0] ?? '', '--case', 'x', '--out', join(out, 'new')], env);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('exactly one of --items, --query or --case');
    const unknown = await runTamga(['export', root, '--items', 'deadbeefdeadbeef', '--out', join(out, 'new')], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('[NOT_FOUND]');
    expect(await readdir(out)).toEqual(before);
  });
});

describe('the engine facade (what the window calls)', () => {
  it('sends exportProgress events through to "finished", and cancelExport stops an export leaving nothing', async () => {
    const engine = createEngine({ actor: 'tamga-test' });
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    try {
      const seen: ExportProgress[] = [];
      const unsubscribe = engine.subscribe((event) => {
        if (event.type === 'exportProgress') seen.push(event.progress);
      });
      const result = await engine.exportBundle({ selection: { kind: 'items', items: ids }, outPath: join(out, 'facade.zip') });
      expect(seen.map((p) => p.phase).filter((p, i, all) => all.indexOf(p) === i)).toEqual(['preparing', 'payload', 'metadata', 'sealing', 'finished']);
      expect(seen.at(-1)).toMatchObject({ bundleId: result.bundleId, exhibitsDone: 3, exhibitsTotal: 3, bytesDone: seen.at(-1)?.bytesTotal });

      const cancelled = engine.exportBundle({ selection: { kind: 'items', items: ids }, outPath: join(out, 'cancelled.zip') });
      await engine.cancelExport();
      await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(await readdir(out)).not.toContain('cancelled.zip');
      unsubscribe();
    } finally {
      await engine.close();
    }
  });

  it('cancelVerify stops a verify: the report is incomplete and never a pass; the next verify runs in full', async () => {
    const engine = createEngine({ actor: 'tamga-test' });
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    try {
      const bundle = join(out, 'to-verify.zip');
      const { keyFingerprint: key } = await engine.exportBundle({ selection: { kind: 'items', items: ids }, outPath: bundle });
      const cancelled = engine.verifyBundle({ path: bundle, key });
      await engine.cancelVerify();
      const stopped = await cancelled;
      expect(stopped).toMatchObject({ valid: false, complete: false });
      expect(stopped.problems).toContainEqual(expect.objectContaining({ code: 'TIME_LIMIT', message: expect.stringMatching(/cancelled/) }));

      const again = await engine.verifyBundle({ path: bundle, key });
      expect(again).toMatchObject({ verdict: 'valid', valid: true, complete: true, problems: [] });
    } finally {
      await engine.close();
    }
  });
});
