// A restore killed midway (SIGKILL at a fault point, in a child process, as a power cut
// would) leaves its hidden staging folder next to the target; the next restore into the same
// target names it in one sentence and removes it, for it held only copies of the replica's
// objects. A leftover holding anything a restore does not write, or whose owner file names a
// process still running (maybe a restore at work now), is kept and named instead.
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTORE_OWNER_FILE } from '../../src/main/engine/replica/restore-leftovers';
import { runTamga } from '../helpers/child-process';
import { makeReplicaVault, withEngine, type ReplicaVault } from '../helpers/replica-vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

let v: ReplicaVault;
let passFile: string;
beforeAll(async () => {
  v = await makeReplicaVault(3);
  await withEngine(v.root, (engine) => engine.pushReplicas('usb'));
  passFile = join(await tempDir(), 'pass');
  await writeFile(passFile, `${PASSPHRASE}\n`);
});

const restore = (target: string, env: Record<string, string> = {}) => runTamga(['restore', v.replica, target, '--key', v.fingerprint, '--passphrase-file', passFile, '--quiet'], env);

describe('what a killed restore leaves', () => {
  it('is removed by the next restore into the same target, which says so; a leftover with other files, or a live owner, is kept and named', async () => {
    const target = join(await tempDir('tamga-restored-'), 'vault');
    const parent = dirname(target);
    const killed = await restore(target, { TAMGA_TEST_CRASH_AT: 'restore:object-fetched@3' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const [left, ...others] = await readdir(parent);
    expect(others).toEqual([]);
    expect(left).toMatch(/^\.vault\.restoring-[0-9a-f-]{36}$/);
    // What the code left: the replica's copies, and the killed process's id.
    expect((await readdir(join(parent, left as string))).sort()).toEqual(['blobs', 'index.db', RESTORE_OWNER_FILE, 'thumbs', 'tmp', 'vault.json']);
    expect(Number(await readFile(join(parent, left as string, RESTORE_OWNER_FILE), 'utf8'))).toBe(killed.pid);

    // Two more like it: one with a file a restore never writes, one whose owner is alive.
    const foreign = '.vault.restoring-00000000-0000-4000-8000-00000000000f';
    const owned = '.vault.restoring-00000000-0000-4000-8000-0000000000aa';
    await cp(join(parent, left as string), join(parent, foreign), { recursive: true });
    await writeFile(join(parent, foreign, 'blobs', 'my-notes.txt'), 'written by hand');
    await cp(join(parent, left as string), join(parent, owned), { recursive: true });
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(parent, owned, RESTORE_OWNER_FILE), `${alive.pid}\n`);
      const again = await restore(target);
      expect(again.code, again.stdout + again.stderr).toBe(0);
      const notes = again.stdout.split('\n').filter((l) => l.startsWith('NOTE '));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toContain(`Removed the unfinished restore folder ${left} that an earlier restore into ${target} left when it was stopped (it held only copies of the replica's objects).`);
      expect(notes[0]).toContain(`Kept ${foreign} (it holds blobs/my-notes.txt, which a restore does not write`);
      expect(notes[0]).toContain(`${owned} (its owner file names process ${alive.pid}, which is running`);
      expect(again.stdout).toMatch(/^Restored: .*audit passed/m);
      expect((await readdir(parent)).sort()).toEqual([owned, foreign, 'vault'].sort());
      expect(await readFile(join(parent, foreign, 'blobs', 'my-notes.txt'), 'utf8')).toBe('written by hand');
      // The vault that came out holds no owner file.
      expect(await readdir(target)).not.toContain(RESTORE_OWNER_FILE);
    } finally {
      alive.kill('SIGKILL');
    }
  });
});
