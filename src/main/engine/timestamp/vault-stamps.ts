/**
 * Trusted time for the bundles a vault sealed (docs/formats.md, "Timestamps"). A bundle is
 * sealed offline, so it leaves with no timestamp: its Tamga-Sealed-At is the sealer's own
 * clock. The export keeps its seal signature in the index (`seals`, schema 11, in the
 * export's transaction); later, online, `stampSeals` asks each TSA named for an RFC 3161
 * timestamp over those exact 64 bytes, for every seal that TSA has not stamped yet, checks
 * each token over the signature (its imprint, nonce and signature, not its chain: the user
 * may not have configured whom to trust; verify checks the chain against a trust list),
 * keeps the TSA's whole TimeStampResp in `seal_timestamps` and records a `timestamped`
 * event on the vault's chain that carries the same bytes (so the signed chain itself
 * holds every token, and audit or a restore can re-check it), both in one transaction. One TSA that fails never stops the others: each outcome
 * is reported, and nothing is recorded for a failed one.
 *
 * A bundle already sent gains its timestamp by an addendum (`addendumFiles`): the token
 * files and the TSA's chain, to be copied into the bundle's seal/ folder. The seal, the
 * manifests and every other file stay as they are: a timestamp over the seal signature
 * is checked against it, and adds nothing the seal covers.
 */
import { createHash } from 'node:crypto';
import { vaultChainName } from '../../../shared/custody';
import { TamgaError, type TamgaErrorData } from '../../../shared/errors';
import { appendEvent } from '../custody/store';
import type { IndexDb } from '../db/open-index';
import type { OpenVault } from '../vault/vault';
import { requestTimestamps, type TsaOptions } from './client';
import { verifyTimestamp, type TimestampFacts } from './token';
import { TIMESTAMP_CHAIN, timestampTokenPath } from '../bundle/layout';

export interface SealRecord {
  readonly bundleId: string;
  readonly signature: Uint8Array;
  readonly tagManifestSha256: string;
  readonly sealedAt: string;
}

/** Keeps a bundle's seal signature; inside the export's transaction. */
export function recordSeal(db: IndexDb, seal: SealRecord): void {
  db.prepare('INSERT INTO seals (bundle_id, signature, tag_manifest_sha256, sealed_at) VALUES (?, ?, ?, ?)').run(seal.bundleId, Buffer.from(seal.signature), seal.tagManifestSha256, seal.sealedAt);
}

/** The TSA addresses saved with `--save`, in order. */
export function savedTimestampServers(db: IndexDb): string[] {
  return db.prepare<[], string>('SELECT url FROM timestamp_servers ORDER BY position').pluck().all();
}

export function saveTimestampServers(db: IndexDb, urls: readonly string[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM timestamp_servers').run();
    const insert = db.prepare('INSERT INTO timestamp_servers (position, url) VALUES (?, ?)');
    urls.forEach((url, i) => insert.run(i, url));
  })();
}

export interface StampOutcome {
  readonly bundleId: string;
  readonly tsa: string;
  readonly ok: boolean;
  /** The token's time, ISO 8601 UTC, when ok. */
  readonly genTime?: string;
  readonly tsaName?: string | null;
  readonly tokenSha256?: string;
  readonly error?: TamgaErrorData;
}

export interface StampResult {
  /** The TSAs asked, in order. */
  readonly tsas: readonly string[];
  /** Seals known to the vault, and how many have at least one token now. */
  readonly seals: number;
  readonly stamped: number;
  /** One per bundle and TSA asked (a TSA unreachable once is not asked again in this run: it is reported for every seal). */
  readonly outcomes: readonly StampOutcome[];
}

/**
 * Keeps one checked token: its row in seal_timestamps and a `timestamped` event on the
 * vault chain carrying its bytes. Inside the caller's transaction.
 */
export function recordToken(vault: OpenVault, bundleId: string, tsa: string, response: Uint8Array, facts: TimestampFacts): StampOutcome {
  const tokenSha256 = createHash('sha256').update(response).digest('hex');
  const { genTime, tsaName } = facts;
  vault.db
    .prepare('INSERT INTO seal_timestamps (bundle_id, tsa, response, gen_time, token_sha256, stamped_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(bundleId, tsa, Buffer.from(response), genTime, tokenSha256, new Date().toISOString());
  appendEvent(vault.db, vault.signer, {
    chain: vaultChainName(vault.vaultFile.vaultId),
    type: 'timestamped',
    actor: vault.actor,
    data: { bundleId, tsa, genTime, tokenSha256, token: Buffer.from(response).toString('base64') },
  });
  return { bundleId, tsa, ok: true, genTime, tsaName, tokenSha256 };
}

/** The bundle files for tokens over one seal, in order: each token, then one chain file with the certificates they carry, each once. */
export function tokenFiles(tokens: readonly { readonly response: Uint8Array; readonly chainPem: string }[]): AddendumFile[] {
  const files: AddendumFile[] = [];
  const chain: string[] = [];
  for (const [i, token] of tokens.entries()) {
    files.push({ path: timestampTokenPath(i + 1), bytes: new Uint8Array(token.response) });
    for (const block of token.chainPem.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g) ?? []) if (!chain.includes(block)) chain.push(block);
  }
  if (files.length > 0) files.push({ path: TIMESTAMP_CHAIN, bytes: new Uint8Array(Buffer.from(chain.join(''), 'utf8')) });
  return files;
}

interface SealRow {
  readonly bundle_id: string;
  readonly signature: Buffer;
}

/** Asks every TSA for a timestamp over every seal it has not stamped yet; records each token received. */
export async function stampSeals(vault: OpenVault, urls: readonly string[], options: TsaOptions = {}): Promise<StampResult> {
  if (urls.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'Name at least one timestamp server (--tsa URL); two of different operators are recommended.');
  const db = vault.db;
  const seals = db.prepare('SELECT bundle_id, signature FROM seals ORDER BY sealed_at, bundle_id').all() as SealRow[];
  const has = db.prepare<[string, string], number>('SELECT 1 FROM seal_timestamps WHERE bundle_id = ? AND tsa = ?').pluck();
  const unreachable = new Map<string, TamgaErrorData>();
  const outcomes: StampOutcome[] = [];
  for (const seal of seals) {
    const wanted = urls.filter((url) => has.get(seal.bundle_id, url) === undefined);
    for (const url of wanted.filter((u) => unreachable.has(u))) outcomes.push({ bundleId: seal.bundle_id, tsa: url, ok: false, error: unreachable.get(url) });
    const ask = wanted.filter((u) => !unreachable.has(u));
    if (ask.length === 0) continue;
    const data = new Uint8Array(seal.signature);
    for (const result of await requestTimestamps(ask, data, { ...options, trustedRoots: [], skipChain: true })) {
      if (!result.ok) {
        if (result.error.code === 'TSA_UNREACHABLE') unreachable.set(result.url, result.error);
        outcomes.push({ bundleId: seal.bundle_id, tsa: result.url, ok: false, error: result.error });
        continue;
      }
      const outcome = db.transaction(() => recordToken(vault, seal.bundle_id, result.url, result.response, result.facts)).immediate();
      outcomes.push(outcome);
    }
  }
  const stamped = db.prepare<[], number>('SELECT COUNT(DISTINCT bundle_id) FROM seal_timestamps').pluck().get() ?? 0;
  return { tsas: [...urls], seals: seals.length, stamped, outcomes };
}

export interface AddendumFile {
  /** The path inside the bundle folder. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The files that give a bundle already sent its timestamps: each token, then the TSAs' chains. */
export async function addendumFiles(db: IndexDb, bundleId: string): Promise<AddendumFile[]> {
  const seal = db.prepare<[string], Buffer>('SELECT signature FROM seals WHERE bundle_id = ?').pluck().get(bundleId);
  if (seal === undefined) throw new TamgaError('NOT_FOUND', `This vault sealed no bundle ${bundleId} (or sealed it before it kept seals, schema 11).`, { bundleId });
  const tokens = db.prepare<[string], Buffer>('SELECT response FROM seal_timestamps WHERE bundle_id = ? ORDER BY id').pluck().all(bundleId);
  if (tokens.length === 0) throw new TamgaError('NOT_FOUND', `Bundle ${bundleId} has no timestamp yet: run tamga timestamp VAULT --tsa URL first.`, { bundleId });
  const checked: { response: Uint8Array; chainPem: string }[] = [];
  for (const token of tokens) {
    const facts = await verifyTimestamp(new Uint8Array(token), new Uint8Array(seal), { trustedRoots: [], skipChain: true });
    checked.push({ response: new Uint8Array(token), chainPem: facts.chainPem });
  }
  return tokenFiles(checked);
}
