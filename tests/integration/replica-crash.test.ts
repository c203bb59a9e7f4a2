// A push to a folder killed with SIGKILL anywhere (at fault-injection points chosen at
// random: inside a folder put, after an object is put and before it is recorded, around
// the snapshot and each manifest file, after recording, while removing old snapshots; and
// at random moments) and then run again ends with a complete replica that verifies, with
// nothing left half-written and every manifest number used once. The rounds are
// tests/helpers/replica-crash-rounds.ts, shared with replica-crash-s3.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLDER_TMP_DIR } from '../../src/main/engine/replica/folder-store';
import { killPushes, PUSH_POINTS } from '../helpers/replica-crash-rounds';
import { folderPlace, type ReplicaPlace } from '../helpers/replica-place';
import { makeReplicaVault, withEngine, type ReplicaVault } from '../helpers/replica-vault';
import { removeTempDirs } from '../helpers/temp-vault';

afterAll(removeTempDirs);

let place: ReplicaPlace;
let v: ReplicaVault;
beforeAll(async () => {
  place = await folderPlace();
  v = await makeReplicaVault(2, place.config);
  // Two pushes first, so that old snapshots exist to be removed from the next push on.
  await withEngine(v.root, async (engine) => {
    await engine.pushReplicas('usb');
    await engine.pushReplicas('usb');
  });
});

describe('a push killed at any point', () => {
  it('ends, pushed again, with a complete replica that verifies (20 kills at fault points chosen at random, 2 at random moments)', async () => {
    // The folder store's own point: its temporary file written, not yet renamed (passed once per object).
    await killPushes(v, place, { points: [['replica-folder:temp-written', 6], ...PUSH_POINTS], atPoints: 20, atMoments: 2 });
    // No temporary file is left.
    expect((await place.names()).filter((n) => n.startsWith(`${FOLDER_TMP_DIR}/`))).toEqual([]);
  }, 300_000); // 22 rounds, each a CLI start, two scrypt unlocks, a push and a full verify: ~40–70 s alone, up to 3× on a busy machine
});
