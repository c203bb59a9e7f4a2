// Pushing a vault to a folder replica: what goes out is ciphertext only (the index
// snapshot is still encrypted: plain sqlite3 cannot read it, the index key opens it), each
// push ends with a new signed, numbered manifest, the next push sends only what is new,
// old snapshots go only after the new manifest, and every act is on the vault's chain.
import { spawnSync } from 'node:child_process';
import { cp, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import { readChain } from '../../src/main/engine/custody/store';
import { openIndex } from '../../src/main/engine/db/open-index';
import { manifestName, signatureName } from '../../src/main/engine/replica/layout';
import { parseManifest, verifyManifestSignature } from '../../src/main/engine/replica/manifest';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { listFiles, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';
import { generatedFiles, makeReplicaVault, withEngine, type ReplicaVault } from '../helpers/replica-vault';

afterAll(removeTempDirs);

let base: ReplicaVault;
beforeAll(async () => {
  base = await makeReplicaVault(3);
});

async function copyOf(source: ReplicaVault): Promise<ReplicaVault> {
  const dir = await tempDir('tamga-replica-copy-');
  await cp(join(source.root, '..'), dir, { recursive: true });
  // The replica's path is recorded in the vault; the copy gets its own.
  const root = join(dir, 'vault');
  const replica = join(dir, 'replica2');
  await withEngine(root, async (engine) => {
    await engine.removeReplica('usb');
    await engine.addReplica({ name: 'usb', config: { kind: 'folder', path: replica } });
  });
  return { root, replica, fingerprint: source.fingerprint };
}

describe('replica push', () => {
  it('sends the ciphertext byte for byte, a still-encrypted index snapshot and a signed manifest; the next push sends only what is new', async () => {
    const v = await copyOf(base);
    const first = await withEngine(v.root, (engine) => engine.pushReplicas('usb'));
    expect(first).toHaveLength(1);
    expect(first[0]?.number).toBe(1);
    // Every blob and thumbnail of the vault is in the replica with the very same bytes.
    const vaultFiles = (await listFiles(v.root)).filter((f) => /\/(blobs|thumbs)\//.test(f));
    expect(vaultFiles.length).toBeGreaterThan(5);
    for (const file of vaultFiles) {
      const name = file.slice(v.root.length + 1);
      expect((await readFile(join(v.replica, name))).equals(await readFile(file)), name).toBe(true);
    }
    const bytes = await readFile(join(v.replica, manifestName(1)));
    const parsed = parseManifest(bytes);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { manifest } = parsed;
    expect(verifyManifestSignature(bytes, await readFile(join(v.replica, signatureName(1))), manifest.signingKey.publicKey)).toBe(true);
    expect(manifest.signingKey.fingerprint).toBe(v.fingerprint);
    expect(manifest.objectCount).toBe(vaultFiles.length + 3);

    // The snapshot: plain sqlite3 cannot read it; the index key opens it and it holds the items.
    const snapshot = join(v.replica, manifest.index);
    const plain = spawnSync('sqlite3', [snapshot, 'SELECT count(*) FROM items;'], { encoding: 'utf8' });
    expect(plain.status).not.toBe(0);
    expect(plain.stderr).toMatch(/not a database|encrypted/);
    expect((await readFile(snapshot)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const vault = await unlockVault(v.root, PASSPHRASE);
    try {
      const db = await openIndex(snapshot, vault.keys.index, { create: false, readonly: true });
      expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(5);
      db.close();
    } finally {
      vault.close();
    }
    // Nothing in clear: no file name of the evidence appears in any object.
    const all = await listFiles(v.replica);
    for (const file of all) expect((await readFile(file)).includes('note-0-')).toBe(false);

    // Nothing new: only the snapshot goes out again. One new file: it and its snapshot.
    const second = await withEngine(v.root, (engine) => engine.pushReplicas('usb'));
    expect(second[0]).toMatchObject({ number: 2, uploadedObjects: 1, removedObjects: 0 });
    const more = await generatedFiles(1);
    const third = await withEngine(v.root, async (engine) => {
      await engine.importFiles({ paths: [more] });
      return engine.pushReplicas();
    });
    expect(third[0]).toMatchObject({ number: 3, uploadedObjects: 2 });
    // Manifest 1 and its snapshot are gone now that 3 is written; 2 stays for a fall-back.
    expect((await readdir(join(v.replica, 'manifests'))).sort()).toEqual(['00000002.json', '00000002.json.sig', '00000002.sha256', '00000003.json', '00000003.json.sig', '00000003.sha256']);
    expect((await readdir(join(v.replica, 'index'))).map((n) => n.slice(0, 8)).sort()).toEqual(['00000002', '00000003']);
    await expect(stat(snapshot)).rejects.toMatchObject({ code: 'ENOENT' });

    const report = await withEngine(v.root, (engine) => engine.verifyReplica({ name: 'usb' }));
    expect(report).toMatchObject({ ok: true, problems: [], ignored: [], manifest: { number: 3 } });
    // Every original and thumbnail decrypted: those of the first push and the one new original.
    expect(report.decryptedObjects).toBe(vaultFiles.length + 1);
    const status = await withEngine(v.root, (engine) => engine.listReplicas());
    expect(status[0]).toMatchObject({ name: 'usb', pendingObjects: 0, lastManifest: { number: 3 } });

    // The vault chain: added, then one 'replica-pushed' per push with its number, object count and bytes.
    const unlocked = await unlockVault(v.root, PASSPHRASE);
    try {
      const events = readChain(unlocked.db, vaultChainName(unlocked.vaultFile.vaultId)).map((e) => e.event);
      const pushed = events.filter((e) => e.type === 'replica-pushed');
      expect(pushed.map((e) => e.data.number)).toEqual([1, 2, 3]);
      expect(pushed[0]?.data).toMatchObject({ name: 'usb', objects: manifest.objectCount, bytes: manifest.totalBytes });
      expect(events.filter((e) => e.type === 'replica-added').length).toBe(2);
      expect(events.filter((e) => e.type === 'replica-removed').length).toBe(1);
      expect(JSON.stringify(events)).not.toContain(v.replica);
    } finally {
      unlocked.close();
    }
  });

  it('stops on an aborted signal, and the next push finishes the job', async () => {
    const v = await copyOf(base);
    const controller = new AbortController();
    await withEngine(v.root, async (engine) => {
      const running = engine.pushReplicas('usb', {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.objectsDone >= 2) controller.abort();
        },
      });
      await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    });
    expect((await readdir(v.replica)).includes('manifests')).toBe(false);
    const done = await withEngine(v.root, (engine) => engine.pushReplicas('usb'));
    expect(done[0]?.number).toBe(1);
    expect((await withEngine(v.root, (engine) => engine.verifyReplica({ name: 'usb' }))).ok).toBe(true);
  });

  it('refuses a replica folder inside the vault or holding other files, and a name twice', async () => {
    const v = await copyOf(base);
    const other = await tempDir('tamga-replica-other-');
    await cp(join(v.root, 'vault.json'), join(other, 'something.json'));
    await withEngine(v.root, async (engine) => {
      await expect(engine.addReplica({ name: 'inside', config: { kind: 'folder', path: join(v.root, 'copy') } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(engine.addReplica({ name: 'other', config: { kind: 'folder', path: other } })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
      await expect(engine.addReplica({ name: 'usb', config: { kind: 'folder', path: join(other, 'new') } })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
      await expect(engine.addReplica({ name: '../x', config: { kind: 'folder', path: join(other, 'new') } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      // An S3 config is kept encrypted; a push to a server that is not there says so (port 1 on loopback refuses).
      await engine.addReplica({ name: 'bucket', config: { kind: 's3', endpoint: 'http://127.0.0.1:1', bucket: 'ngo', prefix: 'tamga/', region: null, accessKeyId: 'AKIA-TEST', secretAccessKey: 'secret-test-value' } });
      await expect(engine.pushReplicas('bucket')).rejects.toMatchObject({ code: 'STORAGE_UNREACHABLE' });
      await expect(engine.addReplica({ name: 'bad', config: { kind: 's3', endpoint: 'ftp://s3.example.org', bucket: 'ngo', prefix: '', region: null, accessKeyId: 'a', secretAccessKey: 'b' } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      const listed = await engine.listReplicas();
      expect(JSON.stringify(listed)).not.toContain('secret-test-value');
    });
    for (const file of await listFiles(v.root)) expect((await readFile(file)).includes('secret-test-value'), file).toBe(false);
  });
});
