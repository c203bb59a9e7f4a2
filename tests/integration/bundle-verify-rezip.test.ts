// A clerk's re-zip still verifies: a real export (Kazakh, Cyrillic, NFD, accented and
// hostile names), unzipped and zipped again with Debian's Info-ZIP `zip` (deflate, no
// UTF-8 flag on its names, folder entries with `-r`, none with `-r -D`), passes
// `tamga verify --key` with every exhibit PASS; and bytes put before the zip (a
// self-extracting stub) are named as such and never pass silently.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import type { ExportResult } from '../../src/shared/bundle';
import { makeEvidenceVault, type EvidenceVault } from '../helpers/bundle-export-vault';
import { problemCodes, verifyInSandbox } from '../helpers/bundle-verify-cli';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

let evidence: EvidenceVault;
let zip: ExportResult;
let fingerprint: string;
let work: string;

function run(command: string, args: readonly string[], cwd: string): void {
  const done = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${done.stderr}`);
}

beforeAll(async () => {
  evidence = await makeEvidenceVault(await tempDir('tamga-evidence-'));
  fingerprint = evidence.vault.vaultFile.signing.fingerprint;
  work = await tempDir('tamga-rezip-');
  zip = await exportBundle(evidence.vault, {
    selection: { kind: 'items', items: evidence.order },
    recipient: 'Almaty City Court',
    caseIdentifier: '2-1234/2021',
    outPath: join(work, 'court-bundle.zip'),
  });
  // What a clerk does: unpack, look, pack again.
  run('unzip', ['-q', 'court-bundle.zip', '-d', 'unpacked'], work);
  run('zip', ['-q', '-r', '../rezipped.zip', '.'], join(work, 'unpacked'));
  run('zip', ['-q', '-r', '-D', '../rezipped-no-folders.zip', '.'], join(work, 'unpacked'));
}, 120_000);
afterAll(async () => {
  evidence.vault.close();
  await removeTempDirs();
});

describe('a bundle re-zipped with Info-ZIP', () => {
  it('is deflated and has names without the UTF-8 flag (what the verifier must read)', async () => {
    const listing = spawnSync('zipinfo', ['-v', join(work, 'rezipped.zip')], { encoding: 'latin1' }).stdout;
    expect(listing).toMatch(/compression method:\s+deflated/);
    expect(listing).toMatch(/file system or operating system of origin:\s+Unix/);
    expect(listing).toMatch(/court-bundle\/data\/\s*$/m);
  });

  it.each([
    ['with folder entries (zip -r)', 'rezipped.zip'],
    ['without folder entries (zip -r -D)', 'rezipped-no-folders.zip'],
  ])('verifies %s with the key: exit 0, every exhibit PASS', async (_kind, name) => {
    const result = await verifyInSandbox(join(work, name), ['--key', fingerprint]);
    expect(result.report.problems).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.report).toMatchObject({ verdict: 'valid', container: 'zip', complete: true });
    expect(result.report.exhibits.map((e) => [e.number, e.status, e.path])).toEqual(zip.exhibits.map((e) => [e.number, 'PASS', e.path]));
  });
});

describe('a zip with bytes before it', () => {
  it('is named a self-extracting or damaged zip (ZIP_PREFIXED) and does not pass', async () => {
    const prefixed = join(work, 'prefixed.zip');
    await writeFile(prefixed, Buffer.concat([Buffer.from('#!/bin/sh\necho this is a self-extracting stub\nexit 0\n'), await readFile(zip.outPath)]));
    for (const args of [['--key', fingerprint], []]) {
      const result = await verifyInSandbox(prefixed, args);
      expect(problemCodes(result.report)).toContain('ZIP_PREFIXED');
      expect(problemCodes(result.report)).not.toContain('NOT_A_BUNDLE');
      expect(result.code).not.toBe(0);
      expect(result.report.valid).toBe(false);
    }
  });
});
