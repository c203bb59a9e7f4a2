// The vault's operator: set at creation and changed later, kept in the encrypted index, each
// change an event on the vault's chain, and every later event's actor naming the operator
// and then the tool (old events keep their actor). Refusals name the member and the reason.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vaultChainName } from '../../src/shared/custody';
import { TamgaError } from '../../src/shared/errors';
import { splitActor } from '../../src/shared/operator';
import { createEngine } from '../../src/main/engine/api';
import { TAMGA_VERSION } from '../../src/main/engine/version';
import { readChain, verifyStoredChains } from '../../src/main/engine/custody/store';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { writePhoto } from '../helpers/bundle-export-vault';
import { runTamga } from '../helpers/child-process';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const AIGERIM = { name: 'Aigerim Sultanova', role: 'observer', organisation: 'Kazakhstan International Bureau for Human Rights', contact: '+7 701 000 0000' };
const AIGERIM_ACTOR = 'Aigerim Sultanova (observer, Kazakhstan International Bureau for Human Rights) · tamga-cli 0.2.0';

async function refusal(work: Promise<unknown>): Promise<TamgaError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof TamgaError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('the operator of a vault', () => {
  it('is stated at creation, named in every later actor, changed and cleared with events on the vault chain', async () => {
    const dir = await tempDir('tamga-operator-');
    const root = join(dir, 'vault');
    const engine = createEngine({ actor: 'tamga-cli 0.2.0' });
    try {
      const info = await engine.createVault({ path: root, passphrase: PASSPHRASE, operator: { ...AIGERIM, name: `  ${AIGERIM.name.normalize('NFD')} ` } });
      expect(info.operator).toEqual(AIGERIM);
      expect(await engine.getOperator()).toEqual(AIGERIM);

      const photo = await writePhoto(join(dir, 'in'), { name: 'IMG_0001.JPG', seed: 1 });
      const summary = await engine.importFiles({ paths: [photo] });
      const itemId = summary.imported[0]?.itemId ?? '';
      await engine.tagItems({ items: [itemId], tags: ['protest'] });
      const item = await engine.getItem(itemId);
      expect(item.custody.map((r) => [r.event.type, r.event.actor])).toEqual([
        ['acquired', AIGERIM_ACTOR],
        ['tagged', AIGERIM_ACTOR],
      ]);
      expect(splitActor(AIGERIM_ACTOR)).toEqual({ operator: 'Aigerim Sultanova (observer, Kazakhstan International Bureau for Human Rights)', tool: 'tamga-cli 0.2.0' });

      // A role alone, no organisation, no contact: absent members are left out, never null.
      expect(await engine.setOperator({ name: 'Daniyar Bekov', role: 'lawyer', organisation: '', contact: null })).toEqual({ name: 'Daniyar Bekov', role: 'lawyer' });
      await engine.untagItems({ items: [itemId], tags: ['protest'] });
      // Stating the same again records nothing.
      await engine.setOperator({ name: 'Daniyar Bekov', role: 'lawyer' });
      expect(await engine.setOperator(null)).toBeNull();
      await engine.tagItems({ items: [itemId], tags: ['court'] });
      const after = await engine.getItem(itemId);
      expect(after.custody.slice(2).map((r) => [r.event.type, r.event.actor])).toEqual([
        ['untagged', 'Daniyar Bekov (lawyer) · tamga-cli 0.2.0'],
        ['tagged', 'tamga-cli 0.2.0'],
      ]);
      // Earlier events keep the actor they were signed with.
      expect(after.custody.slice(0, 2)).toEqual(item.custody);
      expect((await engine.vaultInfo()).operator).toBeNull();
      // Every operator event is in the vault's custody log too: the audit finds nothing wrong.
      const audit = await engine.auditVault();
      expect([audit.ok, audit.problems]).toEqual([true, []]);
      await engine.lockVault();

      const vault = await unlockVault(root, PASSPHRASE, { readonly: true });
      try {
        const chain = readChain(vault.db, vaultChainName(vault.vaultFile.vaultId)).map((r) => r.event);
        expect(chain.map((e) => [e.type, e.actor, e.data])).toEqual([
          ['vault-created', AIGERIM_ACTOR, expect.objectContaining({ formatVersion: 1 })],
          ['operator-set', AIGERIM_ACTOR, AIGERIM],
          ['operator-set', 'Daniyar Bekov (lawyer) · tamga-cli 0.2.0', { name: 'Daniyar Bekov', role: 'lawyer' }],
          ['operator-cleared', 'tamga-cli 0.2.0', {}],
          ['audit', 'tamga-cli 0.2.0', expect.objectContaining({ ok: true })],
        ]);
        expect(verifyStoredChains(vault.db, vault.signer.publicKey)).toEqual([]);
        expect(vault.operator).toBeNull();
      } finally {
        vault.close();
      }

      // Kept in the vault across a lock: set again, then unlocked anew.
      await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
      await engine.setOperator({ name: 'Айгерим Султанова', organisation: 'Бюро' });
      await engine.lockVault();
      await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
      expect(await engine.getOperator()).toEqual({ name: 'Айгерим Султанова', organisation: 'Бюро' });
    } finally {
      await engine.close();
    }
  });

  it('is optional: a vault created without one says so, and its actors are the tool alone', async () => {
    const root = join(await tempDir('tamga-operator-'), 'vault');
    const engine = createEngine({ actor: 'tamga-app 0.2.0' });
    try {
      const info = await engine.createVault({ path: root, passphrase: PASSPHRASE });
      expect(info.operator).toBeNull();
      expect(await engine.getOperator()).toBeNull();
      // Clearing what is not there records nothing.
      expect(await engine.setOperator(null)).toBeNull();
      await engine.lockVault();
      const vault = await unlockVault(root, PASSPHRASE, { readonly: true });
      try {
        expect(readChain(vault.db, vaultChainName(vault.vaultFile.vaultId)).map((r) => [r.event.type, r.event.actor])).toEqual([['vault-created', 'tamga-app 0.2.0']]);
      } finally {
        vault.close();
      }
    } finally {
      await engine.close();
    }
  });

  it('refuses members it cannot store, naming the member and the reason, and changes nothing', async () => {
    const root = join(await tempDir('tamga-operator-'), 'vault');
    const engine = createEngine({ actor: 'tamga-cli 0.2.0' });
    try {
      const cases: [unknown, string, string][] = [
        [{ name: '   ' }, 'name', 'missing'],
        [{ role: 'observer' }, 'name', 'missing'],
        [{ name: 'x'.repeat(201) }, 'name', 'tooLong'],
        [{ name: 'Aigerim\nSultanova · tamga-cli 9.9.9' }, 'name', 'control'],
        [{ name: 'Aigerim\u202eavonatluS' }, 'name', 'control'],
        [{ name: 'Aigerim · tamga-cli 9.9.9' }, 'name', 'separator'],
        [{ name: 'Aigerim', organisation: 'Bureau\u22c5Almaty' }, 'organisation', 'separator'],
        [{ name: 'Aigerim', role: 42 }, 'role', 'notText'],
        [{ name: 'Aigerim', contact: 'c'.repeat(201) }, 'contact', 'tooLong'],
      ];
      // At creation: refused before anything is made.
      const atCreate = await refusal(engine.createVault({ path: root, passphrase: PASSPHRASE, operator: { name: '' } }));
      expect([atCreate.code, atCreate.details]).toEqual(['INVALID_ARGUMENT', { field: 'name', reason: 'missing' }]);
      await engine.createVault({ path: root, passphrase: PASSPHRASE, operator: { name: 'Aigerim Sultanova' } });
      for (const [input, field, reason] of cases) {
        const error = await refusal(engine.setOperator(input as never));
        expect([error.code, error.details], JSON.stringify(input)).toEqual(['INVALID_ARGUMENT', { field, reason }]);
      }
      expect(await engine.getOperator()).toEqual({ name: 'Aigerim Sultanova' });
      // 200 characters (code points, not UTF-16 units) is allowed.
      const long = '𝒜'.repeat(200);
      expect((await engine.setOperator({ name: long }))?.name).toBe(long);
      await engine.lockVault();
      await engine.unlockVault({ path: root, passphrase: PASSPHRASE, readonly: true });
      const readOnly = await refusal(engine.setOperator({ name: 'Someone' }));
      expect(readOnly.code).toBe('READ_ONLY');
    } finally {
      await engine.close();
    }
  });
});

describe('tamga operator and tamga init --name', () => {
  it('states the operator at init, shows, changes and clears it, and refuses bad input with exit 2', async () => {
    const root = join(await tempDir('tamga-operator-cli-'), 'vault');
    const env = { TAMGA_PASSPHRASE: PASSPHRASE };
    const init = await runTamga(['init', root, '--name', 'Aigerim Sultanova', '--role', 'observer', '--organisation', 'KIBHR', '--contact', 'aigerim@example.org'], env);
    expect([init.code, init.stderr]).toEqual([0, '']);
    expect(init.stdout).toMatch(/^Operator\s+Aigerim Sultanova \(observer, KIBHR\) \(their own statement\)$/m);
    expect(init.stdout).toContain("This is the operator's own statement, signed by the vault key with each event; Tamga does not check anyone's identity.");

    const shown = await runTamga(['operator', root], env);
    expect([shown.code, shown.stderr]).toEqual([0, '']);
    expect(shown.stdout).toMatch(/^Operator\s+Aigerim Sultanova\nRole\s+observer\nOrganisation\s+KIBHR\nContact\s+aigerim@example.org\n/);
    const json = await runTamga(['operator', root, '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual({ name: 'Aigerim Sultanova', role: 'observer', organisation: 'KIBHR', contact: 'aigerim@example.org' });

    const changed = await runTamga(['operator', root, '--name', 'Daniyar Bekov', '--organisation', 'Бюро', '--json'], env);
    expect([changed.code, JSON.parse(changed.stdout) as unknown]).toEqual([0, { name: 'Daniyar Bekov', organisation: 'Бюро' }]);

    const bad = await runTamga(['operator', root, '--name', 'Daniyar · tamga-cli 9.9.9'], env);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('[INVALID_ARGUMENT]')]);
    const noName = await runTamga(['operator', root, '--role', 'observer'], env);
    expect([noName.code, noName.stderr]).toEqual([2, expect.stringContaining('--name')]);
    const both = await runTamga(['operator', root, '--clear', '--name', 'X'], env);
    expect(both.code).toBe(2);

    const cleared = await runTamga(['operator', root, '--clear'], env);
    expect([cleared.code, cleared.stdout]).toEqual([0, expect.stringContaining('Operator cleared')]);
    const none = await runTamga(['operator', root], env);
    expect(none.stdout).toMatch(/^Operator\s+none recorded: custody events name only the tool$/m);

    const vault = await unlockVault(root, PASSPHRASE, { readonly: true });
    try {
      const chain = readChain(vault.db, vaultChainName(vault.vaultFile.vaultId)).map((r) => [r.event.type, r.event.actor]);
      expect(chain).toEqual([
        ['vault-created', `Aigerim Sultanova (observer, KIBHR) · tamga-cli ${TAMGA_VERSION}`],
        ['operator-set', `Aigerim Sultanova (observer, KIBHR) · tamga-cli ${TAMGA_VERSION}`],
        ['operator-set', `Daniyar Bekov (Бюро) · tamga-cli ${TAMGA_VERSION}`],
        ['operator-cleared', `tamga-cli ${TAMGA_VERSION}`],
      ]);
    } finally {
      vault.close();
    }
  });
});
