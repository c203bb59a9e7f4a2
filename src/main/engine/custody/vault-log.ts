/**
 * The vault's append-only custody log: every custody event of every chain (items and the
 * vault) is a leaf of one RFC 9162 Merkle tree, in the order written (merkle.ts; the leaf
 * is the event hash's 32 bytes). appendEvent (store.ts) adds the leaf in the same
 * transaction as the event, so the chains and the log agree by construction; a signed
 * checkpoint (checkpoint.ts: origin `tamga.vault/<vault id>`, size, root, signed by the
 * vault key) fixes the log at one size, and a later checkpoint of the same vault proves by
 * a consistency proof that history was only appended to. Tables: migration 0009.
 *
 * A chain alone cannot show events cut off its end, nor a vault restored from an old copy
 * that then wrote other history: the log can. audit (checkLog) recomputes the whole tree
 * from the chains and compares it with the stored leaves, nodes and every checkpoint.
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { TamgaError } from '../../../shared/errors';
import type { Signer } from '../crypto/signing';
import type { IndexDb } from '../db/open-index';
import { signCheckpoint, vaultLogOrigin } from './checkpoint';
import { custodyLeafHash, MemoryMerkleLog, subtreeHash, subtreesCompletedBy, treeRoot, type MerkleSource } from './merkle';

export type CheckpointReason = 'export' | 'audit' | 'request' | 'replica';

/** The index schema that has the log (migration 0009); a read-only open of an older index has none. */
export const LOG_SCHEMA = 9;

export interface StoredCheckpoint {
  readonly id: number;
  readonly size: number;
  readonly root: string;
  /** The C2SP signed note, exactly as signed. */
  readonly note: string;
  readonly madeAt: string;
  readonly reason: CheckpointReason;
}

interface LogStatements {
  readonly size: Statement<[], number>;
  readonly leaf: Statement<[number], string>;
  readonly node: Statement<[number, number], Buffer>;
  readonly insertLeaf: Statement<[number, string, number, string]>;
  readonly insertNode: Statement<[number, number, Buffer]>;
}

const prepared = new WeakMap<IndexDb, LogStatements>();

function statements(db: IndexDb): LogStatements {
  let s = prepared.get(db);
  if (s === undefined) {
    s = {
      // One past the last leaf: a leaf removed from the middle leaves a hole that reads fail on, never a shorter log.
      size: db.prepare<[], number>('SELECT COALESCE(MAX(idx) + 1, 0) FROM custody_log').pluck(),
      leaf: db.prepare<[number], string>('SELECT hash FROM custody_log WHERE idx = ?').pluck(),
      node: db.prepare<[number, number], Buffer>('SELECT hash FROM custody_log_nodes WHERE level = ? AND idx = ?').pluck(),
      insertLeaf: db.prepare('INSERT INTO custody_log (idx, chain, seq, hash) VALUES (?, ?, ?, ?)'),
      insertNode: db.prepare('INSERT OR IGNORE INTO custody_log_nodes (level, idx, hash) VALUES (?, ?, ?)'),
    };
    prepared.set(db, s);
  }
  return s;
}

/** The log in the index as a Merkle source: leaves from custody_log, complete subtrees from custody_log_nodes. */
export function indexLog(db: IndexDb): MerkleSource {
  const s = statements(db);
  return {
    size: () => s.size.get() ?? 0,
    leafHash: (index) => {
      const hash = s.leaf.get(index);
      if (hash === undefined) throw new TamgaError('CORRUPT', `The custody log has no leaf ${index}: leaves were removed from it. Run tamga audit.`);
      return custodyLeafHash(hash);
    },
    storedSubtree: (level, index) => s.node.get(level, index),
  };
}

/** Adds one event as the next leaf, with the subtrees it completes. Inside the caller's transaction. */
export function appendLeaf(db: IndexDb, chain: string, seq: number, eventHash: string): number {
  const s = statements(db);
  const log = indexLog(db);
  const index = log.size();
  const leafHash = custodyLeafHash(eventHash);
  s.insertLeaf.run(index, chain, seq, eventHash);
  for (const node of subtreesCompletedBy(index, leafHash, (level, i) => subtreeHash(log, level, i))) s.insertNode.run(node.level, node.index, node.hash);
  return index;
}

/**
 * Stores every complete subtree of the leaves present (a vault older than schema 9 got
 * its leaves from the migration, not its nodes). Idempotent; returns how many were added.
 * One pass, in memory: 64 bytes a leaf (~64 MB for a million events), once.
 */
export function fillLogNodes(db: IndexDb): number {
  const s = statements(db);
  const size = s.size.get() ?? 0;
  let expected = 0;
  for (let width = 2; width <= size; width *= 2) expected += Math.floor(size / width);
  const stored = db.prepare<[], number>('SELECT COUNT(*) FROM custody_log_nodes').pluck().get() ?? 0;
  if (stored >= expected) return 0;
  const memory = new MemoryMerkleLog();
  // Read in pages: the connection cannot insert while a statement iterates.
  const page = db.prepare<[number], string>('SELECT hash FROM custody_log WHERE idx >= ? ORDER BY idx LIMIT 10000').pluck();
  let added = 0;
  db.transaction(() => {
    for (let hashes = page.all(0); hashes.length > 0; hashes = page.all(memory.size())) {
      for (const hash of hashes) {
        const index = memory.size();
        for (const node of subtreesCompletedBy(index, custodyLeafHash(hash), (level, i) => subtreeHash(memory, level, i))) {
          added += s.insertNode.run(node.level, node.index, node.hash).changes;
        }
        memory.appendEvent(hash);
      }
    }
  })();
  return added;
}

/** The log's size and root now. */
export function logHead(db: IndexDb): { size: number; root: string } {
  const log = indexLog(db);
  const size = log.size();
  return { size, root: treeRoot(log, size) };
}

/** Signs and keeps a checkpoint of the log as it is now. Inside or outside a transaction. */
export function makeCheckpoint(db: IndexDb, signer: Signer, vaultId: string, reason: CheckpointReason, at: string = new Date().toISOString()): StoredCheckpoint {
  const { size, root } = logHead(db);
  const note = signCheckpoint({ origin: vaultLogOrigin(vaultId), size, root, extensions: [] }, signer);
  const { lastInsertRowid } = db.prepare('INSERT INTO checkpoints (size, root, note, made_at, reason) VALUES (?, ?, ?, ?, ?)').run(size, root, note, at, reason);
  return { id: Number(lastInsertRowid), size, root, note, madeAt: at, reason };
}

interface CheckpointRow {
  readonly id: number;
  readonly size: number;
  readonly root: string;
  readonly note: string;
  readonly made_at: string;
  readonly reason: CheckpointReason;
}

/** Every checkpoint the vault made, oldest first. */
export function listCheckpoints(db: IndexDb): StoredCheckpoint[] {
  return (db.prepare('SELECT id, size, root, note, made_at, reason FROM checkpoints ORDER BY id').all() as CheckpointRow[]).map((r) => ({ id: r.id, size: r.size, root: r.root, note: r.note, madeAt: r.made_at, reason: r.reason }));
}

/** Where in the log an event is: its leaf index, or null when the log does not hold it. */
export function leafIndexOf(db: IndexDb, eventHash: string): number | null {
  const row = db.prepare<[string], number>('SELECT idx FROM custody_log WHERE hash = ?').pluck().get(eventHash);
  return row ?? null;
}
