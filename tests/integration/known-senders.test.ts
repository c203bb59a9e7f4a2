// Known senders as a user keeps them: in the vault (encrypted in the index, each change a
// signed event on the vault's chain) through `tamga keys`, or in a plain file for
// auditors without a vault; and `tamga verify --vault` accepting a bundle by a sender of
// that vault. Real vaults, real CLI runs.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnownSender } from '../../src/shared/senders';
import type { VerifyReport } from '../../src/shared/bundle';
import { vaultChainName } from '../../src/shared/custody';
import { readChainRows } from '../../src/main/engine/custody/store';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { buildBundle, fingerprintOf, newSigner, writeBundleDir } from '../helpers/bundle-verify-fixture';
import { runTamga } from '../helpers/child-process';
import { listFiles, makeVault, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const sender = newSigner();
const SENDER = fingerprintOf(sender);
const OTHER = fingerprintOf(newSigner());
const CANARY_NAME = 'Observers-CANARY-7f3a9c Ақмола';

let dir: string;
let vault: string;
let bundle: string;
const env = (): Record<string, string> => ({ TAMGA_PASSPHRASE: PASSPHRASE, XDG_CONFIG_HOME: join(dir, 'config') });

beforeAll(async () => {
  dir = await tempDir('tamga-known-senders-');
  vault = await makeVault();
  bundle = await writeBundleDir(join(dir, 'bundle'), buildBundle(sender));
}, 120_000);
afterAll(removeTempDirs);

describe('tamga keys on a vault', () => {
  it('adds, lists, refuses duplicates and bad input, verifies with --vault, removes: each change on the vault chain', async () => {
    const grouped = SENDER.match(/.{4}/g)?.join(' ') ?? '';
    const added = await runTamga(['keys', 'add', vault, CANARY_NAME, grouped], env());
    expect([added.code, added.stderr]).toEqual([0, '']);
    expect(added.stdout).toBe(`Added known sender "${CANARY_NAME}": ${grouped}\n`);

    const list = await runTamga(['keys', 'list', vault, '--json'], env());
    expect(list.code).toBe(0);
    const senders = JSON.parse(list.stdout) as KnownSender[];
    expect(senders).toEqual([{ fingerprint: SENDER, name: CANARY_NAME, addedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string }]);

    const again = await runTamga(['keys', 'add', vault, 'Someone else', SENDER], env());
    expect([again.code, again.stderr]).toEqual([2, `tamga: That key is already a known sender, as "${CANARY_NAME}"; remove it first to rename it. [ALREADY_EXISTS]\n`]);
    const sameName = await runTamga(['keys', 'add', vault, CANARY_NAME.toUpperCase(), OTHER], env());
    expect([sameName.code, sameName.stderr]).toEqual([2, expect.stringContaining('[ALREADY_EXISTS]')]);
    const badKey = await runTamga(['keys', 'add', vault, 'Short', SENDER.slice(2)], env());
    expect([badKey.code, badKey.stderr]).toEqual([2, expect.stringContaining('64 hexadecimal digits')]);

    const verified = await runTamga(['verify', bundle, '--vault', vault, '--json'], env());
    expect(verified.code).toBe(0);
    const report = JSON.parse(verified.stdout) as VerifyReport;
    expect(report.verdict).toBe('valid');
    expect(report.signer).toEqual({ fingerprint: SENDER, pinned: null, trust: 'known-sender', name: CANARY_NAME });
    const text = await runTamga(['verify', bundle, '--vault', vault], env());
    expect(text.stdout).toContain(`VALID: every check passed; sealed by ${CANARY_NAME} (known sender).`);
    const withoutVault = await runTamga(['verify', bundle, '--json'], env());
    expect(withoutVault.code).toBe(1);
    expect((JSON.parse(withoutVault.stdout) as VerifyReport).verdict).toBe('intact-unconfirmed-signer');

    const removed = await runTamga(['keys', 'remove', vault, CANARY_NAME.toLowerCase()], env());
    expect([removed.code, removed.stdout]).toEqual([0, `Removed known sender "${CANARY_NAME}": ${grouped}\n`]);
    const gone = await runTamga(['keys', 'remove', vault, SENDER], env());
    expect([gone.code, gone.stderr]).toEqual([2, 'tamga: No known sender is that key. [NOT_FOUND]\n']);
    const after = await runTamga(['verify', bundle, '--vault', vault, '--json'], env());
    expect(after.code).toBe(1);
    expect((JSON.parse(after.stdout) as VerifyReport).signer.trust).toBe('unconfirmed');

    const open = await unlockVault(vault, PASSPHRASE, { readonly: true });
    try {
      const events = readChainRows(open.db, vaultChainName(open.vaultFile.vaultId)).map((row) => JSON.parse(row.eventJson) as { type: string; data: unknown });
      expect(events.filter((e) => e.type.startsWith('sender-'))).toEqual([
        expect.objectContaining({ type: 'sender-added', data: { fingerprint: SENDER, name: CANARY_NAME } }),
        expect.objectContaining({ type: 'sender-removed', data: { fingerprint: SENDER, name: CANARY_NAME } }),
      ]);
    } finally {
      open.close();
    }
    // The chain with these events still verifies.
    const audit = await runTamga(['audit', vault], env());
    expect(audit.code).toBe(0);
  }, 120_000);

  it('keeps the names encrypted: no vault file shows one, and plain sqlite3 cannot read the index', async () => {
    const root = await makeVault();
    expect((await runTamga(['keys', 'add', root, CANARY_NAME, SENDER], env())).code).toBe(0);
    const needles = [Buffer.from('Observers-CANARY-7f3a9c'), Buffer.from(SENDER), Buffer.from(SENDER, 'hex')];
    for (const file of await listFiles(root)) {
      const content = await readFile(file);
      expect(needles.filter((n) => content.includes(n)).length, file).toBe(0);
    }
    const result = spawnSync('sqlite3', [join(root, 'index.db'), 'SELECT * FROM known_senders'], { encoding: 'utf8' });
    expect(result.error).toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/not a database/);
  }, 60_000);
});

describe('tamga keys --file', () => {
  it('creates the file with its header, appends, lists and removes, keeping comments', async () => {
    const file = join(dir, 'auditor', 'known_senders');
    expect((await runTamga(['keys', 'add', '--file', file, "Observers' vault", SENDER])).code).toBe(0);
    expect((await runTamga(['keys', 'add', '--file', file, 'Second', OTHER])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      "# Tamga known senders: one key per line, its fingerprint then the sender's name.\n# Add a key only after comparing it with the one its owner published.\n" +
        `${SENDER} Observers' vault\n${OTHER} Second\n`,
    );
    const list = await runTamga(['keys', 'list', '--file', file, '--json']);
    expect(JSON.parse(list.stdout)).toEqual([
      { fingerprint: SENDER, name: "Observers' vault", addedAt: null },
      { fingerprint: OTHER, name: 'Second', addedAt: null },
    ]);
    expect((await runTamga(['keys', 'remove', '--file', file, SENDER])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(new RegExp(`# Add a key only after comparing it with the one its owner published\\.\\n${OTHER} Second\\n$`));
    const verify = await runTamga(['verify', bundle, '--known-senders', file, '--json']);
    expect(verify.code).toBe(1);
  });

  it('--default-file is the file that verify reads when given none', async () => {
    const add = await runTamga(['keys', 'add', '--default-file', "Observers' vault", SENDER], env());
    expect(add.stdout).toContain(`(to ${join(dir, 'config', 'tamga', 'known_senders')})`);
    const verify = await runTamga(['verify', bundle, '--json'], env());
    expect(verify.code).toBe(0);
    expect((JSON.parse(verify.stdout) as VerifyReport).signer).toMatchObject({ trust: 'known-sender', name: "Observers' vault" });
  });

  it('says how to call it when the vault or the file is missing', async () => {
    const r = await runTamga(['keys', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Use: keys add VAULT NAME FINGERPRINT');
  });
});
