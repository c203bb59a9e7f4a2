// The vault's append-only custody log (src/main/engine/custody/vault-log.ts) on a real
// vault: every event is a leaf in the order written, its root is the one an independent
// RFC 9162 implementation (tests/helpers/rfc9162.py, Python's hashlib) computes from the
// same event hashes, audit signs a checkpoint that includes its own event, and audit names
// each way history can be rewritten: a chain cut at its end, an event removed from the
// middle with the chain and the log rebuilt and re-signed by the vault's own key, an event
// added to a chain outside the log.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVault } from '../../src/main/engine/audit/audit';
import { noteVerifier, openCheckpoint, parseVerifierKey, vaultLogOrigin } from '../../src/main/engine/custody/checkpoint';
import { appendEvent, readChain } from '../../src/main/engine/custody/store';
import { listCheckpoints, logHead } from '../../src/main/engine/custody/vault-log';
import { describeItems, tagItems } from '../../src/main/engine/organise';
import type { OpenVault } from '../../src/main/engine/vault/vault';
import type { CustodyEventType } from '../../src/shared/custody';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { importPaths, openNewVault } from '../helpers/bundle-export-vault';
import { ROOT, TAMGA_BIN } from '../helpers/child-process';
import { REAL } from '../helpers/fixtures';
import { copyVault, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let vault: OpenVault;
let root: string;
let ids: string[];

beforeAll(async () => {
  ({ vault, root } = await openNewVault());
  const summary = await importPaths(vault, [join(REAL, 'orientation', 'Portrait_6.jpg'), join(REAL, 'exiftool', 'Apple.jpg'), join(REAL, 'exiftool', 'Canon.jpg')]);
  ids = summary.imported.map((f) => f.itemId);
  const ctx = { db: vault.db, signer: vault.signer, actor: vault.actor };
  tagItems(ctx, { items: ids, tags: ['station 12'] });
  describeItems(ctx, { items: [ids[1] ?? ''], title: 'Ballot box' });
}, 60_000);

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

function pythonRoot(eventHashes: readonly string[]): string {
  const run = spawnSync('python3', [join(ROOT, 'tests', 'helpers', 'rfc9162.py')], { input: JSON.stringify({ leaves: eventHashes, roots: [eventHashes.length] }), encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { roots: string[] }).roots[0] ?? '';
}

/** Audits a copy of the vault after `damage`; returns the problem codes. */
async function auditCopy(damage: (copy: OpenVault) => void): Promise<string[]> {
  vault.close();
  const copy = await copyVault(root);
  vault = await unlockVault(root, PASSPHRASE, { actor: 'tamga-test' });
  const damaged = await unlockVault(copy, PASSPHRASE, { actor: 'tamga-test' });
  try {
    damage(damaged);
    const report = await auditVault(damaged);
    return report.problems.map((p) => p.code);
  } finally {
    damaged.close();
  }
}

describe('the custody log of a vault', () => {
  it('holds every event in the order written, with the root an independent implementation computes', () => {
    const leaves = vault.db.prepare('SELECT hash FROM custody_log ORDER BY idx').pluck().all() as string[];
    const events = vault.db.prepare('SELECT hash FROM custody_events ORDER BY rowid').pluck().all() as string[];
    expect(leaves).toEqual(events);
    expect(leaves.length).toBeGreaterThan(7);
    expect(logHead(vault.db)).toEqual({ size: leaves.length, root: pythonRoot(leaves) });
  });

  it('is checked by audit, which then signs a checkpoint that includes the audit itself', async () => {
    const report = await auditVault(vault);
    expect(report.problems).toEqual([]);
    const head = logHead(vault.db);
    expect(report.log).toEqual(head);
    const origin = vaultLogOrigin(vault.vaultFile.vaultId);
    const opened = openCheckpoint(report.checkpoint ?? '', noteVerifier(origin, vault.signer.publicKey), { origin });
    expect(opened).toMatchObject({ ok: true, checkpoint: { origin, size: head.size, root: head.root } });
    const last = vault.db.prepare('SELECT type FROM custody_events ORDER BY rowid DESC LIMIT 1').pluck().get();
    expect(last).toBe('audit');
    expect(listCheckpoints(vault.db).at(-1)).toMatchObject({ size: head.size, reason: 'audit' });
  });

  it('names a chain cut at its end, though the chain alone still verifies', async () => {
    const codes = await auditCopy((copy) => {
      const item = ids[2] ?? '';
      const last = copy.db.prepare('SELECT MAX(seq) FROM custody_events WHERE chain = ?').pluck().get(item) as number;
      // A careful forger removes the event from its chain and from the log.
      copy.db.prepare('DELETE FROM custody_events WHERE chain = ? AND seq = ?').run(item, last);
      copy.db.prepare('DELETE FROM custody_log WHERE chain = ? AND seq = ?').run(item, last);
    });
    expect(codes).not.toContain('SEQ_GAP');
    expect(codes).toContain('LOG_LEAF_MISSING');
    expect(codes).toContain('CHECKPOINT_MISMATCH');
  });

  it('names an event removed from the middle, even when the chain and the whole log are rebuilt and re-signed with the vault key', async () => {
    const codes = await auditCopy((copy) => {
      const item = ids[1] ?? '';
      const kept = readChain(copy.db, item).filter((r) => r.event.type !== 'tagged');
      copy.db.prepare('DELETE FROM custody_events WHERE chain = ?').run(item);
      copy.db.prepare('DELETE FROM custody_log').run();
      copy.db.prepare('DELETE FROM custody_log_nodes').run();
      const others = copy.db.prepare('SELECT chain, seq, hash FROM custody_events ORDER BY rowid').all() as { chain: string; seq: number; hash: string }[];
      others.forEach((row, i) => copy.db.prepare('INSERT INTO custody_log (idx, chain, seq, hash) VALUES (?, ?, ?, ?)').run(i, row.chain, row.seq, row.hash));
      for (const r of kept) appendEvent(copy.db, copy.signer, { chain: item, type: r.event.type as CustodyEventType, actor: r.event.actor, at: r.event.at, data: r.event.data });
    });
    // Every chain verifies and the log agrees with them: only the checkpoints signed before show the rewrite.
    expect(codes).toEqual(['CHECKPOINT_MISMATCH']);
  });

  it('names an event added to a chain outside the log', async () => {
    const codes = await auditCopy((copy) => {
      const item = ids[0] ?? '';
      appendEvent(copy.db, copy.signer, { chain: item, type: 'tagged', actor: 'tamga-test', data: { tag: 'forged', old: [], new: ['forged'] } });
      copy.db.prepare('DELETE FROM custody_log WHERE idx = (SELECT MAX(idx) FROM custody_log)').run();
    });
    expect(codes).toContain('LOG_EVENT_MISSING');
  });

  it('signs a checkpoint on request (tamga checkpoint), which any C2SP signed-note verifier can check with the printed key', async () => {
    vault.close();
    const dir = await tempDir();
    await writeFile(join(dir, 'pass'), PASSPHRASE);
    const run = spawnSync(process.execPath, [TAMGA_BIN, 'checkpoint', root, '--json', '--out', join(dir, 'cp.txt'), '--passphrase-file', join(dir, 'pass')], { encoding: 'utf8' });
    vault = await unlockVault(root, PASSPHRASE, { actor: 'tamga-test' });
    expect(run.status, run.stderr).toBe(0);
    const made = JSON.parse(run.stdout) as { note: string; origin: string; size: number; root: string; verifierKey: string };
    expect(await readFile(join(dir, 'cp.txt'), 'utf8')).toBe(made.note);
    expect({ size: made.size, root: made.root }).toEqual(logHead(vault.db));
    expect(openCheckpoint(made.note, parseVerifierKey(made.verifierKey), { origin: made.origin })).toMatchObject({ ok: true, checkpoint: { size: made.size } });
    expect(listCheckpoints(vault.db).at(-1)).toMatchObject({ reason: 'request', note: made.note });
  });
});
