// The custody log in a bundle (docs/formats.md, "Custody log in a bundle"): a real export
// carries the checkpoint its vault signed right after logging the export and, per exhibit,
// the export's own event with its inclusion proof; an independent RFC 9162 implementation
// (Python's hashlib, tests/helpers/rfc9162.py) agrees with every proof and with the root.
// Each way of breaking it is named by `tamga verify`, with the key pinned: a changed proof,
// a checkpoint by another key, a removed file, and a custody log cut at its end and
// re-sealed with the vault's own key, which the chain alone would not show.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as L from '../../src/main/engine/bundle/layout';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { signCheckpoint, vaultLogOrigin } from '../../src/main/engine/custody/checkpoint';
import { custodyLeafHash } from '../../src/main/engine/custody/merkle';
import { newSigningSeed, signerFromSeed } from '../../src/main/engine/crypto/signing';
import { tagItems } from '../../src/main/engine/organise';
import { appendEvent, readChain } from '../../src/main/engine/custody/store';
import { fillLogNodes } from '../../src/main/engine/custody/vault-log';
import type { CustodyEventType } from '../../src/shared/custody';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { importPaths, openNewVault } from '../helpers/bundle-export-vault';
import { problemCodes, verifyInSandbox } from '../helpers/bundle-verify-cli';
import { seal, writeBundleDir, type BundleFiles } from '../helpers/bundle-verify-fixture';
import { ROOT } from '../helpers/child-process';
import { REAL } from '../helpers/fixtures';
import { copyVault, listFiles, PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

let vault: OpenVault;
let root: string;
let ids: string[];
let bundle: string;
let key: string[];

beforeAll(async () => {
  ({ vault, root } = await openNewVault());
  const summary = await importPaths(vault, [join(REAL, 'orientation', 'Portrait_6.jpg'), join(REAL, 'exiftool', 'Apple.jpg')]);
  ids = summary.imported.map((f) => f.itemId);
  tagItems({ db: vault.db, signer: vault.signer, actor: vault.actor }, { items: ids, tags: ['station 12'] });
  bundle = join(await tempDir(), 'bundle');
  await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: bundle, recipient: 'Court' });
  key = ['--key', vault.vaultFile.signing.fingerprint];
}, 60_000);

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

async function readBundle(root: string): Promise<BundleFiles> {
  const files: BundleFiles = new Map();
  for (const path of await listFiles(root)) files.set(relative(root, path).split('\\').join('/'), await readFile(path));
  return files;
}

/** A copy of the bundle after `change`, written to a new folder. */
async function changed(change: (files: BundleFiles) => void): Promise<string> {
  const files = await readBundle(bundle);
  change(files);
  return writeBundleDir(join(await tempDir(), 'changed'), files);
}

interface ProofLine {
  readonly exhibit: string | null;
  readonly index: number;
  readonly proof: string[];
  readonly record: { readonly hash: string; readonly event: { readonly seq: number; readonly prev: string } };
}

const proofLines = (files: BundleFiles): ProofLine[] => (files.get(L.CUSTODY_PROOFS)?.toString('utf8') ?? '').trimEnd().split('\n').map((l) => JSON.parse(l) as ProofLine);

describe('a bundle carries its custody log', () => {
  it('verifies, naming the checkpoint, and an independent implementation agrees with every proof and the root', async () => {
    const run = await verifyInSandbox(bundle, key);
    expect(run.report.problems).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report.notes).toEqual([]);
    const leaves = vault.db.prepare('SELECT hash FROM custody_log ORDER BY idx').pluck().all() as string[];
    const { custodyLog } = run.report;
    expect(custodyLog?.origin).toBe(vaultLogOrigin(vault.vaultFile.vaultId));
    // The checkpoint was signed right after the export's events: all of them are in it.
    expect(custodyLog?.size).toBe(leaves.length);
    const lines = proofLines(await readBundle(bundle));
    expect(lines.map((l) => l.exhibit)).toEqual(['E0001', 'E0002', null]);
    const request = {
      leaves: leaves.slice(0, custodyLog?.size),
      roots: [custodyLog?.size],
      verifyInclusion: lines.map((l) => ({ leafHash: custodyLeafHash(l.record.hash).toString('hex'), index: l.index, size: custodyLog?.size, proof: l.proof, root: custodyLog?.root })),
    };
    const python = spawnSync('python3', [join(ROOT, 'tests', 'helpers', 'rfc9162.py')], { input: JSON.stringify(request), encoding: 'utf8' });
    expect(python.status, python.stderr).toBe(0);
    expect(JSON.parse(python.stdout)).toMatchObject({ roots: [custodyLog?.root], verifyInclusion: [true, true, true] });
  });

  it('names a changed proof on its exhibit', async () => {
    const copy = await changed((files) => {
      const lines = proofLines(files);
      const first = lines[0];
      if (first?.proof[0] !== undefined) first.proof[0] = `${first.proof[0].slice(0, 63)}${first.proof[0].endsWith('0') ? '1' : '0'}`;
      // Written back as one JSON line each (the check reads values, not bytes).
      files.set(L.CUSTODY_PROOFS, Buffer.from(lines.map((l) => `${JSON.stringify(l)}\n`).join('')));
    });
    const run = await verifyInSandbox(copy, key);
    expect(problemCodes(run.report)).toEqual(['LOG_PROOF_MISMATCH']);
    expect(run.report.exhibits.map((e) => e.status)).toEqual(['FAIL', 'PASS']);
    expect(run.report.problems[0]?.message).toMatch(/inclusion proof does not lead to the checkpoint's root/);
  });

  it('names a checkpoint signed by another key', async () => {
    const stranger = signerFromSeed(newSigningSeed());
    const copy = await changed((files) => {
      files.set(L.CUSTODY_CHECKPOINT, Buffer.from(signCheckpoint({ origin: vaultLogOrigin(vault.vaultFile.vaultId), size: 3, root: 'ab'.repeat(32), extensions: [] }, stranger)));
    });
    const run = await verifyInSandbox(copy, key);
    expect(problemCodes(run.report)).toEqual(['LOG_CHECKPOINT_INVALID']);
    expect(run.report.custodyLog).toBeNull();
  });

  it('names a removed proofs file, and the count README-VERIFY states', async () => {
    const copy = await changed((files) => void files.delete(L.CUSTODY_PROOFS));
    const run = await verifyInSandbox(copy, key);
    expect(new Set(problemCodes(run.report))).toEqual(new Set(['LOG_PROOFS_INVALID', 'README_VERIFY_MISMATCH', 'REPORT_PDF_MISMATCH']));
    const both = await changed((files) => {
      files.delete(L.CUSTODY_PROOFS);
      files.delete(L.CUSTODY_CHECKPOINT);
    });
    const stripped = await verifyInSandbox(both, key);
    expect(new Set(problemCodes(stripped.report))).toEqual(new Set(['README_VERIFY_MISMATCH', 'REPORT_PDF_MISMATCH']));
    expect(stripped.report.notes.map((n) => n.code)).toEqual(['NO_CUSTODY_LOG']);
  });

  it("names a custody log cut at its end and re-sealed with the vault's own key, which the chain alone does not show", async () => {
    const copy = await changed((files) => {
      const path = L.custodyFile('E0001');
      const lines = (files.get(path)?.toString('utf8') ?? '').trimEnd().split('\n');
      files.set(path, Buffer.from(`${lines.slice(0, -1).join('\n')}\n`));
      // exhibits.json repeats the count and the head: a careful forger fixes those too.
      const list = JSON.parse(files.get(L.EXHIBITS_JSON)?.toString('utf8') ?? '{}') as { exhibits: { custody: { events: number; head: string } }[] };
      const entry = list.exhibits[0];
      if (entry !== undefined) entry.custody = { ...entry.custody, events: lines.length - 1, head: (JSON.parse(lines.at(-2) ?? '{}') as { hash: string }).hash };
      files.set(L.EXHIBITS_JSON, Buffer.from(`${JSON.stringify(list, null, 2)}\n`));
      seal(files, vault.signer);
    });
    const run = await verifyInSandbox(copy, key);
    const codes = problemCodes(run.report);
    expect(codes).toContain('LOG_PROOF_MISMATCH');
    expect(codes.some((c) => c.startsWith('CUSTODY_'))).toBe(false);
    expect(run.report.problems.find((p) => p.code === 'LOG_PROOF_MISMATCH')?.message).toMatch(/not the one this export continued/);
    expect(run.report.exhibits[0]?.status).toBe('FAIL');
  });

  it('says on the vault chain that an export was abandoned when the bundle could not be finished after it was logged', async () => {
    const target = join(await tempDir(), 'taken');
    const onProgress = (p: { phase: string }): void => {
      // The name the user chose appears while the bundle is sealed: the move under it must fail.
      if (p.phase === 'sealing') mkdirSync(target);
    };
    await expect(exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: target }, { onProgress })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const last = vault.db.prepare("SELECT type, event_json FROM custody_events WHERE chain LIKE 'vault:%' ORDER BY seq DESC LIMIT 2").all() as { type: string; event_json: string }[];
    expect(last.map((e) => e.type)).toEqual(['export-abandoned', 'exported']);
    const abandoned = JSON.parse(last[0]?.event_json ?? '{}') as { data: { bundleId: string; reason: string } };
    const exported = JSON.parse(last[1]?.event_json ?? '{}') as { data: { bundleId: string } };
    expect(abandoned.data.bundleId).toBe(exported.data.bundleId);
    expect(abandoned.data.reason).toMatch(/exists already/);
    // Nothing is left but the folder that was there; no partial sibling.
    expect(readdirSync(join(target, '..'))).toEqual(['taken']);
    expect(readdirSync(target)).toEqual([]);
  });

  it('is absent from a bundle of a vault open read-only, which says so in a note', async () => {
    vault.close();
    const out = join(await tempDir(), 'read-only');
    const readonly = await unlockVault(root, PASSPHRASE, { readonly: true });
    try {
      const result = await exportBundle(readonly, { selection: { kind: 'items', items: ids }, outPath: out });
      expect(result.recorded).toBe(false);
    } finally {
      readonly.close();
      vault = await unlockVault(root, PASSPHRASE, { actor: 'tamga-test' });
    }
    const files = await readBundle(out);
    expect(files.has(L.CUSTODY_CHECKPOINT) || files.has(L.CUSTODY_PROOFS)).toBe(false);
    const run = await verifyInSandbox(out, key);
    expect(run.report.problems).toEqual([]);
    expect(run.report.notes.map((n) => n.code)).toEqual(['NO_CUSTODY_LOG']);
  });
});

describe('tamga verify NEW --since OLD', () => {
  it('accepts a later bundle of the same vault, against the earlier bundle or its checkpoint file', async () => {
    tagItems({ db: vault.db, signer: vault.signer, actor: vault.actor }, { items: ids, tags: ['later'] });
    const later = join(await tempDir(), 'later');
    await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: later });
    const run = await verifyInSandbox(later, [...key, '--since', bundle]);
    expect(run.report.problems).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report.since).toMatchObject({ path: bundle, consistent: true });
    const checkpointFile = join(await tempDir(), 'old.checkpoint');
    await writeFile(checkpointFile, await readFile(join(bundle, L.CUSTODY_CHECKPOINT)));
    const fromFile = await verifyInSandbox(later, [...key, '--since', checkpointFile]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.report.since?.consistent).toBe(true);
    // The wrong way round: the earlier bundle does not extend the later one.
    const backwards = await verifyInSandbox(bundle, [...key, '--since', later]);
    expect(problemCodes(backwards.report)).toEqual(['LOG_FORK']);
  });

  it('names a fork: a vault restored from an older copy that went on and exported', async () => {
    vault.close();
    const older = await copyVault(root);
    vault = await unlockVault(root, PASSPHRASE, { actor: 'tamga-test' });
    // The original goes on and exports (checkpoint A); the older copy, restored, goes on differently (B).
    const a = join(await tempDir(), 'a');
    await exportBundle(vault, { selection: { kind: 'items', items: ids }, outPath: a });
    const restored = await unlockVault(older, PASSPHRASE, { actor: 'tamga-test' });
    const b = join(await tempDir(), 'b');
    try {
      tagItems({ db: restored.db, signer: restored.signer, actor: restored.actor }, { items: ids, tags: ['restored'] });
      await exportBundle(restored, { selection: { kind: 'items', items: ids }, outPath: b });
    } finally {
      restored.close();
    }
    // Each bundle verifies alone: only comparing them shows the fork, naming both checkpoints.
    expect((await verifyInSandbox(b, key)).code).toBe(0);
    const run = await verifyInSandbox(b, [...key, '--since', a]);
    expect(problemCodes(run.report)).toEqual(['LOG_FORK']);
    expect(run.report.problems[0]?.message).toMatch(/The two checkpoints: the earlier checkpoint \(.*: \d+ events, root [0-9a-f]{64}\) and this bundle's \(\d+ events, root [0-9a-f]{64}\)/);
  });

  it('names a vault that rewrote its history before exporting, even without --since', async () => {
    vault.close();
    const copy = await copyVault(root);
    vault = await unlockVault(root, PASSPHRASE, { actor: 'tamga-test' });
    const rewritten = await unlockVault(copy, PASSPHRASE, { actor: 'tamga-test' });
    const out = join(await tempDir(), 'rewritten');
    try {
      // Drop one item's 'tagged' events, re-sign its chain and rebuild the whole log, as a forger with the key would.
      const item = ids[0] ?? '';
      const kept = readChain(rewritten.db, item).filter((r) => r.event.type !== 'tagged');
      rewritten.db.prepare('DELETE FROM custody_events WHERE chain = ?').run(item);
      rewritten.db.prepare('DELETE FROM custody_log').run();
      for (const r of kept) appendEvent(rewritten.db, rewritten.signer, { chain: item, type: r.event.type as CustodyEventType, actor: r.event.actor, at: r.event.at, data: r.event.data });
      const order = rewritten.db.prepare('SELECT chain, seq, hash FROM custody_events ORDER BY rowid').all() as { chain: string; seq: number; hash: string }[];
      rewritten.db.prepare('DELETE FROM custody_log').run();
      rewritten.db.prepare('DELETE FROM custody_log_nodes').run();
      order.forEach((row, idx) => rewritten.db.prepare('INSERT INTO custody_log (idx, chain, seq, hash) VALUES (?, ?, ?, ?)').run(idx, row.chain, row.seq, row.hash));
      fillLogNodes(rewritten.db);
      await exportBundle(rewritten, { selection: { kind: 'items', items: ids }, outPath: out });
    } finally {
      rewritten.close();
    }
    const run = await verifyInSandbox(out, [...key, '--since', bundle]);
    // Its own earlier checkpoints are not prefixes of its log any more, and neither is the earlier bundle's.
    expect(new Set(problemCodes(run.report))).toEqual(new Set(['LOG_FORK']));
    expect(run.report.problems.length).toBeGreaterThan(1);
  });
});
