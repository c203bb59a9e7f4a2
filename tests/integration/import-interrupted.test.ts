// An import stopped by a lock: the vault records which files were archived and which not,
// the window is told once after unlocking that vault again, and importing exactly the
// files not imported completes the import (each a new item: nothing was half-archived,
// nothing is imported twice).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/api';
import type { ImportSummary } from '../../src/shared/import';
import { copyVault, makeVault, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const FILES = 30;

async function card(): Promise<{ dir: string; paths: string[] }> {
  const dir = join(await tempDir(), 'card');
  await mkdir(dir);
  const paths: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const path = join(dir, `file${String(i).padStart(2, '0')}.bin`);
    await writeFile(path, randomBytes(2 * 1024 * 1024));
    paths.push(path);
  }
  return { dir, paths };
}

describe('an import stopped by a lock', () => {
  it('says after unlock what was archived and what not; importing the rest again completes it', async () => {
    const root = await copyVault(await makeVault());
    const { dir, paths } = await card();
    const engine = createEngine();
    const events: string[] = [];
    let locking: Promise<void> | null = null;
    engine.subscribe((event) => {
      events.push(event.type);
      // Lock once a few files are in, as a person pressing Lock mid-import.
      if (event.type === 'importProgress' && event.progress.filesDone >= 3 && locking === null) locking = engine.lockVault();
    });
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    const summary: ImportSummary = await engine.importFiles({ paths: [dir], tags: ['Station 12'] });
    await locking;
    expect(summary.cancelled).toBe(true);
    expect(summary.stoppedByLock).toBe(true);
    expect(summary.imported.length).toBeGreaterThanOrEqual(3);
    expect(summary.imported.length).toBeLessThan(FILES);
    // Every file is either archived or not imported, none both, none lost.
    const archived = summary.imported.map((f) => f.path);
    expect([...archived, ...summary.notImported].sort()).toEqual(paths);
    await expect(engine.takeInterruptedWork()).rejects.toMatchObject({ code: 'VAULT_LOCKED' });

    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    const told = await engine.takeInterruptedWork();
    expect(told).not.toBeNull();
    expect(told?.reason).toBe('user');
    expect(told?.export).toBeNull();
    expect(told?.import).toMatchObject({ importId: summary.importId, filesTotal: FILES, tags: ['Station 12'], notImported: summary.notImported });
    expect(told?.import?.archived.map((f) => f.path)).toEqual(archived);
    expect((await engine.listItems()).length).toBe(archived.length);
    // Told once.
    expect(await engine.takeInterruptedWork()).toBeNull();

    const again = await engine.importFiles({ paths: told?.import?.notImported ?? [], tags: told?.import?.tags ?? [] });
    expect(again.counts).toMatchObject({ newItems: FILES - archived.length, duplicates: 0, failed: 0 });
    const items = await engine.listItems();
    expect(items.length).toBe(FILES);
    expect(items.every((item) => item.tags.includes('Station 12'))).toBe(true);
    await engine.close();
  });

  it('is not told after unlocking another vault, nor after an import that ran to its end', async () => {
    const root = await copyVault(await makeVault());
    const other = await copyVault(await makeVault());
    const engine = createEngine();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    const { dir } = await card();
    let locking: Promise<void> | null = null;
    engine.subscribe((event) => {
      if (event.type === 'importProgress' && event.progress.filesDone >= 1 && locking === null) locking = engine.lock('suspend');
    });
    await engine.importFiles({ paths: [dir] });
    await locking;
    await engine.unlockVault({ path: other, passphrase: PASSPHRASE });
    expect(await engine.takeInterruptedWork()).toBeNull();
    // The locked vault's own unlock still hears it.
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    expect((await engine.takeInterruptedWork())?.reason).toBe('suspend');
    await engine.close();
  });

  it('says after unlock that an export it stopped left nothing; a finished one is not told', async () => {
    const root = await copyVault(await makeVault());
    const { dir } = await card();
    const engine = createEngine();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    await engine.importFiles({ paths: [dir] });
    const outPath = join(await tempDir(), 'bundle.zip');
    let locking: Promise<void> | null = null;
    const off = engine.subscribe((event) => {
      if (event.type === 'exportProgress' && locking === null) locking = engine.lockVault();
    });
    await expect(engine.exportBundle({ selection: { kind: 'query', query: '' }, outPath })).rejects.toMatchObject({ code: 'CANCELLED' });
    await locking;
    off();
    expect(existsSync(outPath)).toBe(false);
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    expect(await engine.takeInterruptedWork()).toEqual({ reason: 'user', import: null, export: { outPath } });

    // An export that ran to its end before the lock is not reported as stopped.
    const done = join(await tempDir(), 'done.zip');
    await engine.exportBundle({ selection: { kind: 'query', query: '' }, outPath: done });
    await engine.lockVault();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    expect(await engine.takeInterruptedWork()).toBeNull();
    await engine.close();
  });
});
