/**
 * audit's check of the vault's custody log against its chains (vault-log.ts): the whole
 * tree is rebuilt from the log's leaves, each leaf must be the event the chains hold at its
 * (chain, seq) with the same hash, every event must be a leaf, each chain's events must
 * come in seq order, every stored subtree must be the rebuilt one, and every checkpoint
 * the vault signed must verify and name the root the log has at its size. A checkpoint
 * whose root the log no longer has means history was rewritten after it was signed.
 */
import type { AuditProblem } from '../../../shared/items';
import type { IndexDb } from '../db/open-index';
import { noteVerifier, openCheckpoint, vaultLogOrigin } from './checkpoint';
import { MemoryMerkleLog, treeRoot } from './merkle';
import { listCheckpoints } from './vault-log';

interface LeafRow {
  readonly idx: number;
  readonly chain: string;
  readonly seq: number;
  readonly hash: string;
  readonly eventHash: string | null;
}

const itemOf = (chain: string): string | null => (chain.startsWith('vault:') ? null : chain);

export function checkLog(db: IndexDb, publicKey: Uint8Array, vaultId: string): { problems: AuditProblem[]; size: number; root: string } {
  const problems: AuditProblem[] = [];
  const memory = new MemoryMerkleLog();
  const lastSeq = new Map<string, number>();
  const leaves = db.prepare<[], LeafRow>('SELECT l.idx, l.chain, l.seq, l.hash, e.hash AS eventHash FROM custody_log l LEFT JOIN custody_events e ON e.chain = l.chain AND e.seq = l.seq ORDER BY l.idx');
  for (const row of leaves.iterate()) {
    if (row.idx !== memory.size()) problems.push({ code: 'LOG_LEAF_MISSING', itemId: itemOf(row.chain), message: `The custody log has no leaf ${memory.size()}: its leaves jump to ${row.idx}, so leaves were removed.` });
    if (row.eventHash !== row.hash) {
      const what = row.eventHash === null ? 'no such event is in its chain any more' : `the chain holds another event there (${row.eventHash.slice(0, 12)}…)`;
      problems.push({ code: 'LOG_EVENT_MISMATCH', itemId: itemOf(row.chain), message: `Leaf ${row.idx} of the custody log is event ${row.seq} of ${row.chain} (${row.hash.slice(0, 12)}…), but ${what}: that history was rewritten.` });
    }
    const last = lastSeq.get(row.chain);
    if (last !== undefined && row.seq <= last) problems.push({ code: 'LOG_ORDER', itemId: itemOf(row.chain), message: `Leaf ${row.idx} of the custody log is event ${row.seq} of ${row.chain}, after its event ${last}: the log does not hold the chain in the order it was written.` });
    lastSeq.set(row.chain, row.seq);
    memory.appendEvent(row.hash);
  }
  const unlogged = db.prepare<[], { chain: string; seq: number }>('SELECT e.chain, e.seq FROM custody_events e LEFT JOIN custody_log l ON l.hash = e.hash WHERE l.idx IS NULL ORDER BY e.rowid');
  for (const row of unlogged.iterate()) {
    problems.push({ code: 'LOG_EVENT_MISSING', itemId: itemOf(row.chain), message: `Event ${row.seq} of ${row.chain} is not in the custody log: it was added to its chain outside the log.` });
  }
  const nodes = db.prepare<[], { level: number; idx: number; hash: Buffer }>('SELECT level, idx, hash FROM custody_log_nodes');
  let wrongNodes = 0;
  for (const node of nodes.iterate()) {
    const rebuilt = memory.storedSubtree(node.level, node.idx);
    if (rebuilt === undefined || !rebuilt.equals(node.hash)) wrongNodes += 1;
  }
  if (wrongNodes > 0) problems.push({ code: 'LOG_NODE_MISMATCH', itemId: null, message: `${wrongNodes} stored subtree hash(es) of the custody log differ from the tree its leaves make: the log's index was edited.` });
  const origin = vaultLogOrigin(vaultId);
  const verifier = noteVerifier(origin, publicKey);
  for (const cp of listCheckpoints(db)) {
    const opened = openCheckpoint(cp.note, verifier, { origin });
    if (!opened.ok) {
      problems.push({ code: 'CHECKPOINT_INVALID', itemId: null, message: `Checkpoint ${cp.id} (${cp.madeAt}) does not verify with this vault's key: ${opened.message}` });
      continue;
    }
    const { size, root } = opened.checkpoint;
    if (size !== cp.size || root !== cp.root) problems.push({ code: 'CHECKPOINT_INVALID', itemId: null, message: `Checkpoint ${cp.id} (${cp.madeAt}) is listed as size ${cp.size}, but its signed text says ${size}.` });
    else if (size > memory.size()) problems.push({ code: 'CHECKPOINT_MISMATCH', itemId: null, message: `Checkpoint ${cp.id} (${cp.madeAt}) signed a log of ${size} events, but the log now holds ${memory.size()}: events were cut from its end.` });
    else if (treeRoot(memory, size) !== root) problems.push({ code: 'CHECKPOINT_MISMATCH', itemId: null, message: `Checkpoint ${cp.id} (${cp.madeAt}) signed root ${root.slice(0, 12)}… for the first ${size} events, but the log has another root there: history was rewritten after it was signed.` });
  }
  return { problems, size: memory.size(), root: treeRoot(memory, memory.size()) };
}
