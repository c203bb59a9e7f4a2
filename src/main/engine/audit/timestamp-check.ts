/**
 * audit's check of the timestamps the vault keeps (docs/formats.md, "Timestamps"): every
 * token is checked again over the exact bytes it dates — a seal signature (seals) or a
 * checkpoint's signed note (checkpoints) — and must be the very token its `timestamped`
 * event on the vault chain carries, and every such event must have its kept token. The
 * chain is signed; the tables are what the addendum and `--log-out` are written from: a
 * token edited, swapped or dropped in either is named. The TSA's chain is not checked here
 * (the vault keeps no trust list): `tamga verify --tsa-trust` does that for a bundle.
 */
import { createHash } from 'node:crypto';
import { vaultChainName } from '../../../shared/custody';
import type { AuditProblem } from '../../../shared/items';
import { TamgaError } from '../../../shared/errors';
import { readChainRows } from '../custody/store';
import { schemaVersion } from '../db/migrate';
import type { IndexDb } from '../db/open-index';
import { CHECKPOINT_STAMPS_SCHEMA } from '../timestamp/checkpoint-stamps';
import { verifyTimestamp } from '../timestamp/token';

/** The index schema that keeps seals and their tokens (migration 0011). */
const SEALS_SCHEMA = 11;

interface KeptToken {
  /** What it dates, in words: "the seal of bundle …", "checkpoint 3 (12 events)". */
  readonly what: string;
  readonly tsa: string;
  readonly response: Buffer;
  readonly tokenSha256: string;
  /** The bytes it must be over; null when the vault no longer holds them. */
  readonly data: Buffer | null;
}

interface EventToken {
  readonly bundleId?: unknown;
  readonly checkpoint?: unknown;
  readonly tsa?: unknown;
  readonly tokenSha256?: unknown;
  readonly token?: unknown;
}

function keptTokens(db: IndexDb): KeptToken[] {
  const version = schemaVersion(db);
  const kept: KeptToken[] = [];
  if (version >= SEALS_SCHEMA) {
    const rows = db.prepare('SELECT t.bundle_id AS id, t.tsa, t.response, t.token_sha256 AS sha, s.signature AS data FROM seal_timestamps t LEFT JOIN seals s ON s.bundle_id = t.bundle_id ORDER BY t.id').all() as { id: string; tsa: string; response: Buffer; sha: string; data: Buffer | null }[];
    for (const r of rows) kept.push({ what: `the seal of bundle ${r.id}`, tsa: r.tsa, response: r.response, tokenSha256: r.sha, data: r.data });
  }
  if (version >= CHECKPOINT_STAMPS_SCHEMA) {
    const rows = db.prepare('SELECT t.checkpoint_id AS id, c.size, t.tsa, t.response, t.token_sha256 AS sha, c.note FROM checkpoint_timestamps t LEFT JOIN checkpoints c ON c.id = t.checkpoint_id ORDER BY t.id').all() as { id: number; size: number | null; tsa: string; response: Buffer; sha: string; note: string | null }[];
    for (const r of rows) kept.push({ what: `checkpoint ${r.id} of the custody log (${r.size ?? '?'} events)`, tsa: r.tsa, response: r.response, tokenSha256: r.sha, data: r.note === null ? null : Buffer.from(r.note, 'utf8') });
  }
  return kept;
}

export async function checkKeptTimestamps(db: IndexDb, vaultId: string): Promise<AuditProblem[]> {
  const problems: AuditProblem[] = [];
  const problem = (code: 'TIMESTAMP_INVALID' | 'TIMESTAMP_MISMATCH', message: string): void => void problems.push({ code, itemId: null, message });
  const onChain = new Map<string, EventToken>();
  for (const row of readChainRows(db, vaultChainName(vaultId))) {
    const event = JSON.parse(row.eventJson) as { type?: unknown; data?: EventToken };
    if (event.type !== 'timestamped' || event.data === undefined) continue;
    const sha = typeof event.data.token === 'string' ? createHash('sha256').update(Buffer.from(event.data.token, 'base64')).digest('hex') : '';
    onChain.set(sha, event.data);
  }
  for (const token of keptTokens(db)) {
    const sha = createHash('sha256').update(token.response).digest('hex');
    const label = `The timestamp by ${token.tsa} over ${token.what}`;
    if (sha !== token.tokenSha256) problem('TIMESTAMP_MISMATCH', `${label} is not the token recorded with it (its SHA-256 changed): it was edited in the index.`);
    if (!onChain.delete(sha)) problem('TIMESTAMP_MISMATCH', `${label} is on no \`timestamped\` event of the vault chain: it was added or changed in the index.`);
    if (token.data === null) {
      problem('TIMESTAMP_INVALID', `${label} dates bytes the vault no longer holds: its seal or checkpoint was removed from the index.`);
      continue;
    }
    try {
      await verifyTimestamp(new Uint8Array(token.response), new Uint8Array(token.data), { trustedRoots: [], skipChain: true });
    } catch (error) {
      const reason = error instanceof TamgaError ? `${error.code}: ${error.message}` : String(error);
      problem('TIMESTAMP_INVALID', `${label} does not check over what it dates (${reason}).`);
    }
  }
  for (const [sha, data] of onChain) {
    const what = typeof data.bundleId === 'string' ? `the seal of bundle ${data.bundleId}` : 'a checkpoint of the custody log';
    problem('TIMESTAMP_MISMATCH', `The vault chain records a timestamp by ${String(data.tsa)} over ${what} (token ${sha.slice(0, 12)}…) that the index no longer keeps.`);
  }
  return problems;
}
