// An exported bundle, folder and zip, checked the way an auditor without Tamga checks it:
// GNU sha256sum/sha512sum and OpenSSL, run in the bundle folder with exactly the commands
// README-VERIFY.txt gives; the zip unpacked with Info-ZIP unzip first.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { bundleFileCount, COUNT_COMMAND, EXTRA_FILES_COMMAND, FINGERPRINT_COMMAND, TIMESTAMP_COMMANDS, VERIFY_COMMANDS } from '../../src/main/engine/bundle/layout';
import type { ExportResult } from '../../src/shared/bundle';
import { bundleFiles, HOSTILE_NAME, KAZAKH_NAME, LONG_NAME, makeEvidenceVault, shell, SLASHED_NAME, type EvidenceVault } from '../helpers/bundle-export-vault';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

let evidence: EvidenceVault;
let out: string;
let folder: ExportResult;
let zip: ExportResult;

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  evidence = await makeEvidenceVault(await tempDir('tamga-evidence-'));
  out = await tempDir('tamga-bundles-');
  const request = { selection: { kind: 'items' as const, items: evidence.order }, recipient: 'Almaty City Court', caseIdentifier: '2-1234/2021' };
  folder = await exportBundle(evidence.vault, { ...request, outPath: join(out, 'court-bundle') });
  zip = await exportBundle(evidence.vault, { ...request, outPath: join(out, 'court-bundle.zip') });
});
afterAll(async () => {
  evidence.vault.close();
  await removeTempDirs();
});

/** Runs README-VERIFY.txt's commands in `dir`, as an auditor would. */
function runVerifyCommands(dir: string): void {
  for (const command of VERIFY_COMMANDS) {
    const run = shell(dir, command);
    expect({ command, code: run.code, stderr: run.stderr }).toEqual({ command, code: 0, stderr: '' });
    if (command.startsWith('openssl')) expect(run.stdout).toContain('Signature Verified Successfully');
    else expect(run.stdout.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true);
  }
  expect(shell(dir, FINGERPRINT_COMMAND).stdout.trim()).toBe(`${evidence.vault.vaultFile.signing.fingerprint}  -`);
}

describe('a bundle folder', () => {
  it('passes sha256sum -c, sha512sum -c on both manifests and the tag manifest, and openssl on the seal', () => {
    runVerifyCommands(folder.outPath);
  });

  it('gives in README-VERIFY.txt exactly those commands, then how to read the fingerprint', async () => {
    const readme = await readFile(join(folder.outPath, 'README-VERIFY.txt'), 'utf8');
    const commands = readme.split('\n').filter((line) => /^(sha256sum|sha512sum|openssl) /.test(line));
    expect(commands).toEqual([...VERIFY_COMMANDS, FINGERPRINT_COMMAND, ...TIMESTAMP_COMMANDS]);
    expect(readme).toContain(evidence.vault.vaultFile.signing.fingerprint);
  });

  it('holds every original byte for byte, under a portable name, with its original name in exhibits.json', async () => {
    const names = await readdir(join(folder.outPath, 'data'));
    expect(names).toHaveLength(evidence.order.length);
    const exhibits = JSON.parse(await readFile(join(folder.outPath, 'metadata/exhibits.json'), 'utf8')) as {
      exhibits: Array<{ number: string; path: string; originalName: string; itemId: string; sha256: string }>;
    };
    expect(exhibits.exhibits.map((e) => e.itemId)).toEqual(evidence.order);
    for (const e of exhibits.exhibits) {
      const inBundle = await readFile(join(folder.outPath, e.path));
      expect(sha256(inBundle)).toBe(sha256(await readFile(evidence.sources[e.itemId] ?? '')));
      expect(e.sha256).toBe(sha256(inBundle));
    }
    const byOriginal = Object.fromEntries(exhibits.exhibits.map((e) => [e.originalName, e.path]));
    expect(byOriginal[KAZAKH_NAME]).toBe(`data/E0001_${KAZAKH_NAME}`);
    expect(byOriginal['Йошкар-Ола ёлка.jpg'.normalize('NFD')]).toBe(`data/E0002_${'Йошкар-Ола ёлка.jpg'.normalize('NFC')}`);
    expect(byOriginal['line\tbreak\u202Egpj.exe']).toBe('data/E0003_line_break_gpj.exe');
    expect(byOriginal[HOSTILE_NAME]).toBe('data/E0004__img src=x onerror=alert(1)_.jpg');
    expect(exhibits.exhibits.filter((e) => e.originalName === 'IMG_0001.JPG').map((e) => e.path)).toEqual(['data/E0005_IMG_0001.JPG', 'data/E0006_IMG_0001.JPG']);
    expect(byOriginal[SLASHED_NAME]).toBe('data/E0007_DCIM_100APPLE_.._.._IMG_0007.JPG');
    expect(Buffer.byteLength(byOriginal[LONG_NAME] ?? '', 'utf8')).toBeLessThanOrEqual('data/'.length + 120);
  });

  it('states Payload-Oxum, the case, the recipient and the signer in bag-info.txt', async () => {
    const info = await readFile(join(folder.outPath, 'bag-info.txt'), 'utf8');
    const sizes = folder.exhibits.reduce((sum, e) => sum + e.size, 0);
    expect(info).toContain(`Payload-Oxum: ${sizes}.${evidence.order.length}\n`);
    expect(info).toContain('External-Identifier: 2-1234/2021\n');
    expect(info).toContain('Tamga-Recipient: Almaty City Court\n');
    expect(info).toContain(`Tamga-Signer: ${evidence.vault.vaultFile.vaultId}\n`);
    expect(info).toContain(`Tamga-Bundle-Id: ${folder.bundleId}\n`);
    expect(info).toContain(`Tamga-Key-Fingerprint: ${folder.keyFingerprint}\n`);
  });

  it('lays out exactly the files of the format, nothing more', async () => {
    const files = await bundleFiles(folder.outPath);
    const tagFiles = files.filter((f) => !f.startsWith('data/'));
    expect(tagFiles).toEqual(
      [
        'README-VERIFY.txt',
        'bag-info.txt',
        'bagit.txt',
        'manifest-sha256.txt',
        'manifest-sha512.txt',
        ...evidence.order.map((_, i) => `metadata/custody/E${String(i + 1).padStart(4, '0')}.jsonl`),
        'metadata/exhibits.csv',
        'metadata/exhibits.json',
        'metadata/vault-key.json',
        'report/exhibit-list.html',
        'report/exhibit-list.pdf',
        'seal/custody-log.checkpoint',
        'seal/custody-proofs.jsonl',
        'seal/signer.pem',
        'seal/tagmanifest-sha256.txt.sig',
        'tagmanifest-sha256.txt',
      ].sort(),
    );
    expect((await readFile(join(folder.outPath, 'seal/tagmanifest-sha256.txt.sig'))).length).toBe(64);
  });
});

/** A command run by bash in `dir`, its output as bytes (names need not be UTF-8). */
function bashBytes(dir: string, command: string): { code: number | null; stdout: Buffer; stderr: string } {
  const r = spawnSync('bash', ['-c', command], { cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** Files a clerk could find added to a bundle: outside data/ (and one inside), odd names included. */
const EXTRA_FILES: ReadonlyArray<{ name: string; path: Buffer }> = [
  { name: 'an extra tag file', path: Buffer.from('metadata/notes.txt') },
  { name: 'an extra file in seal/', path: Buffer.from('seal/second-signer.pem') },
  { name: 'fetch.txt', path: Buffer.from('fetch.txt') },
  { name: 'manifest-md5.txt', path: Buffer.from('manifest-md5.txt') },
  { name: 'tagmanifest-sha512.txt', path: Buffer.from('tagmanifest-sha512.txt') },
  { name: 'a name that is not UTF-8', path: Buffer.concat([Buffer.from('report/'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('.pdf')]) },
  { name: 'a case twin of bag-info.txt', path: Buffer.from('BAG-INFO.TXT') },
  { name: 'a payload file with spaces in its name', path: Buffer.from('data/E0099_planted photo.jpg') },
  { name: 'a hidden file', path: Buffer.from('.hidden') },
];

describe("README-VERIFY.txt's extra-files step and count, run with bash", () => {
  it('prints nothing for the complete bundle, whose count is the number README-VERIFY.txt states', async () => {
    expect(bashBytes(folder.outPath, EXTRA_FILES_COMMAND)).toEqual({ code: 1, stdout: Buffer.alloc(0), stderr: '' });
    const readme = await readFile(join(folder.outPath, 'README-VERIFY.txt'), 'utf8');
    const stated = /This must print (\d+):/.exec(readme)?.[1];
    expect(stated).toBe(String(bundleFileCount(evidence.order.length)));
    expect(bashBytes(folder.outPath, COUNT_COMMAND).stdout.toString().trim()).toBe(stated);
  });

  it.each(EXTRA_FILES)('names $name, and the count no longer matches', async ({ path }) => {
    const copy = join(await tempDir('tamga-extra-'), 'bundle');
    await cp(folder.outPath, copy, { recursive: true });
    const target = Buffer.concat([Buffer.from(`${copy}/`), path]);
    // Every parent folder exists already; the content names another court (the BAG-INFO.TXT twin's point).
    await writeFile(target, 'BagIt-Version: 1.0\nSource-Organization: Another Court\n');
    const run = bashBytes(copy, EXTRA_FILES_COMMAND);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toEqual(Buffer.concat([path, Buffer.from('\n')]));
    expect(bashBytes(copy, COUNT_COMMAND).stdout.toString().trim()).toBe(String(bundleFileCount(evidence.order.length) + 1));
  });
});

describe('a bundle zip', () => {
  it('unpacks with unzip into one folder that passes the same commands', async () => {
    const dest = await tempDir('tamga-unzip-');
    // -t first: every entry's CRC-32 and size checked by Info-ZIP itself.
    expect(shell(dest, `unzip -tq ${JSON.stringify(zip.outPath)}`).stdout).toContain('No errors detected');
    const unzip = shell(dest, `unzip -q ${JSON.stringify(zip.outPath)}`);
    expect(unzip.code).toBe(0);
    expect(await readdir(dest)).toEqual(['court-bundle']);
    expect(zip.zipRoot).toBe('court-bundle');
    runVerifyCommands(join(dest, 'court-bundle'));
    expect(bashBytes(join(dest, 'court-bundle'), EXTRA_FILES_COMMAND).stdout.toString()).toBe('');
    expect(bashBytes(join(dest, 'court-bundle'), COUNT_COMMAND).stdout.toString().trim()).toBe(String(bundleFileCount(evidence.order.length)));
    // The same exhibits as the folder export, byte for byte. (exhibits.json and the custody
    // logs differ: each item's chain now also records the folder export.)
    const same = ['manifest-sha256.txt', 'manifest-sha512.txt', ...folder.exhibits.map((e) => e.path)];
    for (const f of same) expect(await readFile(join(dest, 'court-bundle', f))).toEqual(await readFile(join(folder.outPath, f)));
  });

  it('stores every entry uncompressed, files only, under the one folder, in a fixed order', () => {
    const listing = shell(out, `zipinfo ${JSON.stringify(zip.outPath)}`).stdout.trim().split('\n').slice(2, -1);
    // 13 tag and seal files, the 2 custody log files that follow the seal, and per exhibit its payload file and its custody log.
    expect(listing.length).toBe(15 + 2 * evidence.order.length);
    for (const line of listing) {
      expect(line).toMatch(/^-rw-r--r-- .* stor .* court-bundle\//);
    }
    const names = listing.map((line) => line.slice(line.indexOf('court-bundle/') + 'court-bundle/'.length));
    expect(names.slice(0, 3)).toEqual(['bagit.txt', 'bag-info.txt', 'README-VERIFY.txt']);
    expect(names.slice(3, 3 + evidence.order.length).every((n) => n.startsWith('data/'))).toBe(true);
    expect(names.slice(-5)).toEqual(['tagmanifest-sha256.txt', 'seal/signer.pem', 'seal/tagmanifest-sha256.txt.sig', 'seal/custody-log.checkpoint', 'seal/custody-proofs.jsonl']);
  });
});
