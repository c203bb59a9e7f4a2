// The replica calls as the window makes them: through the engine worker host (the built
// worker, as in the app), a push runs beside the writer queue, so a second push is refused
// with BUSY rather than queued behind it, and the list still answers while it runs; progress
// arrives as `replicaProgress` events naming the replica, also for a push to every replica;
// "items waiting" counts items (an original and its thumbnails are one); a cancelled push
// records no copy.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiEvent } from '../../src/shared/api';
import type { ReplicaPushResult, ReplicaStatus } from '../../src/shared/replica';
import { startEngineHost } from '../../src/main/engine-host/host';
import { createEngine } from '../../src/main/engine/api';
import { TamgaError } from '../../src/shared/errors';
import { generatedFiles, makeReplicaVault, PHOTOS } from '../helpers/replica-vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const ROOT = join(import.meta.dirname, '..', '..');
const BUILT_WORKER = join(ROOT, 'out', 'main', 'engine-worker.js');

describe('replicas through the engine host', () => {
  it('refuses a second push with BUSY while the first runs, answers the list meanwhile, and names the replica in each progress event', async () => {
    expect(existsSync(BUILT_WORKER), 'out/main/engine-worker.js is missing: run `npm run build` first').toBe(true);
    const host = startEngineHost(BUILT_WORKER);
    const events: ApiEvent[] = [];
    host.onEvent((event) => events.push(event));
    try {
      const dir = await tempDir('tamga-replica-window-');
      expect((await host.callEngine('createVault', { path: join(dir, 'vault'), passphrase: PASSPHRASE })).ok).toBe(true);
      expect((await host.callEngine('importFiles', { paths: [await generatedFiles(3), ...PHOTOS] })).ok).toBe(true);
      expect((await host.callEngine('addReplica', { name: 'usb', config: { kind: 'folder', path: join(dir, 'usb') } })).ok).toBe(true);

      const first = host.callEngine('pushReplicas', 'usb');
      const second = host.callEngine('pushReplicas', 'usb');
      const during = host.callEngine('listReplicas', undefined);
      const refused = await second;
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.code).toBe('BUSY');
      expect((await during).ok).toBe(true);
      const pushed = await first;
      expect(pushed.ok).toBe(true);
      if (pushed.ok) expect((pushed.value as ReplicaPushResult[]).map((r) => r.number)).toEqual([1]);

      const progress = events.filter((e) => e.type === 'replicaProgress');
      expect(progress.length).toBeGreaterThan(1);
      expect(new Set(progress.map((e) => (e.type === 'replicaProgress' ? e.replica : 'other')))).toEqual(new Set(['usb']));
      const listed = await host.callEngine('listReplicas', undefined);
      expect(listed.ok && (listed.value as ReplicaStatus[])[0]?.pendingItems).toBe(0);
    } finally {
      await host.close();
    }
  });
});

describe('replicas on the engine facade, as the window sees them', () => {
  it('counts items waiting, pushes to every replica one by one with each named, and records no copy for a cancelled push', async () => {
    const v = await makeReplicaVault(2);
    const engine = createEngine({ actor: 'tamga-test' });
    const events: Array<{ replica: string | null; phase: string }> = [];
    engine.subscribe((e) => e.type === 'replicaProgress' && events.push({ replica: e.replica, phase: e.progress.phase }));
    try {
      await engine.unlockVault({ path: v.root, passphrase: PASSPHRASE });
      const [before] = await engine.listReplicas();
      // Two generated files and two photos: four items, more objects (the photos have thumbnails).
      expect(before?.pendingItems).toBe(4);
      expect(before?.pendingObjects).toBeGreaterThan(4);

      // Cancelled at its first progress event: no manifest is recorded, so no copy is claimed.
      const cancelling = engine.pushReplicas('usb', { onProgress: () => void engine.cancelReplicaPush() });
      await expect(cancelling).rejects.toSatisfy((e: unknown) => e instanceof TamgaError && e.code === 'CANCELLED');
      expect((await engine.listReplicas())[0]?.lastManifest).toBeNull();

      await engine.addReplica({ name: 'share', config: { kind: 'folder', path: join(await tempDir('tamga-replica-share-'), 'share') } });
      // In the list's order (by name), each push's events naming its own replica.
      const order = (await engine.listReplicas()).map((r) => r.name);
      expect(order).toEqual(['share', 'usb']);
      events.length = 0;
      const results = await engine.pushReplicas();
      expect(results.map((r) => r.name)).toEqual(order);
      expect([...new Set(events.map((e) => e.replica))]).toEqual(order);
      expect(events.every((e) => e.replica !== null)).toBe(true);
      for (const r of await engine.listReplicas()) {
        expect(r.pendingItems).toBe(0);
        expect(r.lastManifest?.number).toBe(1);
      }

      await engine.importFiles({ paths: [await generatedFiles(1)] });
      expect((await engine.listReplicas()).map((r) => r.pendingItems)).toEqual([1, 1]);
    } finally {
      await engine.close();
    }
  });
});
