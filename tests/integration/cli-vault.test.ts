// The `tamga` command as a script or an auditor uses it: init, info, help, exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../src/main/engine/db/migrate';
import { run, runTamga, TAMGA_BIN } from '../helpers/child-process';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const SYSTEM_NODE = '/usr/bin/node';
const SYSTEM_NODE_IS_20 =
  existsSync(SYSTEM_NODE) && spawnSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).stdout.startsWith('v20');

let root: string;
let initOutput: string;
beforeAll(async () => {
  root = join(await tempDir(), 'v');
  const result = await runTamga(['init', root], { TAMGA_PASSPHRASE: PASSPHRASE });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  initOutput = result.stdout;
});
afterAll(removeTempDirs);

function fingerprintIn(text: string): string {
  const match = /Key fingerprint\s+([0-9a-f]{64})/.exec(text);
  if (!match?.[1]) throw new Error(`no fingerprint in: ${text}`);
  return match[1];
}

describe('tamga init and info', () => {
  it('init prints the key fingerprint, and info --json prints it back without a passphrase', async () => {
    const fingerprint = fingerprintIn(initOutput);
    const info = await runTamga(['info', root, '--json']);
    expect(info.code).toBe(0);
    const json = JSON.parse(info.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ keyFingerprint: fingerprint, formatVersion: 1, locked: true, path: root });
    expect(json.vaultId).toMatch(/^[0-9a-f-]{36}$/);
    expect(json).not.toHaveProperty('itemCount');
  });

  it('info with a passphrase adds the item count (read-only, the vault may be open elsewhere)', async () => {
    const info = await runTamga(['info', root, '--json'], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ itemCount: 0, schemaVersion: latestSchemaVersion(), locked: false });
    const text = await runTamga(['info', root], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(text.stdout).toMatch(/^Items\s+0$/m);
    expect(fingerprintIn(text.stdout)).toBe(fingerprintIn(initOutput));
  });

  it('reads the passphrase from --passphrase-file, dropping one final newline only', async () => {
    const file = join(await tempDir(), 'pass.txt');
    await writeFile(file, `${PASSPHRASE}\n`);
    const ok = await runTamga(['info', root, '--json', '--passphrase-file', file]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ locked: false });
    await writeFile(file, `${PASSPHRASE} \n`);
    const wrong = await runTamga(['info', root, '--passphrase-file', file]);
    expect(wrong.code).toBe(2);
  });

  it('refuses a passphrase file that is a device, a pipe with no writer, a folder or huge: one line, no hang', async () => {
    const dir = await tempDir();
    const fifo = join(dir, 'fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const huge = join(dir, 'huge.txt');
    await writeFile(huge, Buffer.alloc(1 << 20, 0x61));
    const cases: [string, RegExp][] = [
      ['/dev/zero', /is a device, not a file/],
      [fifo, /is a pipe, not a file/],
      [dir, /is a folder, not a file/],
      [huge, /holds 1048576 bytes; a passphrase file holds at most 4096/],
    ];
    for (const [file, message] of cases) {
      // A FIFO with no writer used to block the open: the test's timeout would end it.
      const result = await runTamga(['info', root, '--passphrase-file', file]);
      expect(result.code, file).toBe(2);
      expect(result.stderr.trim().split('\n'), file).toHaveLength(1);
      expect(result.stderr, file).toMatch(message);
      expect(result.stderr, file).toMatch(/\[INVALID_ARGUMENT\]$/m);
    }
  });

  it('a wrong passphrase exits 2 with one line saying so', async () => {
    const result = await runTamga(['info', root], { TAMGA_PASSPHRASE: 'this is not it' });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^tamga: The passphrase is wrong.*\[WRONG_PASSPHRASE\]$/m);
  });

  it('init refuses a non-empty folder and a weak passphrase, creating nothing', async () => {
    const again = await runTamga(['init', root], { TAMGA_PASSPHRASE: PASSPHRASE });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty.*\[ALREADY_EXISTS\]/);
    const fresh = join(await tempDir(), 'weak');
    const weak = await runTamga(['init', fresh], { TAMGA_PASSPHRASE: 'abc' });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/\[WEAK_PASSPHRASE\]/);
    expect(existsSync(fresh)).toBe(false);
  });

  it('without a passphrase source and no terminal, says how to give one (exit 2)', async () => {
    const result = await runTamga(['init', join(await tempDir(), 'x')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--passphrase-file.*TAMGA_PASSPHRASE/);
  });

  it('info on a folder that is not a vault exits 2 with NOT_A_VAULT', async () => {
    const result = await runTamga(['info', await tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a Tamga vault.*\[NOT_A_VAULT\]/);
  });
});

describe('tamga usage', () => {
  it('--help lists the commands and exits 0', async () => {
    const result = await runTamga(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['init', 'info', 'passwd']) expect(result.stdout).toContain(command);
    expect(result.stdout).toMatch(/Exit codes: 0 ok, 1 a check found a problem \(for verify also: sealed by a key not confirmed with --key or a known sender\),\n2 usage or operational error, 141 the output was closed before all of it was written \(e\.g\. by `\| head`\)\./);
  });

  it('an unknown command or a missing argument exits 2', async () => {
    expect((await runTamga(['frobnicate'])).code).toBe(2);
    expect((await runTamga(['init'])).code).toBe(2);
  });

  // The machines ship Node 20 as /usr/bin/node; the test is reported as skipped elsewhere.
  it.runIf(SYSTEM_NODE_IS_20)('on Node 20 says that Node 22 is needed instead of crashing', async () => {
    const result = await run(SYSTEM_NODE, [TAMGA_BIN, '--help']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/needs Node\.js 22\.12 or newer.*npx tamga/);
  });
});
