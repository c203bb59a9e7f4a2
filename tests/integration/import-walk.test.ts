// What an import reads and what it leaves alone: symlinks (never followed), special
// files, OS junk, hard links, odd names; sources never written; progress reported; a
// cancel keeps what finished and nothing half-done.
import { execFileSync } from 'node:child_process';
import { link, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/main/engine/api';
import { createEngine } from '../../src/main/engine/api';
import type { ImportProgress } from '../../src/shared/import';
import { REAL } from '../helpers/fixtures';
import { listFiles, makeVault, PASSPHRASE, removeTempDirs, snapshot, tempDir } from '../helpers/temp-vault';

let base: string;
let engine: Engine;

beforeAll(async () => {
  base = await makeVault();
  engine = createEngine({ actor: 'tamga-test' });
  await engine.unlockVault({ path: base, passphrase: PASSPHRASE });
});
afterAll(async () => {
  await engine.close();
  await removeTempDirs();
});

describe('walking a card', () => {
  it('skips symlinks (loops, dangling, outside) and special files with reasons, counts OS junk, keeps odd names', async () => {
    const card = await tempDir('tamga-card-');
    await mkdir(join(card, 'DCIM'));
    await writeFile(join(card, 'DCIM', 'clip one.mp4'), 'not really a video 1');
    await writeFile(join(card, 'DCIM', 'line\nbreak\tname.jpg'), 'odd name content');
    await writeFile(join(card, 'DCIM', '.DS_Store'), 'junk');
    await writeFile(join(card, 'DCIM', '._clip one.mp4'), 'appledouble');
    await writeFile(join(card, 'Thumbs.db'), 'thumbnail cache');
    await symlink('/etc/passwd', join(card, 'DCIM', 'outside.jpg'));
    await symlink(join(card, 'DCIM', 'missing'), join(card, 'dangling.jpg'));
    await symlink(card, join(card, 'DCIM', 'loop'));
    await link(join(card, 'DCIM', 'clip one.mp4'), join(card, 'hardlink.mp4'));
    execFileSync('mkfifo', [join(card, 'a-fifo')]);
    const before = await snapshot(card);

    const summary = await engine.importFiles({ paths: [card] });
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.path.slice(card.length + 1), s.reason]));
    expect(reasons).toEqual({
      'DCIM/outside.jpg': 'symlink',
      'dangling.jpg': 'symlink',
      'DCIM/loop': 'symlink',
      'a-fifo': 'special-file',
      'DCIM/.DS_Store': 'os-junk',
      'DCIM/._clip one.mp4': 'os-junk',
      'Thumbs.db': 'os-junk',
    });
    expect(summary.counts.junk).toBe(3);
    expect(summary.failed).toEqual([]);
    // The hard link is the same content under a second path: one item, two acquisitions.
    // Both are read at once (several files are in flight), so whichever finishes hashing
    // first is the `acquired` one and the other `re-acquired`; exactly one is new.
    expect(summary.imported.map((f) => f.path.slice(card.length + 1))).toEqual(['DCIM/clip one.mp4', 'DCIM/line\nbreak\tname.jpg', 'hardlink.mp4']);
    const [clip, odd, hardLinked] = summary.imported;
    expect(odd?.isNew).toBe(true);
    expect([clip?.isNew, hardLinked?.isNew].sort()).toEqual([false, true]);
    expect(hardLinked?.itemId).toBe(clip?.itemId);
    // Sources are never written to (contents and modification times unchanged).
    expect(await snapshot(card)).toEqual(before);
    const again = await engine.importFiles({ paths: [card], includeJunk: true });
    expect(again.imported.filter((f) => f.isNew).map((f) => f.path.slice(card.length + 1)).sort()).toEqual(['DCIM/.DS_Store', 'DCIM/._clip one.mp4', 'Thumbs.db']);
  });

  it('never imports the vault into itself', async () => {
    const summary = await engine.importFiles({ paths: [base] });
    expect(summary.imported).toEqual([]);
    expect(summary.skipped.map((s) => s.reason)).toEqual(['inside-vault']);
  });

  it('names a path that does not exist instead of failing the import', async () => {
    const summary = await engine.importFiles({ paths: [join(await tempDir(), 'no-such-card')] });
    expect(summary.skipped).toMatchObject([{ reason: 'not-found', message: 'This path does not exist.' }]);
  });
});

describe('progress and cancel', () => {
  it('reports files and bytes as they are done, ending with the totals', async () => {
    const events: ImportProgress[] = [];
    const unsubscribe = engine.subscribe((e) => {
      if (e.type === 'importProgress') events.push(e.progress);
    });
    const summary = await engine.importFiles({ paths: [join(REAL, 'orientation')] });
    unsubscribe();
    const last = events.at(-1);
    expect(events[0]?.phase).toBe('scanning');
    expect(last).toMatchObject({ phase: 'finished', filesDone: 12, filesTotal: 12, importId: summary.importId });
    expect(last?.bytesDone).toBe(last?.bytesTotal);
    const done = events.map((e) => e.filesDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });

  it('a cancelled import keeps what finished and leaves nothing half-done', async () => {
    const root = await makeVault();
    const other = createEngine({ actor: 'tamga-test' });
    await other.unlockVault({ path: root, passphrase: PASSPHRASE });
    const dir = await tempDir('tamga-big-');
    for (let i = 0; i < 6; i++) await writeFile(join(dir, `clip${i}.mov`), Buffer.alloc(24 * 1024 * 1024, i + 1));
    const unsubscribe = other.subscribe((e) => {
      if (e.type === 'importProgress' && e.progress.filesDone >= 2) void other.cancelImport();
    });
    const summary = await other.importFiles({ paths: [dir] });
    unsubscribe();
    expect(summary.cancelled).toBe(true);
    expect(summary.imported.length).toBeGreaterThanOrEqual(2);
    expect(summary.imported.length).toBeLessThan(6);
    const report = await other.auditVault();
    expect(report.problems).toEqual([]);
    expect(report.checkedItems).toBe(summary.imported.length);
    expect(await readdir(join(root, 'tmp'))).toEqual([]);
    expect((await listFiles(join(root, 'blobs'))).length).toBe(summary.imported.length);
    await other.close();
  });
});
