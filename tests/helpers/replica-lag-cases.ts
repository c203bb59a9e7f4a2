/**
 * A storage whose listing lags behind its objects, for every kind of store (tests/integration/
 * replica-listing-lag.test.ts on a folder, replica-listing-lag-s3.test.ts on S3). Real
 * Swift, Ceph and B2 listings are eventually consistent: for a while after a PUT the
 * listing may not show the object, and after a DELETE (or an overwrite) it may still show
 * it, at its old size. A listing is not a verdict: an object it does not show but the
 * storage serves is checked and restored, not called missing; one it shows but the storage
 * no longer has is missing (and one it shows at its old size is checked at its real one).
 *
 * The lag is made by a wrapper around the real store (folder or S3 through Tamga's own
 * ReplicaStore) whose list() hides names and shows ghosts; get, stat and put are the real
 * store's. The damage itself is done around Tamga (replica-place.ts).
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checksumsName, manifestName, signatureName } from '../../src/main/engine/replica/layout';
import { checkReplica } from '../../src/main/engine/replica/check-replica';
import type { Manifest } from '../../src/main/engine/replica/manifest';
import { openReplicaStore } from '../../src/main/engine/replica/open-store';
import { pushReplica } from '../../src/main/engine/replica/push';
import { requireReplicaRow } from '../../src/main/engine/replica/replica-rows';
import { restoreFromReplica } from '../../src/main/engine/replica/restore';
import type { ReplicaObject, ReplicaStore } from '../../src/main/engine/replica/store';
import { unlockVault } from '../../src/main/engine/vault/vault';
import type { ReplicaPlace } from './replica-place';
import { namedUnder, pushedTwice } from './replica-pushed-twice';
import { PASSPHRASE, tempDir } from './temp-vault';
import type { ReplicaVault } from './replica-vault';

export interface Lag {
  /** Names the listing does not show (the storage still serves them). */
  readonly hide?: readonly string[];
  /** Names the listing shows at this size (whatever the storage holds under them, if anything). */
  readonly ghost?: ReadonlyMap<string, number>;
}

/** `store`, but its listing lags as `lag` says. */
export function laggingListing(store: ReplicaStore, lag: Lag): ReplicaStore {
  const hidden = new Set(lag.hide ?? []);
  const ghosts = lag.ghost ?? new Map<string, number>();
  return {
    description: store.description,
    put: (name, body, size, signal) => store.put(name, body, size, signal),
    get: (name, signal) => store.get(name, signal),
    stat: (name) => store.stat(name),
    delete: (name) => store.delete(name),
    async *list(prefix): AsyncGenerator<ReplicaObject> {
      for await (const object of store.list(prefix)) {
        if (!hidden.has(object.name) && !ghosts.has(object.name)) yield object;
      }
      for (const [name, size] of ghosts) if (name.startsWith(prefix)) yield { name, size };
    },
  };
}


export function defineListingLagCases(label: string, makePlace: () => Promise<ReplicaPlace>): void {
  let place: ReplicaPlace;
  let v: ReplicaVault;
  let manifest: Manifest;

  beforeAll(async () => {
    place = await makePlace();
    ({ v, manifest } = await pushedTwice(place));
  });

  const blobs = (): string[] => manifest.objects.filter((o) => o.name.startsWith('blobs/')).map((o) => o.name);
  const sizeOf = (name: string): number => manifest.objects.find((o) => o.name === name)?.size ?? -1;

  /** `replica verify` as the engine runs it (the vault's keys and its record), on the lagging store. */
  async function verify(lag: Lag, sample?: number) {
    const vault = await unlockVault(v.root, PASSPHRASE);
    try {
      const row = requireReplicaRow(vault.db, 'usb');
      const { report } = await checkReplica({
        store: laggingListing(openReplicaStore(row.config), lag),
        key: { publicKey: vault.signer.publicKey.toString('hex'), fingerprint: null },
        recorded: row.lastNumber === null || row.lastSha256 === null ? null : { number: row.lastNumber, sha256: row.lastSha256 },
        vaultId: vault.vaultFile.vaultId,
        replicaId: row.id,
        keys: { blob: vault.keys.blob, index: vault.keys.index, tmpDir: vault.paths.tmpDir },
        ...(sample === undefined ? {} : { sample: { count: sample, cursor: null } }),
      });
      return report;
    } finally {
      vault.close();
    }
  }

  async function restore(lag: Lag) {
    const target = join(await tempDir('tamga-replica-restored-'), 'vault');
    return restoreFromReplica(laggingListing(openReplicaStore(place.config), lag), { target, keyFingerprint: v.fingerprint });
  }

  describe(`a replica storage whose listing lags (${label})`, () => {
    it('objects the listing does not show but the storage serves are checked and restored, never called missing', async () => {
      await place.reset();
      const [blob] = blobs() as [string];
      const thumb = manifest.objects.find((o) => o.name.startsWith('thumbs/'))?.name as string;
      const lag = { hide: [blob, thumb, manifest.index, manifest.vaultFile, checksumsName(2)] };
      const full = await verify(lag);
      expect(full.problems).toEqual([]);
      expect(full.hashedObjects).toBe(manifest.objectCount);
      // A sample reads the first original; the others are checked by size, the hidden thumbnail among them.
      const sampled = await verify(lag, 1);
      expect(sampled.problems).toEqual([]);
      const restored = await restore(lag);
      expect(restored).toMatchObject({ ok: true, problems: [], restoredObjects: manifest.objectCount });
    });

    it('the newest manifest hidden from the listing is found by asking for it, not called a rollback', async () => {
      await place.reset();
      const lag = { hide: [manifestName(2), signatureName(2), checksumsName(2)] };
      const report = await verify(lag);
      expect(report.problems).toEqual([]);
      expect(report.manifest?.number).toBe(2);
      const restored = await restore(lag);
      expect(restored.ok).toBe(true);
      expect(restored.manifest?.number).toBe(2);
    });

    it('an object the listing still shows after it was deleted is missing; one it shows at its old size is checked at its real one, by a sample too', async () => {
      await place.reset();
      const all = blobs();
      const deleted = all.at(-1) as string;
      const truncated = all.at(-2) as string;
      await place.remove(deleted);
      const whole = await place.read(truncated);
      await place.write(truncated, whole.subarray(0, whole.length >> 1));
      // And one no manifest lists, removed since: not named as ignored, for it is not there.
      const planted = 'blobs/ff/ff00000000000000000000000000abcd';
      const lag = { ghost: new Map([[deleted, sizeOf(deleted)], [truncated, sizeOf(truncated)], [planted, 7]]) };
      for (const sample of [undefined, 1]) {
        const report = await verify(lag, sample);
        expect(report.ok).toBe(false);
        expect(namedUnder(report.problems, 'OBJECT_MISSING')).toEqual([deleted]);
        expect(namedUnder(report.problems, 'OBJECT_TRUNCATED')).toEqual([truncated]);
        expect(report.ignored).toEqual([]);
      }
      const restored = await restore(lag);
      expect(namedUnder(restored.problems, 'OBJECT_MISSING')).toEqual([deleted]);
      expect(restored.restoredObjects).toBe(manifest.objectCount - 2);
      expect(restored.ignored).toEqual([]);
    });

    it('a manifest the listing still shows after it was deleted is not taken for the newest', async () => {
      await place.reset();
      const gone = [manifestName(2), signatureName(2), checksumsName(2)];
      const ghost = new Map(await Promise.all(gone.map(async (n) => [n, (await place.read(n)).length] as const)));
      for (const name of gone) await place.remove(name);
      const report = await verify({ ghost });
      expect(report.problems.map((p) => p.code)).toEqual(['MANIFEST_ROLLED_BACK']);
      expect(report.problems[0]?.message).toMatch(/last wrote manifest 2 .* newest whole one here is 1/);
      const restored = await restore({ ghost });
      expect(restored.refused).toBeNull();
      expect(restored.manifest?.number).toBe(1);
    });

    it('a push never reuses a manifest number whose files the listing does not show yet', async () => {
      await place.reset();
      // A push killed after writing manifest 3's checksum list and signature, before the manifest.
      const leftovers = [checksumsName(3), signatureName(3)];
      await place.copy(checksumsName(2), checksumsName(3));
      await place.copy(signatureName(2), signatureName(3));
      const before = await Promise.all(leftovers.map((n) => place.read(n)));
      const vault = await unlockVault(v.root, PASSPHRASE);
      try {
        const row = requireReplicaRow(vault.db, 'usb');
        const result = await pushReplica(vault, row, laggingListing(openReplicaStore(row.config), { hide: leftovers }));
        expect(result.number).toBe(4);
      } finally {
        vault.close();
      }
      // Nothing was written over them: no name ever holds other bytes.
      expect(await Promise.all(leftovers.map((n) => place.read(n)))).toEqual(before);
    });
  });
}
