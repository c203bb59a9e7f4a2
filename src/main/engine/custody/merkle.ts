/**
 * The custody log's Merkle tree: RFC 9162 §2.1 (the RFC 6962 tree) with SHA-256, its
 * inclusion and consistency proofs, and the store of complete subtrees that makes proofs
 * cheap on a log of millions of events. Not yet wired into the vault.
 *
 * This comment is the specification; docs/formats.md ("Custody log") repeats it.
 *
 * LEAVES. Each vault has one log. Its leaves are the vault's custody events, every chain's
 * (item chains and the vault chain alike), in the order they were written: leaf 0 is the
 * vault's first event ('vault-created'), leaf i the (i+1)-th event written. The leaf bytes
 * of an event are the 32 raw bytes of its hash (event.ts: SHA-256 of its JCS form), not the
 * 64 hex digits and not the event text. So anyone holding a chain (a bundle's
 * metadata/custody/E0001.jsonl) has its leaves without re-canonicalising anything, and the
 * event hash already commits to the chain, the seq, the link and the contents.
 *
 * HASHING (RFC 9162 §2.1.1), SHA-256 throughout, ‖ is concatenation:
 *   leaf hash     = SHA-256(0x00 ‖ leaf bytes)           (33 bytes hashed for an event)
 *   node hash     = SHA-256(0x01 ‖ left ‖ right)         (65 bytes hashed)
 *   MTH({})       = SHA-256() of nothing = e3b0c442…b855
 *   MTH({d0})     = leaf hash of d0
 *   MTH(D[n])     = node hash of MTH(D[0:k]) and MTH(D[k:n]), k the largest power of two
 *                   smaller than n.
 * The 0x00/0x01 prefixes keep a leaf from ever passing as an inner node.
 *
 * PROOFS are lists of 32-byte hashes, written as 64 lower-case hex digits each, in the
 * order RFC 9162 defines them (deepest first):
 *   inclusion proof of leaf m in a tree of size n (§2.1.3.1): PATH(m, D[n]); empty for
 *     n = 1. Verified by §2.1.3.2 from the leaf hash, m, n and the root.
 *   consistency proof from size m to size n (§2.1.4.1): PROOF(m, D[n]) for 0 < m < n;
 *     empty for m = n. Verified by §2.1.4.2 from m, n and both roots. A proof from the
 *     empty tree (m = 0) proves nothing (every tree extends it) and is refused, as
 *     transparency-dev/merkle refuses it.
 * Sizes and indices are whole numbers below 2^53 (JavaScript's safe integers).
 *
 * STORE. Proof generation reads a MerkleSource: the leaf hashes and, optionally, the stored
 * hash of any complete, aligned subtree (level l, index i) = MTH of leaves
 * [i·2^l, (i+1)·2^l). When a leaf is appended, the subtrees it completes are hashed
 * (subtreesCompletedBy: on average one node per leaf, at most log2 n) and stored, so a
 * store can be a table tlog_nodes(level, idx, hash) beside the leaves. With every complete
 * subtree stored, a root or a proof reads O(log n) hashes: one per proof element, plus the
 * complete subtrees that make up the one incomplete right-edge subtree a proof may need.
 * A missing subtree is recomputed from its leaves (correct, only slower).
 */
import { createHash } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';
import { HEX64 } from './event';

export const MERKLE_HASH_BYTES = 32;
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** SHA-256(0x00 ‖ leaf bytes). */
export function hashLeaf(leaf: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** MTH of the empty tree: SHA-256 of no bytes, lower-case hex. */
export const EMPTY_TREE_ROOT = createHash('sha256').digest('hex');

function invalid(message: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', message);
}

/** The leaf bytes of a custody event: the 32 raw bytes of its hash (64 lower-case hex digits). */
export function custodyLeaf(eventHash: string): Buffer {
  if (typeof eventHash !== 'string' || !HEX64.test(eventHash)) throw invalid('A custody event hash is 64 lower-case hex digits.');
  return Buffer.from(eventHash, 'hex');
}

/** The leaf hash of a custody event: SHA-256(0x00 ‖ its 32 hash bytes). */
export function custodyLeafHash(eventHash: string): Buffer {
  return hashLeaf(custodyLeaf(eventHash));
}

/** What proof generation reads. Hashes are 32-byte Buffers; indices are 0-based. */
export interface MerkleSource {
  /** How many leaves the log holds. */
  size(): number;
  /** The leaf hash (not the leaf bytes) of leaf `index` < size(). */
  leafHash(index: number): Buffer;
  /**
   * The stored hash of the complete subtree at `level` ≥ 1 and `index`, i.e. MTH of leaves
   * [index·2^level, (index+1)·2^level), all below size(); undefined when not stored.
   */
  storedSubtree?(level: number, index: number): Buffer | undefined;
}

function checkCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(`${what} must be a whole number from 0, not ${String(value)}.`);
}

function checkSize(source: MerkleSource, size: number): void {
  checkCount(size, 'The tree size');
  const have = source.size();
  if (size > have) throw invalid(`The log holds ${have} leaves, not ${size}.`);
}

/** The largest power of two smaller than n (n ≥ 2). Arithmetic, not bit operations: sizes may pass 2^32. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** log2(n) when n is a power of two, else -1. */
function exactLevel(n: number): number {
  let level = 0;
  let k = 1;
  while (k < n) {
    k *= 2;
    level += 1;
  }
  return k === n ? level : -1;
}

/** MTH of the complete subtree (level, index); level 0 is a leaf. Uses the store, else recomputes. */
export function subtreeHash(source: MerkleSource, level: number, index: number): Buffer {
  if (level === 0) return source.leafHash(index);
  const stored = source.storedSubtree?.(level, index);
  if (stored !== undefined) return stored;
  return hashChildren(subtreeHash(source, level - 1, 2 * index), subtreeHash(source, level - 1, 2 * index + 1));
}

/** MTH(D[start:end]) for 0 ≤ start < end ≤ size: a stored subtree when aligned and complete, else split as RFC 9162 splits. */
function rangeHash(source: MerkleSource, start: number, end: number): Buffer {
  const n = end - start;
  const level = exactLevel(n);
  if (level >= 0 && start % n === 0) return subtreeHash(source, level, start / n);
  if (n === 1) return source.leafHash(start);
  const k = splitPoint(n);
  return hashChildren(rangeHash(source, start, start + k), rangeHash(source, start + k, end));
}

/** MTH of the first `size` leaves (default: all), lower-case hex. */
export function treeRoot(source: MerkleSource, size: number = source.size()): string {
  checkSize(source, size);
  return size === 0 ? EMPTY_TREE_ROOT : rangeHash(source, 0, size).toString('hex');
}

/** RFC 9162 §2.1.3.1 PATH(index, D[size]) for the first `size` leaves (default: all), deepest first, hex. */
export function inclusionProof(source: MerkleSource, index: number, size: number = source.size()): string[] {
  checkSize(source, size);
  checkCount(index, 'The leaf index');
  if (index >= size) throw invalid(`Leaf ${index} is not in a tree of ${size} leaves.`);
  const proof: Buffer[] = [];
  const path = (start: number, end: number): void => {
    const n = end - start;
    if (n === 1) return;
    const k = splitPoint(n);
    if (index - start < k) {
      path(start, start + k);
      proof.push(rangeHash(source, start + k, end));
    } else {
      path(start + k, end);
      proof.push(rangeHash(source, start, start + k));
    }
  };
  path(0, size);
  return proof.map((hash) => hash.toString('hex'));
}

/** RFC 9162 §2.1.4.1 PROOF(oldSize, D[newSize]) (default: all leaves), deepest first, hex; empty when the sizes are equal. */
export function consistencyProof(source: MerkleSource, oldSize: number, newSize: number = source.size()): string[] {
  checkSize(source, newSize);
  checkCount(oldSize, 'The old tree size');
  if (oldSize === 0) throw invalid('A consistency proof from the empty tree proves nothing.');
  if (oldSize > newSize) throw invalid(`The old tree size (${oldSize}) is larger than the new one (${newSize}).`);
  const proof: Buffer[] = [];
  // SUBPROOF(m, D[start:end], whole): m counts leaves from start; whole says D[start:start+m] is the old tree itself.
  const subproof = (m: number, start: number, end: number, whole: boolean): void => {
    const n = end - start;
    if (m === n) {
      if (!whole) proof.push(rangeHash(source, start, end));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      subproof(m, start, start + k, whole);
      proof.push(rangeHash(source, start + k, end));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(rangeHash(source, start, start + k));
    }
  };
  subproof(oldSize, 0, newSize, true);
  return proof.map((hash) => hash.toString('hex'));
}

/** A complete subtree's hash, as a store keeps it (tlog_nodes: level, idx, hash). */
export interface SubtreeNode {
  readonly level: number;
  readonly index: number;
  readonly hash: Buffer;
}

/**
 * The complete subtrees that leaf `leafIndex` finishes, bottom up: (1, ⌊i/2⌋) when i is
 * odd, then (2, ⌊i/4⌋) when i ≡ 3 mod 4, and so on. `read(level, index)` gives a hash the
 * store holds already (level 0: a leaf hash; the left siblings are all that is read).
 * On average one node a leaf; at most log2 of the size.
 */
export function subtreesCompletedBy(leafIndex: number, leafHash: Buffer, read: (level: number, index: number) => Buffer): SubtreeNode[] {
  checkCount(leafIndex, 'The leaf index');
  const nodes: SubtreeNode[] = [];
  let hash = leafHash;
  let index = leafIndex;
  let level = 0;
  while (index % 2 === 1) {
    hash = hashChildren(read(level, index - 1), hash);
    index = (index - 1) / 2;
    level += 1;
    nodes.push({ level, index, hash });
  }
  return nodes;
}

/** A log held in memory, every complete subtree stored: for tests, and for a bundle's proofs built from its chains. */
export class MemoryMerkleLog implements MerkleSource {
  /** levels[0] the leaf hashes, levels[l][i] the complete subtree (l, i). */
  private readonly levels: Buffer[][] = [[]];

  private leaves(): Buffer[] {
    return this.levels[0] as Buffer[];
  }

  /** Appends a leaf hash; returns its index. */
  append(leafHash: Buffer): number {
    if (leafHash.length !== MERKLE_HASH_BYTES) throw invalid('A leaf hash is 32 bytes.');
    const index = this.leaves().length;
    const completed = subtreesCompletedBy(index, leafHash, (level, i) => this.node(level, i));
    this.leaves().push(Buffer.from(leafHash));
    for (const node of completed) {
      const row = (this.levels[node.level] ??= []);
      if (row.length !== node.index) throw new TamgaError('INTERNAL', `Subtree (${node.level}, ${node.index}) completed out of order.`);
      row.push(node.hash);
    }
    return index;
  }

  /** Appends a custody event by its hash (64 lower-case hex digits); returns its leaf index. */
  appendEvent(eventHash: string): number {
    return this.append(custodyLeafHash(eventHash));
  }

  size(): number {
    return this.leaves().length;
  }

  leafHash(index: number): Buffer {
    return this.node(0, index);
  }

  storedSubtree(level: number, index: number): Buffer | undefined {
    return this.levels[level]?.[index];
  }

  private node(level: number, index: number): Buffer {
    const hash = this.levels[level]?.[index];
    if (hash === undefined) throw invalid(`The log holds no subtree (${level}, ${index}).`);
    return hash;
  }
}

export const PROOF_PROBLEM_CODES = [
  /** A hash that is not 64 lower-case hex digits, or a size or index that is not a whole number from 0. */
  'MALFORMED',
  /** The leaf index is not below the tree size. */
  'INDEX_OUT_OF_RANGE',
  /** The old tree is larger than the new one. */
  'SIZES_OUT_OF_ORDER',
  /** A consistency proof from the empty tree, which proves nothing. */
  'EMPTY_OLD_TREE',
  /** The proof has more or fewer hashes than the index and sizes call for (cut, padded, or for another position). */
  'WRONG_PROOF_LENGTH',
  /** The proof leads to another root than the (new) root given: leaf, proof, index, size or root altered. */
  'ROOT_MISMATCH',
  /** A consistency proof that does not rebuild the old root: the old tree is not a prefix of the new one as claimed. */
  'OLD_ROOT_MISMATCH',
] as const;

export type ProofProblemCode = (typeof PROOF_PROBLEM_CODES)[number];

export type ProofVerdict = { readonly ok: true } | { readonly ok: false; readonly problem: ProofProblemCode; readonly message: string };

const PASS: ProofVerdict = { ok: true };

function fail(problem: ProofProblemCode, message: string): ProofVerdict {
  return { ok: false, problem, message };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

function proofProblem(proof: unknown): string | null {
  if (!Array.isArray(proof)) return 'the proof is not a list of hashes';
  const bad = proof.findIndex((hash) => !isHash(hash));
  return bad >= 0 ? `proof element ${bad} is not 64 lower-case hex digits` : null;
}

const bytes = (hex: string): Buffer => Buffer.from(hex, 'hex');

export interface InclusionClaim {
  /** The leaf hash (for an event: custodyLeafHash(its hash)), hex. */
  readonly leafHash: string;
  readonly index: number;
  readonly size: number;
  readonly proof: readonly string[];
  /** The root of the tree of `size` leaves (from a verified checkpoint), hex. */
  readonly root: string;
}

/** RFC 9162 §2.1.3.2. Pure; never throws: says what is wrong. */
export function verifyInclusion(claim: InclusionClaim): ProofVerdict {
  const { leafHash, index, size, proof, root } = claim;
  if (!isCount(index) || !isCount(size)) return fail('MALFORMED', 'The leaf index and the tree size must be whole numbers from 0.');
  if (!isHash(leafHash) || !isHash(root)) return fail('MALFORMED', 'The leaf hash and the root must be 64 lower-case hex digits.');
  const malformed = proofProblem(proof);
  if (malformed !== null) return fail('MALFORMED', `The inclusion proof is malformed: ${malformed}.`);
  if (index >= size) return fail('INDEX_OUT_OF_RANGE', `Leaf ${index} cannot be in a tree of ${size} leaves.`);
  let fn = index;
  let sn = size - 1;
  let r = bytes(leafHash);
  for (const element of proof) {
    if (sn === 0) return fail('WRONG_PROOF_LENGTH', `The inclusion proof of leaf ${index} in a tree of ${size} has too many hashes (${proof.length}).`);
    const p = bytes(element);
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('WRONG_PROOF_LENGTH', `The inclusion proof of leaf ${index} in a tree of ${size} has too few hashes (${proof.length}).`);
  if (!r.equals(bytes(root))) return fail('ROOT_MISMATCH', `The inclusion proof of leaf ${index} leads to root ${r.toString('hex')}, not ${root}.`);
  return PASS;
}

export interface ConsistencyClaim {
  readonly oldSize: number;
  readonly newSize: number;
  readonly oldRoot: string;
  readonly newRoot: string;
  readonly proof: readonly string[];
}

/** RFC 9162 §2.1.4.2, refusing the empty old tree. Pure; never throws: says what is wrong. */
export function verifyConsistency(claim: ConsistencyClaim): ProofVerdict {
  const { oldSize, newSize, oldRoot, newRoot, proof } = claim;
  if (!isCount(oldSize) || !isCount(newSize)) return fail('MALFORMED', 'The tree sizes must be whole numbers from 0.');
  if (!isHash(oldRoot) || !isHash(newRoot)) return fail('MALFORMED', 'The roots must be 64 lower-case hex digits.');
  const malformed = proofProblem(proof);
  if (malformed !== null) return fail('MALFORMED', `The consistency proof is malformed: ${malformed}.`);
  if (oldSize > newSize) return fail('SIZES_OUT_OF_ORDER', `The old tree (${oldSize} leaves) is larger than the new one (${newSize}).`);
  if (oldSize === 0) return fail('EMPTY_OLD_TREE', 'A consistency proof from the empty tree proves nothing.');
  if (oldSize === newSize) {
    if (proof.length > 0) return fail('WRONG_PROOF_LENGTH', `Two trees of the same size (${newSize}) need an empty consistency proof, not ${proof.length} hashes.`);
    return oldRoot === newRoot ? PASS : fail('ROOT_MISMATCH', `Two trees of ${newSize} leaves have different roots, ${oldRoot} and ${newRoot}.`);
  }
  if (proof.length === 0) return fail('WRONG_PROOF_LENGTH', `The consistency proof from ${oldSize} to ${newSize} leaves is empty.`);
  const path = proof.map(bytes);
  // Step 2: a complete old tree is its own first node.
  if (exactLevel(oldSize) >= 0) path.unshift(bytes(oldRoot));
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = (fn - 1) / 2;
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Buffer;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('WRONG_PROOF_LENGTH', `The consistency proof from ${oldSize} to ${newSize} leaves has too many hashes (${proof.length}).`);
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn /= 2;
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  if (sn !== 0) return fail('WRONG_PROOF_LENGTH', `The consistency proof from ${oldSize} to ${newSize} leaves has too few hashes (${proof.length}).`);
  if (!fr.equals(bytes(oldRoot))) return fail('OLD_ROOT_MISMATCH', `The consistency proof does not rebuild the old root ${oldRoot} of ${oldSize} leaves.`);
  if (!sr.equals(bytes(newRoot))) return fail('ROOT_MISMATCH', `The consistency proof leads to root ${sr.toString('hex')} for ${newSize} leaves, not ${newRoot}.`);
  return PASS;
}
