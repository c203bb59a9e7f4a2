/**
 * Trusted time for the vault's custody log (docs/formats.md, "Timestamps", "The custody
 * log's timestamps"). A token over a seal dates one bundle; a token over a checkpoint
 * dates every event the log held at that size, exported or not: an import, a description,
 * an audit. A court can then be shown "this file was in the vault no later than T" long
 * before anything was sealed, and the log's consistency proofs carry that date forward to
 * every later checkpoint (a later log holds the stamped one as its prefix).
 *
 * WHAT IS STAMPED: the checkpoint's signed note, its exact UTF-8 bytes as kept
 * (checkpoints.note; `openssl ts -query -data checkpoint.txt -sha256 -cert` asks the same).
 * The note holds the vault key's signature over the body, so the token dates the signature
 * too: whoever takes the key later cannot give a rewritten log an earlier date.
 *
 * WHICH CHECKPOINT: the log as it is when this runs (after the seals' tokens are recorded),
 * one checkpoint for every server asked: the newest checkpoint when it holds every event,
 * else a new one (reason 'timestamp'). A server is asked only when its newest token over a
 * checkpoint stops short of the newest event that is not itself `timestamped`: recording a
 * token appends an event, and that must not make the log look unstamped forever.
 *
 * Each token is checked over the note (imprint, nonce, signature; not its chain, as for
 * seals), then kept whole in checkpoint_timestamps (schema 13) and on the vault chain in a
 * `timestamped` event that carries the note, the log's size and root and the token, in one
 * transaction. A server that fails records nothing and does not stop the others.
 */
import { createHash } from 'node:crypto';
import type { CheckpointStampOutcome } from '../../../shared/timestamp';
import { vaultChainName } from '../../../shared/custody';
import type { TamgaErrorData } from '../../../shared/errors';
import { appendEvent } from '../custody/store';
import { makeCheckpoint } from '../custody/vault-log';
import type { IndexDb } from '../db/open-index';
import type { OpenVault } from '../vault/vault';
import { requestTimestamps, type TsaOptions } from './client';
import type { TimestampFacts } from './token';

/** The index schema that keeps checkpoint tokens (migration 0013). */
export const CHECKPOINT_STAMPS_SCHEMA = 13;

/** One past the newest leaf that is not a `timestamped` event: what a token over the log must cover. */
export function sizeToStamp(db: IndexDb): number {
  return (
    db
      .prepare<[], number>(
        `SELECT COALESCE(MAX(l.idx) + 1, 0) FROM custody_log l
         JOIN custody_events e ON e.chain = l.chain AND e.seq = l.seq
         WHERE e.type != 'timestamped'`,
      )
      .pluck()
      .get() ?? 0
  );
}

/** The largest log size a server's tokens already cover (0: none). */
function coveredBy(db: IndexDb, tsa: string): number {
  return (
    db
      .prepare<[string], number>('SELECT COALESCE(MAX(c.size), 0) FROM checkpoint_timestamps t JOIN checkpoints c ON c.id = t.checkpoint_id WHERE t.tsa = ?')
      .pluck()
      .get(tsa) ?? 0
  );
}

interface CheckpointRow {
  readonly id: number;
  readonly size: number;
  readonly root: string;
  readonly note: string;
}

/** The newest checkpoint that holds at least `size` events, or a new one of the log as it is now. */
function checkpointToStamp(vault: OpenVault, size: number): CheckpointRow {
  const db = vault.db;
  const newest = db.prepare<[number], CheckpointRow>('SELECT id, size, root, note FROM checkpoints WHERE size >= ? ORDER BY id DESC LIMIT 1').get(size);
  if (newest !== undefined) return newest;
  const made = makeCheckpoint(db, vault.signer, vault.vaultFile.vaultId, 'timestamp');
  return { id: made.id, size: made.size, root: made.root, note: made.note };
}

/** Keeps one checked token over a checkpoint: its row and a `timestamped` event carrying it. Inside the caller's transaction. */
function recordCheckpointToken(vault: OpenVault, checkpoint: CheckpointRow, tsa: string, response: Uint8Array, facts: TimestampFacts): CheckpointStampOutcome {
  const tokenSha256 = createHash('sha256').update(response).digest('hex');
  const { genTime, tsaName } = facts;
  vault.db
    .prepare('INSERT INTO checkpoint_timestamps (checkpoint_id, tsa, response, gen_time, token_sha256, stamped_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(checkpoint.id, tsa, Buffer.from(response), genTime, tokenSha256, new Date().toISOString());
  appendEvent(vault.db, vault.signer, {
    chain: vaultChainName(vault.vaultFile.vaultId),
    type: 'timestamped',
    actor: vault.actor,
    data: { checkpoint: checkpoint.note, size: checkpoint.size, root: checkpoint.root, tsa, genTime, tokenSha256, token: Buffer.from(response).toString('base64') },
  });
  return { size: checkpoint.size, root: checkpoint.root, tsa, ok: true, genTime, tsaName, tokenSha256 };
}

/**
 * Asks each server whose tokens do not cover the log yet for a token over one checkpoint of
 * it. `unreachable` is shared with the seals' round: a server down there is not asked again.
 */
export async function stampLog(vault: OpenVault, urls: readonly string[], options: TsaOptions, unreachable: Map<string, TamgaErrorData>): Promise<CheckpointStampOutcome[]> {
  const db = vault.db;
  const size = sizeToStamp(db);
  const wanted = urls.filter((url) => coveredBy(db, url) < size);
  if (size === 0 || wanted.length === 0) return [];
  const checkpoint = db.transaction(() => checkpointToStamp(vault, size)).immediate();
  const outcomes: CheckpointStampOutcome[] = [];
  const failed = (tsa: string, error: TamgaErrorData | undefined): CheckpointStampOutcome => ({ size: checkpoint.size, root: checkpoint.root, tsa, ok: false, ...(error === undefined ? {} : { error }) });
  for (const url of wanted.filter((u) => unreachable.has(u))) outcomes.push(failed(url, unreachable.get(url)));
  const ask = wanted.filter((u) => !unreachable.has(u));
  if (ask.length === 0) return outcomes;
  for (const result of await requestTimestamps(ask, Buffer.from(checkpoint.note, 'utf8'), { ...options, trustedRoots: [], skipChain: true })) {
    if (!result.ok) {
      if (result.error.code === 'TSA_UNREACHABLE') unreachable.set(result.url, result.error);
      outcomes.push(failed(result.url, result.error));
      continue;
    }
    outcomes.push(db.transaction(() => recordCheckpointToken(vault, checkpoint, result.url, result.response, result.facts)).immediate());
  }
  return outcomes;
}

/** The newest checkpoint with a token, and its tokens, oldest first: what `tamga timestamp --log-out` writes. */
export function newestStampedCheckpoint(db: IndexDb): { readonly note: string; readonly size: number; readonly root: string; readonly responses: Uint8Array[] } | null {
  const row = db
    .prepare<[], CheckpointRow>('SELECT c.id, c.size, c.root, c.note FROM checkpoints c WHERE EXISTS (SELECT 1 FROM checkpoint_timestamps t WHERE t.checkpoint_id = c.id) ORDER BY c.id DESC LIMIT 1')
    .get();
  if (row === undefined) return null;
  const responses = db.prepare<[number], Buffer>('SELECT response FROM checkpoint_timestamps WHERE checkpoint_id = ? ORDER BY id').pluck().all(row.id);
  return { note: row.note, size: row.size, root: row.root, responses: responses.map((r) => new Uint8Array(r)) };
}
