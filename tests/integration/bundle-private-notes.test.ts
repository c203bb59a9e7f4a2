// Private fields never leave the vault. A canary is planted in the notes of items, once the
// way this version writes them (a salted commitment in the custody event) and once the
// way Tamga 0.1.0 did (the text itself in a signed `described` event, which cannot be
// rewritten), and in a description written in the clear and then marked private and
// changed; all are exported as a folder and as a zip, and every byte of the bundle is
// searched for the canaries in UTF-8 and UTF-16. The bundle still verifies, saying which
// events were withheld; the owner still sees the text, and proves it with `tamga reveal`
// (checked by Python's hashlib, not by Tamga's code).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvent } from '../../src/main/engine/custody/store';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { describeItems } from '../../src/main/engine/organise';
import { commitment, keptCommitment } from '../../src/main/engine/organise/private-fields';
import { itemDescription } from '../../src/main/engine/organise/describe';
import { readChain } from '../../src/main/engine/custody/store';
import type { OpenVault } from '../../src/main/engine/vault/vault';
import { importPaths, openNewVault } from '../helpers/bundle-export-vault';
import { verifyInSandbox } from '../helpers/bundle-verify-cli';
import { REAL } from '../helpers/fixtures';
import { TAMGA_BIN } from '../helpers/child-process';
import { listFiles, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';
import type { RevealedField } from '../../src/shared/organise';

const CANARY = 'CANARY-7f3a Свидетель Айгерим, тел. +7 701 000 0000';
const LEGACY_CANARY = 'LEGACY-CANARY-91c2 источник в акимате';
const DESCRIPTION_CANARY = 'DESC-CANARY-4be0 фамилия потерпевшего';
const PRIVATE_DESCRIPTION_CANARY = 'PRIVDESC-CANARY-d17a адрес свидетеля';

let vault: OpenVault;
let vaultRoot: string;
let ids: string[];
let out: string;

beforeAll(async () => {
  ({ vault, root: vaultRoot } = await openNewVault());
  const summary = await importPaths(vault, [join(REAL, 'orientation', 'Portrait_6.jpg'), join(REAL, 'exiftool', 'Apple.jpg'), join(REAL, 'exiftool', 'Canon.jpg')]);
  ids = summary.imported.map((f) => f.itemId);
  const ctx = { db: vault.db, signer: vault.signer, actor: vault.actor };
  describeItems(ctx, { items: [ids[0] ?? ''], title: 'PS 660', notes: CANARY });
  describeItems(ctx, { items: [ids[0] ?? ''], notes: `${CANARY} (checked twice)` });
  // Tamga 0.1.0's way: the note's text in the signed event itself.
  vault.db.prepare('UPDATE items SET notes = ? WHERE id = ?').run(LEGACY_CANARY, ids[1]);
  appendEvent(vault.db, vault.signer, { chain: ids[1] ?? '', type: 'described', actor: 'tamga-cli 0.1.0', data: { changes: { notes: { old: '', new: LEGACY_CANARY } } } });
  describeItems(ctx, { items: [ids[1] ?? ''], title: 'After the legacy note' });
  // A description first written in the clear, then made private and changed in one act.
  describeItems(ctx, { items: [ids[2] ?? ''], description: DESCRIPTION_CANARY });
  describeItems(ctx, { items: [ids[2] ?? ''], descriptionPrivate: true, description: PRIVATE_DESCRIPTION_CANARY });
  out = await tempDir();
  await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: join(out, 'bundle') });
  await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: join(out, 'bundle.zip') });
  execFileSync('python3', ['-m', 'zipfile', '-e', join(out, 'bundle.zip'), join(out, 'unzipped')]);
}, 120_000);

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

function holds(bytes: Buffer, text: string): boolean {
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(JSON.stringify(text).slice(1, -1), 'utf8')].some((needle) => bytes.includes(needle))
    || bytes.includes(Buffer.from(text.slice(0, 14), 'utf8'));
}

describe('private notes', () => {
  it('appear nowhere in the folder, the zip or the zip’s entries', async () => {
    const files = [...(await listFiles(join(out, 'bundle'))), join(out, 'bundle.zip'), ...(await listFiles(join(out, 'unzipped')))];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const bytes = await readFile(file);
      expect(holds(bytes, CANARY), file).toBe(false);
      expect(holds(bytes, LEGACY_CANARY), file).toBe(false);
      expect(holds(bytes, DESCRIPTION_CANARY), file).toBe(false);
      expect(holds(bytes, PRIVATE_DESCRIPTION_CANARY), file).toBe(false);
    }
    // The search itself can find what it looks for: the title is exported.
    expect(holds(await readFile(join(out, 'bundle', 'metadata', 'exhibits.json')), 'After the legacy note')).toBe(true);
  });

  it('are recorded as commitments the owner can open, and stay readable in the vault', () => {
    const described = readChain(vault.db, ids[0] ?? '').filter((r) => r.event.type === 'described');
    expect(described).toHaveLength(2);
    for (const [i, record] of described.entries()) {
      const change = (record.event.data as { changes: Record<string, Record<string, string>> }).changes['notes'] ?? {};
      expect(Object.keys(change)).toEqual(['commitment']);
      const kept = keptCommitment(vault.db, ids[0] ?? '', record.event.seq, 'notes');
      expect(kept?.salt).toHaveLength(32);
      expect(kept?.value).toBe(i === 0 ? CANARY : `${CANARY} (checked twice)`);
      expect(change['commitment']).toBe(commitment(kept?.salt ?? Buffer.alloc(0), kept?.value ?? ''));
    }
    expect(itemDescription(vault.db, ids[0] ?? '').notes).toBe(`${CANARY} (checked twice)`);
    expect(itemDescription(vault.db, ids[1] ?? '').notes).toBe(LEGACY_CANARY);
  });

  it('leave a bundle that verifies, the legacy event counted as withheld, never as checked', async () => {
    for (const bundle of [join(out, 'bundle'), join(out, 'bundle.zip')]) {
      const run = await verifyInSandbox(bundle, ['--key', vault.vaultFile.signing.fingerprint]);
      expect(run.report.problems).toEqual([]);
      expect(run.code).toBe(0);
      const [plain, legacy, described] = run.report.exhibits;
      expect(plain).toMatchObject({ status: 'PASS', custodyWithheld: 0 });
      expect(legacy).toMatchObject({ status: 'PASS', custodyWithheld: 1 });
      // The clear description's event is withheld; the one that made it private commits to the new text.
      expect(described).toMatchObject({ status: 'PASS', custodyWithheld: 1 });
      expect(legacy?.summary).toMatch(/1 of them withheld: signed and linked, but their contents \(text the sender keeps private: notes, or a description marked private\) stayed in the sender's vault and were not checked/);
    }
  });

  it('are proved by tamga reveal: the text and salt whose commitment the signed event records', async () => {
    const chain = readChain(vault.db, ids[2] ?? '');
    const event = chain.find((r) => r.event.type === 'described' && 'commitment' in ((r.event.data as { changes: Record<string, object> }).changes['description'] ?? {}));
    expect(event?.event.data).toMatchObject({ changes: { descriptionPrivate: { old: false, new: true } } });
    const passphrase = join(out, 'passphrase');
    await writeFile(passphrase, PASSPHRASE);
    const revealed = JSON.parse(execFileSync(process.execPath, [TAMGA_BIN, 'reveal', vaultRoot, ids[2] ?? '', '--field', 'description', '--event', String(event?.event.seq), '--passphrase-file', passphrase], { encoding: 'utf8' })) as RevealedField;
    expect(revealed).toMatchObject({ itemId: ids[2], field: 'description', value: PRIVATE_DESCRIPTION_CANARY, eventHash: event?.hash });
    // An independent check, as the one who receives the reveal would make it.
    const check = `import hashlib,sys; print(hashlib.sha256(b"tamga private field v1\\n" + bytes.fromhex(sys.argv[1]) + sys.argv[2].encode()).hexdigest())`;
    const python = execFileSync('python3', ['-c', check, revealed.salt, revealed.value], { encoding: 'utf8' }).trim();
    const signed = (event?.event.data as { changes: Record<string, { commitment: string }> }).changes['description']?.commitment;
    expect(python).toBe(signed);
    expect(revealed.commitment).toBe(signed);
    // The clear text of before is not a commitment: nothing to reveal there.
    const clear = chain.find((r) => r.event.type === 'described' && 'new' in ((r.event.data as { changes: Record<string, object> }).changes['description'] ?? {}));
    const refused = spawnSync(process.execPath, [TAMGA_BIN, 'reveal', vaultRoot, ids[2] ?? '', '--field', 'description', '--event', String(clear?.event.seq), '--passphrase-file', passphrase], { encoding: 'utf8' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/does not commit to its description/);
  });
});
