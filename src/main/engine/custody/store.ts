/**
 * The custody log in the vault index (table custody_events, migration 0002).
 *
 * appendEvent belongs inside the caller's transaction: the importer writes an item row and
 * its 'acquired' event in one, so both or neither exist. It opens no transaction of its own
 * when one is open (it only reads the head and inserts one row, and writes nothing before
 * it can fail), and wraps itself in an IMMEDIATE one when called outside any, so that the
 * head it read is still the head when it inserts. It caches nothing across calls: a rolled
 * back transaction leaves no stale head behind. The primary key (chain, seq) and the
 * unique hash make a fork impossible even for a caller that gets this wrong. Each event is
 * also the next leaf of the vault's append-only log (vault-log.ts, table custody_log).
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { CustodyProblem, CustodyRecord } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import type { Signer } from '../crypto/signing';
import type { IndexDb } from '../db/open-index';
import { sealNextEvent, verifyChainRows, type ChainHead, type CustodyRowInput, type NewEvent } from './chain';
import { parseEvent } from './event';
import { appendLeaf } from './vault-log';

/** An event as stored: the record plus its canonical text (custody_events.event_json). */
export interface StoredEvent extends CustodyRecord {
  readonly canonical: string;
}

/** A raw custody_events row. */
export interface CustodyRow extends CustodyRowInput {
  readonly chain: string;
}

interface Statements {
  readonly head: Statement<[string], ChainHead>;
  readonly insert: Statement<[string, number, string, string, string, string, string]>;
  readonly chain: Statement<[string], CustodyRow>;
  readonly chains: Statement<[], string>;
  readonly all: Statement<[], CustodyRow>;
}

const ROW_COLUMNS = 'chain, seq, type, at, event_json AS eventJson, hash, signature';
const prepared = new WeakMap<IndexDb, Statements>();

function statements(db: IndexDb): Statements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      head: db.prepare('SELECT seq, hash FROM custody_events WHERE chain = ? ORDER BY seq DESC LIMIT 1'),
      insert: db.prepare('INSERT INTO custody_events (chain, seq, type, at, event_json, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      chain: db.prepare(`SELECT ${ROW_COLUMNS} FROM custody_events WHERE chain = ? ORDER BY seq`),
      chains: db.prepare<[], string>('SELECT DISTINCT chain FROM custody_events ORDER BY chain').pluck(),
      all: db.prepare(`SELECT ${ROW_COLUMNS} FROM custody_events ORDER BY chain, seq`),
    };
    prepared.set(db, s);
  }
  return s;
}

/** The last event of a chain, null when the chain has none. */
export function chainHead(db: IndexDb, chain: string): ChainHead | null {
  return statements(db).head.get(chain) ?? null;
}

/**
 * Appends the next event to a chain (event 0 when it has none) and returns it as stored.
 * INVALID_ARGUMENT for a bad chain name, type, actor, time or data, or a type that cannot
 * stand at that place ('acquired' and 'vault-created' only as event 0).
 */
export function appendEvent(db: IndexDb, signer: Signer, input: NewEvent): StoredEvent {
  const s = statements(db);
  const append = (): StoredEvent => {
    const sealed = sealNextEvent(s.head.get(input.chain) ?? null, signer, input);
    const { event } = sealed;
    s.insert.run(event.chain, event.seq, event.type, event.at, sealed.canonical, sealed.hash, sealed.signature);
    // The same event as the next leaf of the vault's log (vault-log.ts), in the same transaction.
    appendLeaf(db, event.chain, event.seq, sealed.hash);
    return sealed;
  };
  return db.inTransaction ? append() : db.transaction(append).immediate();
}

/** Every row of one chain, in seq order, as stored (for checks and export). */
export function readChainRows(db: IndexDb, chain: string): CustodyRow[] {
  return statements(db).chain.all(chain);
}

/**
 * One chain's events in seq order, parsed. This reads; it does not verify (CORRUPT only
 * for a row that is not an event at all). Verify with verifyStoredChain.
 */
export function readChain(db: IndexDb, chain: string): StoredEvent[] {
  return readChainRows(db, chain).map((row) => {
    let parsed;
    try {
      parsed = parseEvent(JSON.parse(row.eventJson));
    } catch {
      parsed = { ok: false as const, reason: 'it is not JSON' };
    }
    if (!parsed.ok) {
      throw new TamgaError('CORRUPT', `Custody event ${row.seq} of ${chain} cannot be read: ${parsed.reason}.`, { chain, seq: row.seq });
    }
    return { event: parsed.event, canonical: row.eventJson, hash: row.hash, signature: row.signature };
  });
}

/** The name of every chain that has at least one event, sorted. */
export function listChains(db: IndexDb): string[] {
  return statements(db).chains.all();
}

/** Every problem of one chain (EMPTY_CHAIN when it has no events). */
export function verifyStoredChain(db: IndexDb, chain: string, publicKey: Uint8Array): CustodyProblem[] {
  return verifyChainRows(chain, readChainRows(db, chain), publicKey);
}

/**
 * Every problem of every chain, in one pass over the table in (chain, seq) order; holds
 * one chain's rows in memory at a time.
 */
export function verifyStoredChains(db: IndexDb, publicKey: Uint8Array): CustodyProblem[] {
  const problems: CustodyProblem[] = [];
  let chain: string | null = null;
  let rows: CustodyRow[] = [];
  const flush = (): void => {
    if (chain !== null) for (const p of verifyChainRows(chain, rows, publicKey)) problems.push(p);
  };
  for (const row of statements(db).all.iterate()) {
    if (row.chain !== chain) {
      flush();
      chain = row.chain;
      rows = [];
    }
    rows.push(row);
  }
  flush();
  return problems;
}
