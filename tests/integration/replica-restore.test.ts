// Restore on a fresh folder: `tamga restore` rebuilds the vault from a replica folder and
// the passphrase, ending audit-clean with the same items, custody and signing key; a
// bundle exported from the original and from the restored vault is the same apart from
// what must differ. The replica's README commands work in bash as an auditor runs them,
// an independent Python check agrees with the manifest, and the worked example in
// docs/formats.md is what the code writes, byte for byte.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import { exportBundle, type FixedIdentity } from '../../src/main/engine/bundle/export/export';
import { readChainRows, listChains } from '../../src/main/engine/custody/store';
import { signerFromSeed } from '../../src/main/engine/crypto/signing';
import { buildManifest, parseManifest, signManifest } from '../../src/main/engine/replica/manifest';
import { REPLICA_CHECK_COMMANDS } from '../../src/main/engine/replica/readme';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { bundleFiles } from '../helpers/bundle-export-vault';
import { ROOT, runTamga } from '../helpers/child-process';
import { makeReplicaVault, withEngine, type ReplicaVault } from '../helpers/replica-vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

let v: ReplicaVault;
let number: number;
beforeAll(async () => {
  v = await makeReplicaVault(3);
  await withEngine(v.root, async (engine) => {
    await engine.describeItems({ items: [(await engine.listItems())[0]?.id ?? ''], title: 'PS 660 ballot box' });
    number = (await engine.pushReplicas('usb'))[0]?.number ?? 0;
  });
});

async function passphraseFile(): Promise<string> {
  const file = join(await tempDir(), 'pass');
  await writeFile(file, `${PASSPHRASE}\n`);
  return file;
}

describe('tamga restore', () => {
  it('rebuilds an audit-clean vault with the same items, custody and key; bundles from both match but for what must differ', async () => {
    const target = join(await tempDir('tamga-restored-'), 'vault');
    const run = await runTamga(['restore', v.replica, target, '--key', v.fingerprint, '--passphrase-file', await passphraseFile(), '--quiet']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Restored: .* from manifest 1 of .*audit passed: 5 items/m);
    expect(await readFile(join(target, 'vault.json'))).toEqual(await readFile(join(v.root, 'vault.json')));

    const original = await unlockVault(v.root, PASSPHRASE, { actor: 'tamga-test' });
    const restored = await unlockVault(target, PASSPHRASE, { actor: 'tamga-test' });
    try {
      expect(restored.signer.publicKey.equals(original.signer.publicKey)).toBe(true);
      const items = (o: OpenVault) => o.db.prepare('SELECT id, sha256, size, blob_id, title FROM items ORDER BY id').all();
      expect(items(restored)).toEqual(items(original));
      // Every item chain is the same; the vault chain is the original's up to the push, then the restore's audit.
      const chain = vaultChainName(original.vaultFile.vaultId);
      for (const c of listChains(original.db)) {
        if (c !== chain) expect(readChainRows(restored.db, c)).toEqual(readChainRows(original.db, c));
      }
      const mine = readChainRows(original.db, chain);
      const theirs = readChainRows(restored.db, chain);
      expect(mine.at(-1)?.type).toBe('replica-pushed');
      expect(theirs.slice(0, mine.length - 1)).toEqual(mine.slice(0, -1));
      expect(theirs.slice(mine.length - 1).map((r) => r.type)).toEqual(['audit']);
      // The restored vault knows the manifest it came from: a push goes on from there.
      expect(restored.db.prepare('SELECT last_number FROM replicas').pluck().get()).toBe(number);

      const fixed: FixedIdentity = { bundleId: '00000000-0000-4000-8000-00000000b0d1', sealedAt: '2021-01-12T10:00:00.000Z' };
      const ids = (items(original) as Array<{ id: string }>).map((i) => i.id);
      const outs: string[] = [];
      for (const vault of [original, restored]) {
        const out = join(await tempDir('tamga-out-'), 'bundle');
        await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: out, recipient: 'Court' }, { fixed });
        outs.push(out);
      }
      const [a, b] = outs as [string, string];
      const files = await bundleFiles(a);
      expect(await bundleFiles(b)).toEqual(files);
      const differing: string[] = [];
      for (const f of files) if (!(await readFile(join(a, f))).equals(await readFile(join(b, f)))) differing.push(f);
      // Only the vault-wide custody log differs (the original logged its push, the restored vault its audit):
      // its checkpoint and the proofs against it. Payload, exhibit custody, metadata, reports and seal are identical.
      expect(differing).toEqual(['seal/custody-log.checkpoint', 'seal/custody-proofs.jsonl']);
    } finally {
      original.close();
      restored.close();
    }
    // A restore into a folder that is not empty is refused before anything is fetched.
    const again = await runTamga(['restore', v.replica, target, '--passphrase-file', await passphraseFile()]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty.*\[ALREADY_EXISTS\]/);
  });

  it('the README commands check the replica in bash with sha256sum and openssl, and catch a changed object', async () => {
    const readme = await readFile(join(v.replica, 'README.txt'), 'utf8');
    for (const command of REPLICA_CHECK_COMMANDS) expect(readme.split('\n')).toContain(command);
    const script = ['set -e', ...REPLICA_CHECK_COMMANDS].join('\n');
    const ok = spawnSync('bash', ['-c', script], { cwd: v.replica, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`newest manifest: 0000000${number}`);
    expect(ok.stdout).toContain('Signature Verified Successfully');
    expect(ok.stdout).toContain(`${v.fingerprint}  -`);
    expect(ok.stdout).toContain('checksum list: OK');
    const lines = ok.stdout.split('\n').filter((l) => /^(blobs|thumbs|index|vault)/.test(l) || l.startsWith('vault-key.pem'));
    expect(lines.length).toBe(JSON.parse(await readFile(join(v.replica, 'manifests', `0000000${number}.json`), 'utf8')).objectCount);
    expect(lines.every((l) => l.endsWith(': OK'))).toBe(true);

    const python = spawnSync('/usr/bin/python3', [join(ROOT, 'tests', 'helpers', 'replica_manifest.py'), v.replica, String(number)], { encoding: 'utf8' });
    expect(python.stdout.trim(), python.stderr).toBe('ok');

    // One flipped byte in one blob: sha256sum names it; a changed manifest fails the signature.
    const blob = lines.find((l) => l.startsWith('blobs/'))?.slice(0, -4) ?? '';
    const bytes = await readFile(join(v.replica, blob));
    bytes[0] = (bytes[0] as number) ^ 0xff;
    await writeFile(join(v.replica, blob), bytes);
    const bad = spawnSync('bash', ['-c', script], { cwd: v.replica, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain(`${blob}: FAILED`);
    const badPython = spawnSync('/usr/bin/python3', [join(ROOT, 'tests', 'helpers', 'replica_manifest.py'), v.replica, String(number)], { encoding: 'utf8' });
    expect(badPython.stdout.trim()).toBe(`object ${blob}`);
    bytes[0] = (bytes[0] as number) ^ 0xff;
    await writeFile(join(v.replica, blob), bytes);
    const manifestPath = join(v.replica, 'manifests', `0000000${number}.json`);
    const manifest = await readFile(manifestPath);
    await writeFile(manifestPath, Buffer.from(manifest.toString('utf8').replace('"number": 1', '"number": 1 ')));
    const forged = spawnSync('bash', ['-c', script], { cwd: v.replica, encoding: 'utf8' });
    expect(forged.status).not.toBe(0);
    expect(forged.stdout + forged.stderr).toMatch(/Signature Verification Failure/);
    await writeFile(manifestPath, manifest);
  });

  it('the worked example in docs/formats.md is exactly what buildManifest writes, and parses back', async () => {
    const docs = await readFile(join(ROOT, 'docs', 'formats.md'), 'utf8');
    const section = docs.slice(docs.indexOf('### Worked example: a replica manifest'));
    const blocks = [...section.matchAll(/```(?:json|text)\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    const [json, sums, signature] = blocks as [string, string, string];
    const signer = signerFromSeed(Buffer.alloc(32, 7));
    const built = buildManifest({
      vaultId: '00000000-0000-4000-8000-000000000001',
      replicaId: '00000000-0000-4000-8000-0000000000aa',
      number: 42,
      createdAt: '2021-01-12T10:00:00.000Z',
      publicKey: signer.publicKey,
      index: 'index/00000042-0123456789abcdef.db',
      vaultFile: `vault/${'d'.repeat(64)}.json`,
      checkpoint: 'tamga.vault/00000000-0000-4000-8000-000000000001\n7\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— tamga.vault/00000000-0000-4000-8000-000000000001 AAAAAA==\n',
      objects: [
        { name: 'vault-key.pem', size: 113, sha256: 'e'.repeat(64) },
        { name: 'blobs/3f/3f9ac21e0000000000000000000000a1', size: 1048704, sha256: 'a'.repeat(64) },
        { name: 'thumbs/77/77c01d2a0000000000000000000000b2', size: 9120, sha256: 'b'.repeat(64) },
        { name: 'index/00000042-0123456789abcdef.db', size: 204800, sha256: 'c'.repeat(64) },
        { name: `vault/${'d'.repeat(64)}.json`, size: 1024, sha256: 'd'.repeat(64) },
      ],
    });
    expect(built.bytes.toString('utf8')).toBe(json);
    expect(built.checksums.toString('utf8')).toBe(sums);
    expect(signManifest(signer, built.bytes).toString('hex')).toBe(signature.trim());
    expect(parseManifest(built.bytes)).toMatchObject({ ok: true });
    // One space more anywhere is not the format.
    expect(parseManifest(Buffer.from(json.replace('"number": 42', '"number":  42')))).toMatchObject({ ok: false });
    expect(parseManifest(Buffer.from(json.replace('"number": 42,', '"number": 42,\n  "extra": 1,')))).toMatchObject({ ok: false });
  });
});
