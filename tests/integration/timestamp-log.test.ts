// Trusted time for the custody log itself: `tamga timestamp` also gets RFC 3161 tokens
// over a checkpoint of the vault's log (its signed note) from real TSAs on loopback, one
// down. The token dates every event the log held, exported or not; it is kept on the
// vault chain; `--log-out` hands the stamped checkpoint to someone, who checks it with
// `openssl ts -verify` and later checks a bundle against it with `verify --since`; a run
// with nothing new asks nothing; and audit names a kept token that was edited or dropped.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../src/shared/bundle';
import type { AuditReport } from '../../src/shared/items';
import type { StampResult } from '../../src/shared/timestamp';
import { noteVerifier, openCheckpoint, vaultLogOrigin } from '../../src/main/engine/custody/checkpoint';
import { readChain } from '../../src/main/engine/custody/store';
import { parseTimestamp } from '../../src/main/engine/timestamp/response';
import { vaultChainName } from '../../src/shared/custody';
import { unlockVault } from '../../src/main/engine/vault/vault';
import { runTamga } from '../helpers/child-process';
import { importPaths, openNewVault, shell, writePhoto } from '../helpers/bundle-export-vault';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';
import { createTestPki, refusedUrl, type TestPki, type TestTsa } from '../helpers/tsa-server';

const env = { TAMGA_PASSPHRASE: PASSPHRASE };
let pki: TestPki;
let tsa: TestTsa;
let downUrl: string;
let root: string;
let vaultId: string;
let publicKey: Uint8Array;
let src: string;
let work: string;

async function stamp(...urls: string[]): Promise<{ code: number | null; result: StampResult }> {
  const run = await runTamga(['timestamp', root, ...urls.flatMap((u) => ['--tsa', u]), '--json'], env);
  expect(run.stderr).toBe('');
  return { code: run.code, result: JSON.parse(run.stdout) as StampResult };
}

async function importOne(name: string, seed: number): Promise<void> {
  const run = await runTamga(['import', root, await writePhoto(src, { name, seed })], env);
  expect(run.code).toBe(0);
}

async function audit(): Promise<AuditReport> {
  const run = await runTamga(['audit', root, '--json'], env);
  return JSON.parse(run.stdout) as AuditReport;
}

beforeAll(async () => {
  pki = await createTestPki();
  tsa = await pki.startTsa({ key: 'rsa' });
  downUrl = await refusedUrl();
  const opened = await openNewVault();
  root = opened.root;
  vaultId = opened.vault.vaultFile.vaultId;
  publicKey = opened.vault.signer.publicKey;
  src = await tempDir('tamga-tslog-src-');
  await importPaths(opened.vault, [await writePhoto(src, { name: 'a.jpg', seed: 11 })]);
  opened.vault.close();
  work = await tempDir('tamga-tslog-');
}, 120_000);

afterAll(async () => {
  await pki.dispose();
  await removeTempDirs();
});

describe('timestamps over the custody log', () => {
  it('a vault that sealed nothing still gets its log stamped: every event so far is dated, the server down records nothing', async () => {
    const { code, result } = await stamp(tsa.url, downUrl);
    expect(code).toBe(1);
    expect(result.outcomes).toEqual([]); // no seal yet
    expect(result.log).toEqual([
      expect.objectContaining({ tsa: tsa.url, ok: true, genTime: expect.any(String) }),
      expect.objectContaining({ tsa: downUrl, ok: false, error: expect.objectContaining({ code: 'TSA_UNREACHABLE' }) }),
    ]);
    const stamped = result.log[0];

    const vault = await unlockVault(root, PASSPHRASE, { readonly: true });
    try {
      // The checkpoint stamped holds every event written before (vault-created, the import's).
      const events = vault.db.prepare('SELECT COUNT(*) FROM custody_events').pluck().get() as number;
      expect(stamped?.size).toBe(events - 1); // all but the timestamped event recorded after it
      const checkpoint = vault.db.prepare("SELECT id, size, root, note, reason FROM checkpoints WHERE reason = 'timestamp'").all() as { size: number; root: string; note: string }[];
      expect(checkpoint).toHaveLength(1);
      expect(checkpoint[0]).toMatchObject({ size: stamped?.size, root: stamped?.root });
      // On the vault chain: the note, its size and root, and the TSA's whole answer.
      const onChain = readChain(vault.db, vaultChainName(vaultId)).filter((e) => e.event.type === 'timestamped');
      expect(onChain).toHaveLength(1);
      const data = onChain[0]?.event.data as { checkpoint: string; size: number; root: string; tsa: string; tokenSha256: string; token: string };
      expect(data).toMatchObject({ checkpoint: checkpoint[0]?.note, size: stamped?.size, root: stamped?.root, tsa: tsa.url, tokenSha256: stamped?.tokenSha256 });
      const opened = openCheckpoint(data.checkpoint, noteVerifier(vaultLogOrigin(vaultId), publicKey), { origin: vaultLogOrigin(vaultId) });
      expect(opened).toMatchObject({ ok: true, checkpoint: { size: stamped?.size, root: stamped?.root } });
      // The token is over the note's exact UTF-8 bytes.
      const token = Buffer.from(data.token, 'base64');
      expect(createHash('sha256').update(token).digest('hex')).toBe(data.tokenSha256);
      const imprint = parseTimestamp(new Uint8Array(token)).token?.tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView;
      expect(Buffer.from(imprint ?? []).toString('hex')).toBe(createHash('sha256').update(data.checkpoint, 'utf8').digest('hex'));
    } finally {
      vault.close();
    }
  });

  it('asks nothing again while only timestamps were written; a new import makes the log wait again', async () => {
    const before = tsa.requests();
    const again = await stamp(tsa.url);
    expect(again.code).toBe(0);
    expect(again.result.log).toEqual([]);
    expect(tsa.requests()).toBe(before);

    await importOne('b.jpg', 12);
    const later = await stamp(tsa.url);
    expect(later.code).toBe(0);
    expect(later.result.log).toEqual([expect.objectContaining({ tsa: tsa.url, ok: true })]);
    expect(later.result.log[0]?.size).toBeGreaterThan(0);
    expect(tsa.requests()).toBe(before + 1);
  });

  it('--log-out hands over the stamped checkpoint: openssl ts -verify accepts it, and a later bundle is checked against it with --since', async () => {
    const out = join(work, 'log');
    const run = await runTamga(['timestamp', root, '--log-out', out], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const note = await readFile(join(out, 'checkpoint.txt'), 'utf8');
    expect(note.startsWith(`${vaultLogOrigin(vaultId)}\n`)).toBe(true);
    const ca = join(work, 'ca.pem');
    await writeFile(ca, pki.caPem);
    // As the recipient runs it, the TSA's root brought by them.
    const verified = shell(out, `openssl ts -verify -data checkpoint.txt -in checkpoint.txt.tsr -CAfile ${ca}`);
    expect(verified.stdout).toContain('Verification: OK');
    expect(shell(out, 'openssl ts -reply -in checkpoint.txt.tsr -text').stdout).toContain('Status: Granted.');
    expect((await readFile(join(out, 'checkpoint.txt.tsa-chain.pem'), 'utf8')).startsWith(tsa.certPem)).toBe(true);

    const exported = await runTamga(['export', root, '--query', 'b.jpg', '--out', join(work, 'bundle'), '--json'], env);
    expect(exported.code).toBe(0);
    const bundle = JSON.parse(exported.stdout) as ExportResult;
    const since = await runTamga(['verify', bundle.outPath, '--key', bundle.keyFingerprint, '--since', join(out, 'checkpoint.txt'), '--json'], { HOME: work });
    expect(since.code).toBe(0);
    expect(JSON.parse(since.stdout)).toMatchObject({ valid: true, since: { consistent: true } });
  });

  it('audit checks every kept token again: clean as made, and one edited or dropped in the index is named', async () => {
    expect((await audit()).problems.filter((p) => p.code.startsWith('TIMESTAMP'))).toEqual([]);

    // Edit the index as someone holding the passphrase could: a token's bytes, then a token gone.
    const vault = await unlockVault(root, PASSPHRASE);
    const db = vault.db;
    const row = db.prepare('SELECT id, response FROM checkpoint_timestamps ORDER BY id LIMIT 1').get() as { id: number; response: Buffer };
    const damaged = Buffer.from(row.response);
    damaged[damaged.length - 1] = (damaged[damaged.length - 1] ?? 0) ^ 0x01;
    db.prepare('UPDATE checkpoint_timestamps SET response = ? WHERE id = ?').run(damaged, row.id);
    vault.close();
    const edited = (await audit()).problems.filter((p) => p.code.startsWith('TIMESTAMP'));
    // Its recorded SHA-256, its event, the check over the note, and the chain's token now unmatched.
    expect(edited.map((p) => p.code).sort()).toEqual(['TIMESTAMP_INVALID', 'TIMESTAMP_MISMATCH', 'TIMESTAMP_MISMATCH', 'TIMESTAMP_MISMATCH']);
    expect(edited.find((p) => p.code === 'TIMESTAMP_INVALID')?.message).toContain(`The timestamp by ${tsa.url} over checkpoint ${row.id} of the custody log`);

    const again = await unlockVault(root, PASSPHRASE);
    again.db.prepare('DELETE FROM checkpoint_timestamps WHERE id = ?').run(row.id);
    again.close();
    const dropped = (await audit()).problems.filter((p) => p.code.startsWith('TIMESTAMP'));
    expect(dropped).toEqual([expect.objectContaining({ code: 'TIMESTAMP_MISMATCH', message: expect.stringContaining('that the index no longer keeps') })]);
  });
});
