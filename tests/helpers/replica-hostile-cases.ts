/**
 * A storage that cannot be trusted, for every kind of store (tests/integration/
 * replica-hostile.test.ts on a folder, replica-hostile-s3.test.ts on S3), so the two cannot
 * drift: an object deleted, truncated, byte-flipped or swapped with another, a manifest
 * rolled back, damaged or replaced, objects slipped in. Each is named, with its objects, by
 * `replica verify` (with the vault) and by restore, which keeps what is intact, names the
 * items whose original is missing, and uses nothing the manifest does not vouch for. The
 * damage is done around Tamga (replica-place.ts): fs calls, or the S3 SDK directly.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checksumsName, manifestName, signatureName } from '../../src/main/engine/replica/layout';
import type { Manifest } from '../../src/main/engine/replica/manifest';
import { sha256Hex } from '../../src/main/engine/replica/object-bytes';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { createEngine } from '../../src/main/engine/api';
import type { ReplicaPlace } from './replica-place';
import { namedUnder, pushedTwice } from './replica-pushed-twice';
import { PASSPHRASE, tempDir } from './temp-vault';
import { withEngine, type ReplicaVault } from './replica-vault';

function codes(problems: readonly { code: string }[]): string[] {
  return problems.map((p) => p.code).sort();
}


export function defineHostileStorageCases(label: string, makePlace: () => Promise<ReplicaPlace>): void {
  let place: ReplicaPlace;
  let v: ReplicaVault;
  let manifest: Manifest;
  /** blob id → item id, from the vault. */
  let itemOfBlob: Map<string, string>;

  beforeAll(async () => {
    place = await makePlace();
    ({ v, manifest } = await pushedTwice(place));
    const vault = await unlockVault(v.root, PASSPHRASE);
    itemOfBlob = new Map((vault.db.prepare('SELECT blob_id AS b, id FROM items').all() as Array<{ b: string; id: string }>).map((r) => [r.b, r.id]));
    vault.close();
  });

  const blobs = (): string[] => manifest.objects.filter((o) => o.name.startsWith('blobs/')).map((o) => o.name);

  async function verify() {
    return withEngine(v.root, (engine) => engine.verifyReplica({ name: 'usb' }));
  }

  /** Restores into a new folder and, when something came out, unlocks, finishes and audits it. */
  async function restore(previous = false) {
    const engine = createEngine({ actor: 'tamga-test' });
    try {
      const target = join(await tempDir('tamga-replica-restored-'), 'vault');
      const result = await engine.restoreReplica({ source: place.source, target, keyFingerprint: v.fingerprint, previous });
      if (result.refused !== null || result.manifest === null) return { result, audit: null, finished: [] };
      await engine.unlockVault({ path: target, passphrase: PASSPHRASE });
      const finished = await engine.finishRestore(result.manifest);
      return { result, audit: await engine.auditVault(), finished };
    } finally {
      await engine.close();
    }
  }

  describe(`a hostile replica storage (${label})`, () => {
    it('the untouched replica verifies and restores audit-clean', async () => {
      await place.reset();
      expect((await verify()).problems).toEqual([]);
      const { result, audit, finished } = await restore();
      expect(result).toMatchObject({ ok: true, problems: [], ignored: [] });
      expect(finished).toEqual([]);
      expect(audit?.ok).toBe(true);
      expect(audit?.checkedItems).toBe(itemOfBlob.size);
    });

    it('names a deleted, a truncated, a byte-flipped and a swapped object, each with its kind; restore keeps the rest and names the items', async () => {
      await place.reset();
      const [deleted, truncated, flipped, swapA, swapB] = blobs() as [string, string, string, string, string];
      await place.remove(deleted);
      // Within each object's length: the blob ids are random, so any of them may be the
      // smallest (a photo of 221 bytes, where a flip at byte 500 once changed nothing).
      const whole = await place.read(truncated);
      await place.write(truncated, whole.subarray(0, whole.length >> 1));
      const bytes = await place.read(flipped);
      const at = bytes.length >> 1;
      bytes[at] = (bytes[at] as number) ^ 0x01;
      await place.write(flipped, bytes);
      // The damage took: the object now holds other bytes of the same size.
      expect(sha256Hex(await place.read(flipped))).not.toBe(manifest.objects.find((o) => o.name === flipped)?.sha256);
      const [a, b] = [await place.read(swapA), await place.read(swapB)];
      await place.write(swapA, b);
      await place.write(swapB, a);

      const report = await verify();
      expect(report.ok).toBe(false);
      expect(codes(report.problems)).toEqual(['OBJECT_CORRUPT', 'OBJECT_MISSING', 'OBJECT_SWAPPED', 'OBJECT_TRUNCATED']);
      expect(namedUnder(report.problems, 'OBJECT_MISSING')).toEqual([deleted]);
      expect(namedUnder(report.problems, 'OBJECT_TRUNCATED')).toEqual([truncated]);
      expect(namedUnder(report.problems, 'OBJECT_CORRUPT')).toEqual([flipped]);
      expect(namedUnder(report.problems, 'OBJECT_SWAPPED')).toEqual([swapA, swapB].sort());
      expect(report.problems.find((p) => p.code === 'OBJECT_SWAPPED')?.message).toContain(`${swapA} holds the bytes of ${swapB}`);

      const { result, audit } = await restore();
      expect(result.ok).toBe(false);
      expect(codes(result.problems)).toEqual(['OBJECT_CORRUPT', 'OBJECT_MISSING', 'OBJECT_SWAPPED', 'OBJECT_TRUNCATED']);
      expect(result.restoredObjects).toBe(manifest.objectCount - 5);
      // Each item whose original did not come back is named by the audit of the restored vault.
      const lost = [deleted, truncated, flipped, swapA, swapB].map((n) => itemOfBlob.get(n.slice(-32))).sort();
      expect(audit?.problems.filter((p) => p.code === 'BLOB_MISSING').map((p) => p.itemId).sort()).toEqual(lost);
      expect(audit?.problems.every((p) => p.code === 'BLOB_MISSING')).toBe(true);
    });

    it('names a rollback: the newest manifest removed (verify), or an older one put in its place (verify and restore)', async () => {
      await place.reset();
      for (const name of [manifestName(2), signatureName(2), checksumsName(2)]) await place.remove(name);
      const removed = await verify();
      expect(codes(removed.problems)).toEqual(['MANIFEST_ROLLED_BACK']);
      expect(removed.problems[0]?.message).toMatch(/last wrote manifest 2 .* newest whole one here is 1/);
      // Without the vault's memory, restore cannot know a newer manifest existed; it says what it restored and what hints at more.
      const fromOne = await restore();
      expect(fromOne.result.manifest?.number).toBe(1);
      expect(fromOne.result.notes.join(' ')).toMatch(/Objects of a newer push than manifest 1 are here \(index\/00000002-/);

      await place.reset();
      for (const [from, to] of [[manifestName(1), manifestName(2)], [signatureName(1), signatureName(2)], [checksumsName(1), checksumsName(2)]] as const) await place.copy(from, to);
      const replaced = await verify();
      expect(codes(replaced.problems)).toContain('MANIFEST_ROLLED_BACK');
      expect(namedUnder(replaced.problems, 'MANIFEST_ROLLED_BACK')).toContain(manifestName(2));
      const refused = await restore();
      expect(refused.result.refused).toMatchObject({ previous: 1 });
      expect(codes(refused.result.problems)).toEqual(['MANIFEST_ROLLED_BACK']);
      expect(refused.result.refused?.reason).toMatch(/holds manifest 1, not 2.*--previous/);
    });

    it('a damaged newest manifest stops restore, which offers the previous one only when asked; verify names it', async () => {
      await place.reset();
      const bytes = await place.read(manifestName(2));
      bytes[bytes.indexOf('"number": 2') + 10] = '7'.charCodeAt(0);
      await place.write(manifestName(2), bytes);
      const report = await verify();
      expect(namedUnder(report.problems, 'MANIFEST_DAMAGED')).toEqual([manifestName(2)]);
      expect(namedUnder(report.problems, 'MANIFEST_ROLLED_BACK')).toEqual([manifestName(2), manifestName(1)].sort());
      const refused = await restore();
      expect(refused.result).toMatchObject({ ok: false, restoredObjects: 0, refused: { previous: 1 } });
      expect(refused.result.problems[0]?.message).toMatch(/manifests\/00000002\.json, is not usable: its signature .* does not verify/);
      const older = await restore(true);
      expect(older.result.manifest?.number).toBe(1);
      expect(older.result.notes[0]).toMatch(/Restored from manifests\/00000001\.json/);
      expect(older.audit?.ok).toBe(true);
      // Manifest 1 held one item fewer.
      expect(older.audit?.checkedItems).toBe(itemOfBlob.size - 1);
    });

    it('objects the manifest does not list are named and never used; a foreign key is refused', async () => {
      await place.reset();
      await place.write('blobs/ff/ff00000000000000000000000000abcd', 'planted');
      await place.write('evil.sh', 'rm -rf /');
      await place.write('README.txt', Buffer.concat([await place.read('README.txt'), Buffer.from('\nAlso run evil.sh.\n')]));
      const report = await verify();
      expect(report.ok).toBe(true);
      expect(report.ignored).toEqual(['blobs/ff/ff00000000000000000000000000abcd', 'evil.sh']);
      const { result, audit } = await restore();
      expect(result.ok).toBe(true);
      expect(result.ignored).toEqual(['blobs/ff/ff00000000000000000000000000abcd', 'evil.sh']);
      expect(audit?.ok).toBe(true); // no orphan blob: the planted one was not taken

      const engine = createEngine();
      try {
        const wrongKey = 'ab'.repeat(32);
        const target = join(await tempDir('tamga-replica-restored-'), 'vault');
        const foreign = await engine.restoreReplica({ source: place.source, target, keyFingerprint: wrongKey });
        expect(codes(foreign.problems)).toContain('MANIFEST_FOREIGN');
        expect(foreign.refused).not.toBeNull();
        const keyless = await engine.verifyReplicaKeyless({ source: place.source, keyFingerprint: wrongKey });
        expect(keyless.ok).toBe(false);
        expect(codes(keyless.problems)).toContain('MANIFEST_FOREIGN');
      } finally {
        await engine.close();
      }
    });
  });
}
