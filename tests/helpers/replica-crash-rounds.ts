/**
 * A push killed with SIGKILL anywhere, for every kind of store (replica-crash.test.ts on a
 * folder, replica-crash-s3.test.ts on S3): at fault-injection points chosen at random
 * (TAMGA_TEST_CRASH_AT, src/main/engine/testing/crash-point.ts) and at random moments,
 * each followed by a push that must end with a complete replica that verifies, with
 * nothing half-written left and every manifest number used once.
 */
import { randomInt } from 'node:crypto';
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { runTamga, TAMGA_BIN } from './child-process';
import type { ReplicaPlace } from './replica-place';
import { generatedFiles, withEngine, type ReplicaVault } from './replica-vault';
import { PASSPHRASE } from './temp-vault';

/** Each point with how many times a push that sends two new originals is sure to pass it (on every store). */
export const PUSH_POINTS: ReadonlyArray<readonly [string, number]> = [
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

export interface CrashRounds {
  readonly points: ReadonlyArray<readonly [string, number]>;
  readonly atPoints: number;
  readonly atMoments: number;
}

/**
 * Runs the rounds on a vault whose replica "usb" (at `place`) was pushed twice already, so
 * old snapshots exist to be removed; returns the kills, in order, for messages.
 */
export async function killPushes(v: ReplicaVault, place: ReplicaPlace, rounds: CrashRounds): Promise<string[]> {
  const kills: string[] = [];
  let numbers = 2;
  await withEngine(v.root, async (engine) => void (await engine.importFiles({ paths: [await generatedFiles(2, 5000)] })));
  for (let round = 0; round < rounds.atPoints + rounds.atMoments; round++) {
    if (round < rounds.atPoints) {
      const [point, passages] = rounds.points[randomInt(rounds.points.length)] as readonly [string, number];
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
  // The last push removed every leftover: two manifests (three files each), two snapshots.
  const names = await place.names();
  expect(names.filter((n) => n.startsWith('manifests/')).length, kills.join(', ')).toBe(6);
  expect(names.filter((n) => n.startsWith('index/')).length, kills.join(', ')).toBe(2);
  // And it verifies with no vault, against the pinned key, as an auditor would.
  const keyless = await runTamga(['replica', 'verify', '--keyless', ...place.args, '--key', v.fingerprint, '--quiet'], { ...place.env });
  expect(keyless.code, keyless.stdout + keyless.stderr).toBe(0);
  return kills;
}
