// A push killed with SIGKILL anywhere (at fault-injection points chosen at random: inside
// a folder put, after an object is put and before it is recorded, around the snapshot
// and each manifest file, after recording, while removing old snapshots; and at random
// moments) and then run again ends with a complete replica that verifies, with nothing
// left half-written and every manifest number used once.
import { randomInt } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTamga, TAMGA_BIN } from '../helpers/child-process';
import { generatedFiles, makeReplicaVault, withEngine, type ReplicaVault } from '../helpers/replica-vault';
import { PASSPHRASE, removeTempDirs } from '../helpers/temp-vault';
import { spawn } from 'node:child_process';
import { FOLDER_TMP_DIR } from '../../src/main/engine/replica/folder-store';

afterAll(removeTempDirs);

/** Each point with how many times a push that sends two new originals is sure to pass it. */
const POINTS: ReadonlyArray<readonly [string, number]> = [
  ['replica-folder:temp-written', 6],
  ['replica:snapshot', 1],
  ['replica:object-put', 2],
  ['replica:index-put', 1],
  ['replica:checksums-put', 1],
  ['replica:signature-put', 1],
  ['replica:manifest-put', 1],
  ['replica:recorded', 1],
  ['replica:old-removed', 3],
];

const env = { TAMGA_PASSPHRASE: PASSPHRASE };

/** Starts a push and SIGKILLs it after `ms` (it may have finished by then). */
function pushKilledAfter(root: string, ms: number): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, [TAMGA_BIN, 'replica', 'push', root, 'usb', '--quiet'], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms);
  return new Promise((resolve) =>
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal);
    }),
  );
}

let v: ReplicaVault;
beforeAll(async () => {
  v = await makeReplicaVault(2);
  // Two pushes first, so that old snapshots exist to be removed from the next push on.
  await withEngine(v.root, async (engine) => {
    await engine.pushReplicas('usb');
    await engine.pushReplicas('usb');
  });
});

describe('a push killed at any point', () => {
  it('ends, pushed again, with a complete replica that verifies (20 kills at fault points chosen at random, 2 at random moments)', async () => {
    const kills: string[] = [];
    let numbers = 2;
    await withEngine(v.root, async (engine) => void (await engine.importFiles({ paths: [await generatedFiles(2, 5000)] })));
    for (let round = 0; round < 22; round++) {
      if (round < 20) {
        const [point, passages] = POINTS[randomInt(POINTS.length)] as readonly [string, number];
        const at = `${point}@${randomInt(1, passages + 1)}`;
        const killed = await runTamga(['replica', 'push', v.root, 'usb', '--quiet'], { ...env, TAMGA_TEST_CRASH_AT: at });
        expect(killed.signal, `${at}: ${killed.stderr}`).toBe('SIGKILL');
        kills.push(at);
      } else {
        kills.push(`after ${String(await pushKilledAfter(v.root, randomInt(300, 1200)))}`);
      }
      // One unlock per round (each costs a full scrypt run): push again, verify, and import two more for the next kill.
      await withEngine(v.root, async (engine) => {
        const pushed = await engine.pushReplicas('usb');
        const report = await engine.verifyReplica({ name: 'usb' });
        // A number seen in the storage, even as a killed push's leftover, is never used again.
        expect(pushed[0]?.number, kills.join(', ')).toBeGreaterThan(numbers);
        numbers = pushed[0]?.number ?? numbers;
        expect(report.problems, kills.at(-1)).toEqual([]);
        expect(report.ignored, kills.at(-1)).toEqual([]);
        expect(report.manifest?.number).toBe(numbers);
        expect((await engine.listReplicas())[0]?.pendingObjects).toBe(0);
        await engine.importFiles({ paths: [await generatedFiles(2, 5000 + round)] });
      });
    }
    // The last push removed every leftover: two manifests, two snapshots, no temporary files.
    expect((await readdir(join(v.replica, 'manifests'))).length).toBe(6);
    expect((await readdir(join(v.replica, 'index'))).length).toBe(2);
    expect(await readdir(join(v.replica, FOLDER_TMP_DIR)).catch(() => [])).toEqual([]);
    // And it restores: keyless verify passes with the pinned key.
    const keyless = await runTamga(['replica', 'verify', '--keyless', v.replica, '--key', v.fingerprint, '--quiet']);
    expect(keyless.code, keyless.stdout + keyless.stderr).toBe(0);
  }, 120_000);
});
