// S3 replicas through the real CLI against the real S3 server (tests/helpers/s3-global-setup.ts):
// add → push → status → verify (with the vault, and keyless) → restore onto a fresh folder,
// ending audit-clean with the same items, custody and key. The credentials come from the
// environment and never show: not in `replica status --json`, a custody event, the CLI's
// output or the vault's files. A wrong secret is STORAGE_ACCESS_DENIED in one line and
// changes nothing; an s3:// source without --endpoint is INVALID_ARGUMENT.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import { listChains, readChainRows } from '../../src/main/engine/custody/store';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import { runTamga, type RunResult } from '../helpers/child-process';
import { makeReplicaVault, type ReplicaVault } from '../helpers/replica-vault';
import { freshBucket, removeBucket, s3TestServer } from '../helpers/s3-test-server';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const server = s3TestServer();
let bucket: string | undefined;

afterAll(async () => {
  if (server !== undefined && bucket !== undefined) await removeBucket(server, bucket);
  await removeTempDirs();
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out;
}

describe.skipIf(server === undefined)('S3 replicas from the command line', () => {
  let s: S3TestServer;
  let v: ReplicaVault;
  let passFile: string;
  let creds: Record<string, string>;
  let where: string[];
  /** Everything every run printed, for the secret check at the end. */
  const printed: string[] = [];
  const prefix = 'tamga/office-laptop';

  async function tamga(args: readonly string[], env: Record<string, string> = creds): Promise<RunResult> {
    const run = await runTamga(args, env);
    printed.push(run.stdout, run.stderr);
    return run;
  }

  beforeAll(async () => {
    s = server as S3TestServer;
    bucket = await freshBucket(s, 'cli');
    v = await makeReplicaVault(3);
    passFile = join(await tempDir(), 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    creds = { TAMGA_S3_ACCESS_KEY_ID: s.accessKeyId, TAMGA_S3_SECRET_ACCESS_KEY: s.secretAccessKey };
    where = [`s3://${bucket}/${prefix}`, '--endpoint', s.endpoint, '--region', s.region];
  });

  it('add, push, status, verify with the vault and keyless, restore: an audit-clean vault with the same items, custody and key', async () => {
    const description = `S3 bucket ${bucket}/${prefix} at ${s.endpoint}`;
    const added = await tamga(['replica', 'add', v.root, 'cloud', '--s3', s.endpoint, '--bucket', bucket as string, '--prefix', prefix, '--region', s.region, '--passphrase-file', passFile]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(description);

    const pushed = await tamga(['replica', 'push', v.root, 'cloud', '--quiet', '--passphrase-file', passFile]);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout).toMatch(new RegExp(`^Pushed to "cloud" \\(${description.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\): manifest 1, \\d+ objects`));

    const status = await tamga(['replica', 'status', v.root, '--json', '--passphrase-file', passFile]);
    expect(status.code, status.stderr).toBe(0);
    const cloud = (JSON.parse(status.stdout) as Array<{ name: string; description: string; config: Record<string, unknown>; lastManifest: { number: number } | null; pendingObjects: number }>).find((r) => r.name === 'cloud');
    expect(cloud).toMatchObject({ description, lastManifest: { number: 1 }, pendingObjects: 0, config: { kind: 's3', endpoint: s.endpoint, bucket, prefix, accessKeyId: s.accessKeyId } });
    expect(cloud?.config).not.toHaveProperty('secretAccessKey');

    const verified = await tamga(['replica', 'verify', v.root, 'cloud', '--quiet', '--passphrase-file', passFile]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    const keyless = await tamga(['replica', 'verify', '--keyless', ...where, '--key', v.fingerprint, '--json']);
    expect(keyless.code, keyless.stdout + keyless.stderr).toBe(0);
    expect(JSON.parse(keyless.stdout)).toMatchObject({ ok: true, description, problems: [], ignored: [], manifest: { number: 1, keyFingerprint: v.fingerprint } });

    const target = join(await tempDir('tamga-restored-s3-'), 'vault');
    const restored = await tamga(['restore', ...where, target, '--key', v.fingerprint, '--passphrase-file', passFile, '--quiet']);
    expect(restored.code, restored.stdout + restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored: .* from manifest 1 of .*audit passed: 5 items/m);
    expect(await readFile(join(target, 'vault.json'))).toEqual(await readFile(join(v.root, 'vault.json')));

    const original = await unlockVault(v.root, PASSPHRASE, { actor: 'tamga-test' });
    const copy = await unlockVault(target, PASSPHRASE, { actor: 'tamga-test' });
    try {
      expect(copy.signer.publicKey.equals(original.signer.publicKey)).toBe(true);
      const items = (o: OpenVault) => o.db.prepare('SELECT id, sha256, size, blob_id, title FROM items ORDER BY id').all();
      expect(items(copy)).toEqual(items(original));
      const chain = vaultChainName(original.vaultFile.vaultId);
      for (const c of listChains(original.db)) if (c !== chain) expect(readChainRows(copy.db, c)).toEqual(readChainRows(original.db, c));
      const mine = readChainRows(original.db, chain);
      const theirs = readChainRows(copy.db, chain);
      expect(mine.map((r) => r.type).slice(-2)).toEqual(['replica-added', 'replica-pushed']);
      expect(theirs.slice(0, mine.length - 1)).toEqual(mine.slice(0, -1));
      expect(theirs.slice(mine.length - 1).map((r) => r.type)).toEqual(['audit']);
      // No custody event of either vault holds the secret (or the bucket, or the endpoint).
      for (const vault of [original, copy]) {
        for (const c of listChains(vault.db)) {
          const text = JSON.stringify(readChainRows(vault.db, c));
          expect(text).not.toContain(s.secretAccessKey);
          expect(text).not.toContain(bucket);
        }
      }
    } finally {
      original.close();
      copy.close();
    }
    // The secret is in the encrypted index only: no file of either vault holds it in the clear.
    for (const file of [...(await filesUnder(v.root)), ...(await filesUnder(target))]) expect((await readFile(file)).includes(s.secretAccessKey), file).toBe(false);
  });

  it('a wrong secret is STORAGE_ACCESS_DENIED in one line, for push, keyless verify and restore, and changes nothing', async () => {
    const wrong = { ...creds, TAMGA_S3_SECRET_ACCESS_KEY: 'not-the-secret-0123456789' };
    const keyless = await tamga(['replica', 'verify', '--keyless', ...where, '--key', v.fingerprint], wrong);
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toMatch(/^tamga: S3 bucket .* refused access while .*: the access key or its secret is wrong\. \[STORAGE_ACCESS_DENIED\]\n$/);
    const target = join(await tempDir('tamga-restored-s3-'), 'vault');
    const restore = await tamga(['restore', ...where, target, '--passphrase-file', passFile, '--quiet'], wrong);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(/^tamga: .*\[STORAGE_ACCESS_DENIED\]\n$/);
    expect(await readdir(join(target, '..'))).toEqual([]);

    // A replica added with a wrong secret: its push is refused, and the vault records nothing of it.
    const added = await tamga(['replica', 'add', v.root, 'wrong', '--s3', s.endpoint, '--bucket', bucket as string, '--prefix', 'tamga/other', '--passphrase-file', passFile], wrong);
    expect(added.code, added.stderr).toBe(0);
    const pushed = await tamga(['replica', 'push', v.root, 'wrong', '--quiet', '--passphrase-file', passFile]);
    expect(pushed.code).toBe(2);
    expect(pushed.stderr).toMatch(/^tamga: .*\[STORAGE_ACCESS_DENIED\]\n$/);
    const status = JSON.parse((await tamga(['replica', 'status', v.root, '--json', '--passphrase-file', passFile])).stdout) as Array<{ name: string; lastManifest: unknown; pendingObjects: number }>;
    // As pending as "usb", the folder replica never pushed to: every original and thumbnail.
    const everything = status.find((r) => r.name === 'usb')?.pendingObjects;
    expect(everything).toBeGreaterThan(5);
    expect(status.find((r) => r.name === 'wrong')).toMatchObject({ lastManifest: null, pendingObjects: everything });
    expect(JSON.stringify(status)).not.toContain('not-the-secret');
    for (const out of printed) expect(out).not.toContain('not-the-secret');
  });

  it('a restore from S3 killed midway leaves no vault folder (only its hidden staging folder), and a second restore succeeds and removes it, saying so', async () => {
    const target = join(await tempDir('tamga-restored-s3-'), 'vault');
    const killed = await tamga(['restore', ...where, target, '--passphrase-file', passFile, '--quiet'], { ...creds, TAMGA_TEST_CRASH_AT: 'restore:object-fetched@4' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const left = await readdir(join(target, '..'));
    expect(left).not.toContain('vault');
    expect(left.every((n) => n.startsWith('.vault.restoring-'))).toBe(true);
    const again = await tamga(['restore', ...where, target, '--key', v.fingerprint, '--passphrase-file', passFile, '--quiet']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^Restored: .*audit passed/m);
    expect(again.stdout).toContain(`NOTE Removed the unfinished restore folder ${left[0] ?? ''} that an earlier restore into ${target} left`);
    expect(await readdir(join(target, '..'))).toEqual(['vault']);
  });

  it('an s3:// source without --endpoint, or --endpoint with a folder, is INVALID_ARGUMENT before anything is asked or fetched', async () => {
    const target = join(await tempDir('tamga-restored-s3-'), 'vault');
    for (const args of [
      ['restore', `s3://${bucket}/${prefix}`, target, '--passphrase-file', passFile],
      ['replica', 'verify', '--keyless', `s3://${bucket}/${prefix}`, '--key', v.fingerprint],
      ['replica', 'verify', '--keyless', v.replica, '--endpoint', s.endpoint, '--key', v.fingerprint],
      ['restore', 's3:///nobucket', target, '--endpoint', s.endpoint, '--passphrase-file', passFile],
    ]) {
      const run = await tamga(args, {});
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(/^tamga: .*\[INVALID_ARGUMENT\]\n$/);
    }
    expect((await tamga(['restore', `s3://${bucket}`, target, '--passphrase-file', passFile], {})).stderr).toContain('--endpoint URL');
    // Nothing any run printed holds the secret.
    for (const out of printed) expect(out).not.toContain(s.secretAccessKey);
  });
});
