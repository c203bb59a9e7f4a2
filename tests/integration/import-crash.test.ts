// Crash safety of import: the importing process is killed (SIGKILL, no clean-up) at many
// points — mid-file, between files, around the commit. After each kill the vault audits
// clean (no row points at a missing blob, no unexplained file), and running the same
// import again completes it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTamga } from '../helpers/child-process';
import { listFiles, REAL } from '../helpers/fixtures';
import { copyVault, makeVault, PASSPHRASE, removeTempDirs } from '../helpers/temp-vault';

const SOURCES = [join(REAL, 'orientation'), join(REAL, 'mei', 'with-gps.mp4'), join(REAL, 'exif-samples')];
let base: string;
let fileCount: number;

beforeAll(async () => {
  base = await makeVault();
  fileCount = 0;
  for (const s of SOURCES) fileCount += s.endsWith('.mp4') ? 1 : (await listFiles(s)).length;
});
afterAll(removeTempDirs);

const env = { TAMGA_PASSPHRASE: PASSPHRASE };

async function audit(root: string): Promise<{ code: number | null; report: { ok: boolean; checkedItems: number; problems: unknown[] } }> {
  const result = await runTamga(['audit', root, '--json'], env);
  return { code: result.code, report: JSON.parse(result.stdout) as { ok: boolean; checkedItems: number; problems: unknown[] } };
}

describe('an import killed part-way', () => {
  it.each([
    'import:mid-file@1', // inside the first file's read
    'import:mid-file@9', // inside a later file
    'import:blob-written@3', // a blob encrypted in tmp/, not yet moved in
    'import:blob-committed@2', // a blob moved in, its rows not yet written
    'import:before-commit@5', // thumbnails moved in too, just before the transaction
    'import:committed@4', // between files
  ])('killed at %s: audit is clean and a re-run completes the import', async (point) => {
    const root = await copyVault(base);
    const killed = await runTamga(['import', root, ...SOURCES, '--json'], { ...env, TAMGA_TEST_CRASH_AT: point });
    expect(killed.signal).toBe('SIGKILL');

    const afterCrash = await audit(root);
    expect(afterCrash.report.problems).toEqual([]);
    expect(afterCrash.code).toBe(0);
    expect(afterCrash.report.checkedItems).toBeLessThan(fileCount);

    const rerun = await runTamga(['import', root, ...SOURCES, '--json'], env);
    expect(rerun.code).toBe(0);
    const summary = JSON.parse(rerun.stdout) as { counts: { newItems: number; duplicates: number; failed: number } };
    expect(summary.counts.failed).toBe(0);
    expect(summary.counts.newItems + summary.counts.duplicates).toBe(fileCount);

    const final = await audit(root);
    expect(final.report.problems).toEqual([]);
    expect(final.report.checkedItems).toBe(fileCount);
  });
});
