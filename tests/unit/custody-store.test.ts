// The custody log in a real encrypted index: appending inside the caller's transaction,
// reading back, and `audit`'s check naming every kind of tampering done through SQL.
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { CustodyEvent, CustodyProblem } from '../../src/shared/custody';
import { newSigningSeed, signerFromSeed } from '../../src/main/engine/crypto/signing';
import { canonicalEvent, hashCanonical } from '../../src/main/engine/custody/event';
import { toJsonl, verifyJsonl } from '../../src/main/engine/custody/jsonl';
import { signEventHash } from '../../src/main/engine/custody/signature';
import {
  appendEvent,
  chainHead,
  listChains,
  readChain,
  readChainRows,
  verifyStoredChain,
  verifyStoredChains,
} from '../../src/main/engine/custody/store';
import { migrate } from '../../src/main/engine/db/migrate';
import { openIndex, type IndexDb } from '../../src/main/engine/db/open-index';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const signer = signerFromSeed(newSigningSeed());
const stranger = signerFromSeed(newSigningSeed());
const ACTOR = 'tamga-cli 0.1.0';
const VAULT_CHAIN = `vault:${randomUUID()}`;

async function freshDb(): Promise<IndexDb> {
  const db = await openIndex(join(await tempDir(), 'index.db'), randomBytes(32), { create: true });
  migrate(db);
  return db;
}

function acquire(db: IndexDb, item = randomUUID()): string {
  appendEvent(db, signer, { chain: item, type: 'acquired', actor: ACTOR, data: { sha256: randomBytes(32).toString('hex'), size: 10 } });
  return item;
}

/** An item chain with events 0 … length-1. */
function itemWithEvents(db: IndexDb, length: number): string {
  const item = acquire(db);
  for (let i = 1; i < length; i++) appendEvent(db, signer, { chain: item, type: 'tagged', actor: ACTOR, data: { tag: `t${i}`, old: null, new: `t${i}` } });
  return item;
}

function codes(problems: readonly CustodyProblem[]): [string, string, number | null][] {
  return problems.map((p) => [p.code, p.chain, p.seq]);
}

function row(db: IndexDb, chain: string, seq: number): { event_json: string; hash: string; signature: string; type: string; at: string } {
  return db.prepare('SELECT event_json, hash, signature, type, at FROM custody_events WHERE chain = ? AND seq = ?').get(chain, seq) as never;
}

/** The row for an event the key holder signs, valid or not by the chain rules. */
function signedRow(event: Record<string, unknown>, by = signer): [string, number, string, string, string, string, string] {
  const canonical = canonicalEvent(event as unknown as CustodyEvent);
  const hash = hashCanonical(canonical);
  return [event.chain as string, event.seq as number, event.type as string, event.at as string, canonical, hash, signEventHash(by, hash)];
}

const INSERT = 'INSERT INTO custody_events (chain, seq, type, at, event_json, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?)';

describe('appending and reading', () => {
  let db: IndexDb;
  beforeEach(async () => {
    db = await freshDb();
  });

  it('appends a chain, reads it back as stored, and verifies it clean', () => {
    const item = acquire(db);
    const tagged = appendEvent(db, signer, { chain: item, type: 'tagged', actor: ACTOR, data: { tag: 'Ақмола' }, at: '2021-01-11T09:30:00.250Z' });
    expect(tagged.event).toMatchObject({ v: 1, chain: item, seq: 1, type: 'tagged', at: '2021-01-11T09:30:00.250Z', actor: ACTOR, data: { tag: 'Ақмола' } });
    const events = readChain(db, item);
    expect(events.map((e) => e.event.seq)).toEqual([0, 1]);
    expect(events[1]).toEqual(tagged);
    expect(events[1]!.event.prev).toBe(events[0]!.hash);
    expect(row(db, item, 1)).toMatchObject({ event_json: tagged.canonical, hash: tagged.hash, signature: tagged.signature, type: 'tagged', at: tagged.event.at });
    expect(chainHead(db, item)).toEqual({ seq: 1, hash: tagged.hash });
    expect(chainHead(db, randomUUID())).toBeNull();
    expect(verifyStoredChains(db, signer.publicKey)).toEqual([]);
    expect(verifyStoredChain(db, item, signer.publicKey)).toEqual([]);
    expect(verifyStoredChain(db, randomUUID(), signer.publicKey)).toMatchObject([{ code: 'EMPTY_CHAIN' }]);
    db.close();
  });

  it('keeps the vault chain apart and lists every chain', () => {
    appendEvent(db, signer, { chain: VAULT_CHAIN, type: 'vault-created', actor: ACTOR, data: { formatVersion: 1 } });
    appendEvent(db, signer, { chain: VAULT_CHAIN, type: 'passphrase-changed', actor: ACTOR, data: {} });
    const items = [acquire(db), acquire(db)];
    expect(listChains(db)).toEqual([...items, VAULT_CHAIN].sort());
    expect(readChain(db, VAULT_CHAIN).map((e) => e.event.type)).toEqual(['vault-created', 'passphrase-changed']);
    expect(verifyStoredChains(db, signer.publicKey)).toEqual([]);
    db.close();
  });

  it('refuses what cannot be appended, and inserts nothing', () => {
    const item = acquire(db);
    const bad = [
      { chain: item, type: 'acquired', actor: ACTOR, data: {} },
      { chain: randomUUID(), type: 'tagged', actor: ACTOR, data: {} },
      { chain: item, type: 'tagged', actor: ACTOR, data: { x: undefined } },
      { chain: item, type: 'tagged', actor: ACTOR, data: { x: NaN } },
      { chain: item, type: 'tagged', actor: '', data: {} },
      { chain: item, type: 'tagged', actor: ACTOR, data: {}, at: 'now' },
      { chain: item, type: 'vault-created', actor: ACTOR, data: {} },
      { chain: 'ITEM', type: 'acquired', actor: ACTOR, data: {} },
    ];
    for (const input of bad) {
      expect(() => appendEvent(db, signer, input as never)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(db.prepare('SELECT count(*) FROM custody_events').pluck().get()).toBe(1);
    db.close();
  });

  it('joins the caller\'s transaction: item row and acquired event commit or roll back together', () => {
    const insertItem = db.prepare('INSERT INTO items (id, sha256, size, blob_id, imported_at) VALUES (?, ?, ?, ?, ?)');
    const importOne = db.transaction((id: string, fail: boolean) => {
      insertItem.run(id, randomBytes(32).toString('hex'), 10, randomBytes(16).toString('hex'), new Date().toISOString());
      appendEvent(db, signer, { chain: id, type: 'acquired', actor: ACTOR, data: {} });
      if (fail) throw new Error('disk full, say');
    });
    const lost = randomUUID();
    expect(() => importOne(lost, true)).toThrow(/disk full/);
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(0);
    expect(readChain(db, lost)).toEqual([]);
    const kept = randomUUID();
    importOne(kept, false);
    expect(db.prepare('SELECT id FROM items').pluck().all()).toEqual([kept]);
    expect(readChain(db, kept).map((e) => e.event.type)).toEqual(['acquired']);
    db.close();
  });

  it('reads the head afresh after a nested transaction (savepoint) rolls back', () => {
    const item = itemWithEvents(db, 2);
    const inner = db.transaction(() => {
      appendEvent(db, signer, { chain: item, type: 'described', actor: ACTOR, data: { text: 'rolled back' } });
      throw new Error('inner fails');
    });
    db.transaction(() => {
      appendEvent(db, signer, { chain: item, type: 'tagged', actor: ACTOR, data: { tag: 'kept' } });
      expect(() => inner()).toThrow(/inner fails/);
      const next = appendEvent(db, signer, { chain: item, type: 'described', actor: ACTOR, data: { text: 'kept too' } });
      expect(next.event.seq).toBe(3);
    })();
    expect(readChain(db, item).map((e) => e.event.type)).toEqual(['acquired', 'tagged', 'tagged', 'described']);
    expect(verifyStoredChains(db, signer.publicKey)).toEqual([]);
    db.close();
  });

  it('exports a stored chain as JSONL that verifies', () => {
    const item = itemWithEvents(db, 4);
    expect(verifyJsonl(toJsonl(readChain(db, item)), signer.publicKey, { chain: item })).toEqual([]);
    db.close();
  });

  it('appends and verifies 10 000 events over 1 000 chains in one pass', () => {
    const started = performance.now();
    const items: string[] = [];
    db.transaction(() => {
      for (let c = 0; c < 1000; c++) {
        const item = acquire(db);
        items.push(item);
        for (let i = 1; i < 10; i++) appendEvent(db, signer, { chain: item, type: 'viewed-original', actor: ACTOR, data: { n: i } });
      }
    })();
    const appended = performance.now();
    expect(verifyStoredChains(db, signer.publicKey)).toEqual([]);
    const verified = performance.now();
    console.log(`custody: 10 000 events appended in ${(appended - started).toFixed(0)} ms, verified in ${(verified - appended).toFixed(0)} ms`);
    expect(listChains(db)).toHaveLength(1000);
    db.close();
  });
});

describe('tampering through SQL, named exactly by verifyStoredChains', () => {
  let db: IndexDb;
  let item: string;
  let other: string;
  beforeEach(async () => {
    db = await freshDb();
    item = itemWithEvents(db, 6);
    other = itemWithEvents(db, 4);
  });
  const check = (): [string, string, number | null][] => codes(verifyStoredChains(db, signer.publicKey));

  it('an edited field: HASH_MISMATCH at that event', () => {
    const { event_json } = row(db, item, 2);
    db.prepare('UPDATE custody_events SET event_json = ? WHERE chain = ? AND seq = 2').run(event_json.replace('"tag":"t2"', '"tag":"t9"'), item);
    const problems = verifyStoredChains(db, signer.publicKey);
    expect(codes(problems)).toEqual([['HASH_MISMATCH', item, 2]]);
    expect(problems[0]!.message).toBe(`Event 2 of item ${item} was edited after it was signed: its contents no longer match its recorded hash.`);
  });

  it('an edited event with its hash recomputed: BAD_SIGNATURE there, BROKEN_LINK at the next', () => {
    const { event_json } = row(db, item, 2);
    const edited = event_json.replace('"tag":"t2"', '"tag":"t9"');
    db.prepare('UPDATE custody_events SET event_json = ?, hash = ? WHERE chain = ? AND seq = 2').run(edited, hashCanonical(edited), item);
    expect(check()).toEqual([
      ['BAD_SIGNATURE', item, 2],
      ['BROKEN_LINK', item, 3],
    ]);
  });

  it('a deleted middle event: SEQ_GAP naming it', () => {
    db.prepare('DELETE FROM custody_events WHERE chain = ? AND seq = 3').run(item);
    const problems = verifyStoredChains(db, signer.publicKey);
    expect(codes(problems)).toEqual([['SEQ_GAP', item, 3]]);
    expect(problems[0]!.message).toBe(`Event 3 of item ${item} is missing: it was deleted.`);
  });

  it('a forged event inserted at the end: BAD_SIGNATURE', () => {
    const head = chainHead(db, item)!;
    const forged = { ...(JSON.parse(row(db, item, 5).event_json) as Record<string, unknown>), seq: 6, prev: head.hash, data: { tag: 'forged' } };
    db.prepare(INSERT).run(...signedRow(forged, stranger));
    expect(check()).toEqual([['BAD_SIGNATURE', item, 6]]);
  });

  it('a forged event filed under an unused seq: BAD_SIGNATURE, OUT_OF_ORDER and DUPLICATE_SEQ', () => {
    const forged = { ...(JSON.parse(row(db, item, 2).event_json) as Record<string, unknown>), data: { tag: 'forged' } };
    const values = signedRow(forged, stranger);
    values[1] = 99;
    db.prepare(INSERT).run(...values);
    expect(check()).toEqual([
      ['DUPLICATE_SEQ', item, 2],
      ['BAD_SIGNATURE', item, 99],
      ['OUT_OF_ORDER', item, 99],
    ]);
  });

  it('two events swapped: OUT_OF_ORDER at both places, the chain itself intact', () => {
    const [a, b] = [row(db, item, 2), row(db, item, 3)];
    const update = db.prepare('UPDATE custody_events SET type = ?, at = ?, event_json = ?, hash = ?, signature = ? WHERE chain = ? AND seq = ?');
    db.transaction(() => {
      update.run(b.type, b.at, b.event_json, 'x', b.signature, item, 2); // 'x': the hash is UNIQUE
      update.run(a.type, a.at, a.event_json, a.hash, a.signature, item, 3);
      update.run(b.type, b.at, b.event_json, b.hash, b.signature, item, 2);
    })();
    const problems = verifyStoredChains(db, signer.publicKey);
    expect(codes(problems)).toEqual([
      ['OUT_OF_ORDER', item, 2],
      ['OUT_OF_ORDER', item, 3],
    ]);
    expect(problems[0]!.message).toBe(`Event 2 of item ${item} says it is event 3: events were renumbered or moved.`);
  });

  it('an event moved to another chain: WRONG_CHAIN where it landed, SEQ_GAP where it left', () => {
    db.prepare('UPDATE custody_events SET chain = ?, seq = 4 WHERE chain = ? AND seq = 2').run(other, item);
    const problems = verifyStoredChains(db, signer.publicKey);
    expect(codes(problems).sort()).toEqual(
      [
        ['SEQ_GAP', item, 2],
        ['WRONG_CHAIN', other, 4],
      ].sort(),
    );
    expect(problems.find((p) => p.code === 'WRONG_CHAIN')!.message).toBe(`Event 4 of item ${other} is event 2 of item ${item}: it was moved here from that chain.`);
  });

  it('a first event that is not acquired: FIRST_NOT_ACQUIRED', () => {
    const chain = randomUUID();
    db.prepare(INSERT).run(...signedRow({ v: 1, chain, seq: 0, type: 'tagged', at: '2021-01-10T08:15:00.000Z', actor: ACTOR, data: {}, prev: null }));
    expect(check()).toEqual([['FIRST_NOT_ACQUIRED', chain, 0]]);
  });

  it('index columns edited: COLUMN_MISMATCH; the stored text rewritten without changing it: MALFORMED; garbage: MALFORMED', () => {
    db.prepare("UPDATE custody_events SET type = 'described' WHERE chain = ? AND seq = 1").run(item);
    const { event_json } = row(db, item, 2);
    db.prepare('UPDATE custody_events SET event_json = ? WHERE chain = ? AND seq = 2').run(event_json.replace('{"actor"', '{ "actor"'), item);
    db.prepare("UPDATE custody_events SET event_json = '{not json' WHERE chain = ? AND seq = 4").run(item);
    const problems = verifyStoredChains(db, signer.publicKey);
    expect(codes(problems)).toEqual([
      ['COLUMN_MISMATCH', item, 1],
      ['MALFORMED', item, 2],
      ['MALFORMED', item, 4],
    ]);
    expect(() => readChain(db, item)).toThrow(expect.objectContaining({ code: 'CORRUPT' }));
    expect(readChainRows(db, item)).toHaveLength(6);
  });

  it('another vault\'s key: BAD_SIGNATURE for every event of every chain, nothing else', () => {
    const problems = verifyStoredChains(db, stranger.publicKey);
    expect(problems).toHaveLength(10);
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['BAD_SIGNATURE']));
  });
});
