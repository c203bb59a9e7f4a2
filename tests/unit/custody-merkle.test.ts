// The custody log's Merkle tree (src/main/engine/custody/merkle.ts): published RFC 6962 /
// RFC 9162 vectors, a second implementation in Python (tests/helpers/rfc9162.py) that checks
// our proofs and whose proofs we check, refused tampering, and the O(log n) store reads.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_TREE_ROOT,
  MemoryMerkleLog,
  consistencyProof,
  custodyLeaf,
  custodyLeafHash,
  hashChildren,
  hashLeaf,
  inclusionProof,
  subtreeHash,
  subtreesCompletedBy,
  treeRoot,
  verifyConsistency,
  verifyInclusion,
  type MerkleSource,
  type ProofProblemCode,
} from '../../src/main/engine/custody/merkle';
import { TamgaError } from '../../src/shared/errors';
import { ROOT } from '../helpers/child-process';

const hex = (b64: string): string => Buffer.from(b64, 'base64').toString('hex');

// The RFC 6962 reference tree of transparency-dev/merkle testonly/constants.go (commit
// 417fb0c314750d94e53942e9f92e79b6d35915db): LeafInputs, NodeHashes and RootHashes.
const LEAF_INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const NODE_HASHES = [
  [
    '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
    '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
    '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
    'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
    'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
    '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
  ],
  [
    'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
    '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
    '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
    'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
  ],
  ['d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'],
  ['5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'],
];
const ROOT_HASHES = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

function referenceLog(): MemoryMerkleLog {
  const log = new MemoryMerkleLog();
  for (const input of LEAF_INPUTS) log.append(hashLeaf(Buffer.from(input, 'hex')));
  return log;
}

interface InclusionProbe {
  readonly file: string;
  readonly leafIdx: number;
  readonly treeSize: number;
  readonly root: string;
  readonly leafHash: string;
  readonly proof: readonly string[];
  readonly wantErr: boolean;
}
interface ConsistencyProbe {
  readonly file: string;
  readonly size1: number;
  readonly size2: number;
  readonly root1: string;
  readonly root2: string;
  readonly proof: readonly string[];
  readonly wantErr: boolean;
}
// Every inclusion and consistency probe of transparency-dev/merkle testdata/ (see the file's
// "source"): the 8-leaf tree above, proofs that are right, and proofs with a flipped bit,
// an element added, cut or moved, a wrong index, size or root …, each saying whether a
// verifier must refuse it.
const PROBES = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'tlog', 'transparency-dev-probes.json'), 'utf8')) as {
  readonly inclusion: readonly InclusionProbe[];
  readonly consistency: readonly ConsistencyProbe[];
};
// Our hashes are 64 hex digits, so a probe with a placeholder of another length
// ("don't care 2", 12 bytes) is MALFORMED here even where the probe wants it accepted.
const PLACEHOLDER_PROBES = ['testdata/consistency/additional/sizes-are-equal-one-and-proof-is-empty.json'];

/** Leaves that look like custody events: 32-byte hashes, deterministic. */
function eventHashes(count: number, label = 'event'): string[] {
  return Array.from({ length: count }, (_, i) => createHash('sha256').update(`${label} ${i}`).digest('hex'));
}

function logOf(hashes: readonly string[]): MemoryMerkleLog {
  const log = new MemoryMerkleLog();
  for (const hash of hashes) log.appendEvent(hash);
  return log;
}

interface PythonRequest {
  readonly leaves: readonly string[];
  readonly roots?: readonly number[];
  readonly proveInclusion?: readonly { readonly index: number; readonly size: number }[];
  readonly proveConsistency?: readonly { readonly m: number; readonly n: number }[];
  readonly verifyInclusion?: readonly { readonly leafHash: string; readonly index: number; readonly size: number; readonly proof: readonly string[]; readonly root: string }[];
  readonly verifyConsistency?: readonly { readonly m: number; readonly n: number; readonly proof: readonly string[]; readonly oldRoot: string; readonly newRoot: string }[];
}
interface PythonAnswer {
  readonly roots: string[];
  readonly proveInclusion: string[][];
  readonly proveConsistency: string[][];
  readonly verifyInclusion: boolean[];
  readonly verifyConsistency: boolean[];
}

function python(request: PythonRequest): PythonAnswer {
  const run = spawnSync('python3', [join(ROOT, 'tests', 'helpers', 'rfc9162.py')], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as PythonAnswer;
}

/** A deterministic generator of whole numbers below `bound`. */
function randoms(seed: string): (bound: number) => number {
  let counter = 0;
  return (bound) => createHash('sha256').update(`${seed} ${counter++}`).digest().readUInt32BE(0) % bound;
}

function problemOf(verdict: ReturnType<typeof verifyInclusion>): ProofProblemCode | null {
  return verdict.ok ? null : verdict.problem;
}

describe('the Merkle tree hash (RFC 9162 §2.1.1)', () => {
  it('reproduces the RFC 6962 reference tree of transparency-dev/merkle', () => {
    const log = referenceLog();
    expect(ROOT_HASHES.map((_, size) => treeRoot(log, size))).toEqual(ROOT_HASHES);
    NODE_HASHES.forEach((row, level) => row.forEach((hash, index) => expect(subtreeHash(log, level, index).toString('hex'), `(${level}, ${index})`).toBe(hash)));
    expect(EMPTY_TREE_ROOT).toBe(ROOT_HASHES[0]);
    expect(treeRoot(new MemoryMerkleLog())).toBe(EMPTY_TREE_ROOT);
  });

  it('hashes leaves with 0x00 and nodes with 0x01', () => {
    expect(hashLeaf(Buffer.alloc(0)).toString('hex')).toBe(createHash('sha256').update(Buffer.from([0])).digest('hex'));
    const [a, b] = [Buffer.alloc(32, 0xaa), Buffer.alloc(32, 0xbb)];
    expect(hashChildren(a, b)).toEqual(createHash('sha256').update(Buffer.concat([Buffer.from([1]), a, b])).digest());
  });

  it('takes a custody event’s 32 hash bytes as its leaf', () => {
    // Event 0 of the custody worked example in docs/formats.md.
    const hash = '629f67d09da3ac0b48e855f15c75d66594eb0003fcc4c40c677976a81762f8ca';
    expect(custodyLeaf(hash)).toEqual(Buffer.from(hash, 'hex'));
    expect(custodyLeafHash(hash).toString('hex')).toBe(createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(hash, 'hex')])).digest('hex'));
    for (const bad of [hash.toUpperCase(), hash.slice(1), `${hash}0`, '']) expect(() => custodyLeaf(bad)).toThrow(TamgaError);
  });

  it('gives the same roots from the stored subtrees and from the leaves alone', () => {
    const log = logOf(eventHashes(300));
    const leavesOnly: MerkleSource = { size: () => log.size(), leafHash: (i) => log.leafHash(i) };
    for (const size of [1, 2, 3, 7, 8, 9, 100, 255, 256, 257, 300]) expect(treeRoot(leavesOnly, size)).toBe(treeRoot(log, size));
  });
});

describe('proofs against the transparency-dev/merkle probes', () => {
  it('generates exactly the published proofs of the reference tree', () => {
    const log = referenceLog();
    const happy = PROBES.inclusion.filter((p) => !p.wantErr && p.treeSize <= 8 && hex(p.leafHash) === log.leafHash(p.leafIdx).toString('hex'));
    expect(happy.length).toBeGreaterThanOrEqual(5);
    for (const p of happy) expect(inclusionProof(log, p.leafIdx, p.treeSize), p.file).toEqual(p.proof.map(hex));
    const consistent = PROBES.consistency.filter((p) => !p.wantErr && p.size1 > 0 && p.size2 <= 8 && hex(p.root1) === treeRoot(log, p.size1));
    expect(consistent.length).toBeGreaterThanOrEqual(5);
    for (const p of consistent) expect(consistencyProof(log, p.size1, p.size2), p.file).toEqual(p.proof.map(hex));
  });

  it('accepts every inclusion probe that must pass and refuses every one that must not', () => {
    expect(PROBES.inclusion).toHaveLength(98);
    for (const p of PROBES.inclusion) {
      const verdict = verifyInclusion({ leafHash: hex(p.leafHash), index: p.leafIdx, size: p.treeSize, proof: p.proof.map(hex), root: hex(p.root) });
      expect(verdict.ok, p.file).toBe(!p.wantErr);
    }
  });

  it('accepts every consistency probe that must pass and refuses every one that must not', () => {
    expect(PROBES.consistency).toHaveLength(98);
    for (const p of PROBES.consistency) {
      const claim = { oldSize: p.size1, newSize: p.size2, oldRoot: hex(p.root1), newRoot: hex(p.root2), proof: p.proof.map(hex) };
      const verdict = verifyConsistency(claim);
      if (PLACEHOLDER_PROBES.includes(p.file)) {
        expect(problemOf(verdict), p.file).toBe('MALFORMED');
        const real = createHash('sha256').update(p.root1).digest('hex');
        expect(verifyConsistency({ ...claim, oldRoot: real, newRoot: real }).ok, `${p.file} with a real hash`).toBe(!p.wantErr);
      } else {
        expect(verdict.ok, p.file).toBe(!p.wantErr);
      }
    }
  });
});

describe('proofs checked by a second implementation (tests/helpers/rfc9162.py)', () => {
  it('agree on every root, inclusion and consistency proof for trees of 1 to 70 leaves', () => {
    const leaves = eventHashes(70);
    const log = logOf(leaves);
    const sizes = Array.from({ length: 70 }, (_, i) => i + 1);
    const inclusion = sizes.flatMap((size) => Array.from({ length: size }, (_, index) => ({ index, size })));
    const consistency = sizes.flatMap((n) => Array.from({ length: n }, (_, i) => ({ m: i + 1, n })));
    const answer = python({
      leaves,
      roots: [0, ...sizes],
      proveInclusion: inclusion,
      proveConsistency: consistency,
      verifyInclusion: inclusion.map(({ index, size }) => ({ leafHash: log.leafHash(index).toString('hex'), index, size, proof: inclusionProof(log, index, size), root: treeRoot(log, size) })),
      verifyConsistency: consistency.map(({ m, n }) => ({ m, n, proof: consistencyProof(log, m, n), oldRoot: treeRoot(log, m), newRoot: treeRoot(log, n) })),
    });
    expect(answer.roots).toEqual([0, ...sizes].map((size) => treeRoot(log, size)));
    expect(answer.verifyInclusion.every(Boolean)).toBe(true);
    expect(answer.verifyConsistency.every(Boolean)).toBe(true);
    // And the other way round: Python's proofs are ours, and ours verify them.
    expect(answer.proveInclusion).toEqual(inclusion.map(({ index, size }) => inclusionProof(log, index, size)));
    expect(answer.proveConsistency).toEqual(consistency.map(({ m, n }) => consistencyProof(log, m, n)));
    inclusion.forEach(({ index, size }, i) => {
      expect(verifyInclusion({ leafHash: log.leafHash(index).toString('hex'), index, size, proof: answer.proveInclusion[i] ?? [], root: answer.roots[size] ?? '' }).ok).toBe(true);
    });
    consistency.forEach(({ m, n }, i) => {
      expect(verifyConsistency({ oldSize: m, newSize: n, proof: answer.proveConsistency[i] ?? [], oldRoot: answer.roots[m] ?? '', newRoot: answer.roots[n] ?? '' }).ok).toBe(true);
    });
  });

  it('agree on larger trees, at random places', () => {
    const random = randoms('larger trees');
    const leaves = eventHashes(5000, 'large');
    const log = logOf(leaves);
    const sizes = [127, 128, 129, 1000, 1023, 1024, 1025, 3333, 4096, 4097, 5000];
    const inclusion = sizes.flatMap((size) => [0, size - 1, random(size), random(size), random(size)].map((index) => ({ index, size })));
    const consistency = sizes.flatMap((n) => [1, n - 1, n, 1 + random(n), 1 + random(n)].map((m) => ({ m, n })));
    const answer = python({
      leaves,
      roots: sizes,
      proveInclusion: inclusion,
      proveConsistency: consistency,
      verifyInclusion: inclusion.map(({ index, size }) => ({ leafHash: log.leafHash(index).toString('hex'), index, size, proof: inclusionProof(log, index, size), root: treeRoot(log, size) })),
      verifyConsistency: consistency.map(({ m, n }) => ({ m, n, proof: consistencyProof(log, m, n), oldRoot: treeRoot(log, m), newRoot: treeRoot(log, n) })),
    });
    expect(answer.roots).toEqual(sizes.map((size) => treeRoot(log, size)));
    expect(answer.verifyInclusion.every(Boolean)).toBe(true);
    expect(answer.verifyConsistency.every(Boolean)).toBe(true);
    expect(answer.proveInclusion).toEqual(inclusion.map(({ index, size }) => inclusionProof(log, index, size)));
    expect(answer.proveConsistency).toEqual(consistency.map(({ m, n }) => consistencyProof(log, m, n)));
  });

  it('both refuse a proof with a flipped bit, a wrong index or size, or a hash cut off or added', () => {
    const leaves = eventHashes(45, 'tamper');
    const log = logOf(leaves);
    const flip = (proof: readonly string[], at: number): string[] =>
      proof.map((hash, i) => (i === at ? (Buffer.from(hash, 'hex').map((byte, j) => (j === 7 ? byte ^ 0x10 : byte)) as Buffer).toString('hex') : hash));
    const extra = 'ab'.repeat(32);
    type Inc = { leafHash: string; index: number; size: number; proof: string[]; root: string; want: ProofProblemCode };
    const inclusion: Inc[] = [];
    for (const [index, size] of [[0, 45], [13, 45], [44, 45], [31, 32], [5, 6], [20, 33]] as const) {
      const good = { leafHash: log.leafHash(index).toString('hex'), index, size, proof: inclusionProof(log, index, size), root: treeRoot(log, size) };
      expect(verifyInclusion(good).ok).toBe(true);
      for (let at = 0; at < good.proof.length; at++) inclusion.push({ ...good, proof: flip(good.proof, at), want: 'ROOT_MISMATCH' });
      inclusion.push({ ...good, leafHash: log.leafHash((index + 1) % size).toString('hex'), want: 'ROOT_MISMATCH' });
      inclusion.push({ ...good, root: treeRoot(log, size - 1), want: 'ROOT_MISMATCH' });
      inclusion.push({ ...good, proof: good.proof.slice(0, -1), want: 'WRONG_PROOF_LENGTH' });
      inclusion.push({ ...good, proof: [...good.proof, extra], want: 'WRONG_PROOF_LENGTH' });
      inclusion.push({ ...good, proof: [extra, ...good.proof], want: 'WRONG_PROOF_LENGTH' });
      inclusion.push({ ...good, index: size, want: 'INDEX_OUT_OF_RANGE' });
    }
    // A wrong index or size fails by length or by root. (Not every size: a proof for 13 of
    // 45 leaves also verifies as 13 of 44 against the same root, as RFC 9162 allows; the
    // signed checkpoint is what binds a root to its size.)
    const shifted: Omit<Inc, 'want'>[] = [];
    for (const [index, size] of [[13, 45], [20, 33], [6, 7]] as const) {
      const good = { leafHash: log.leafHash(index).toString('hex'), index, size, proof: inclusionProof(log, index, size), root: treeRoot(log, size) };
      for (const other of [index - 1, index + 1, index ^ 2]) if (other >= 0 && other < size) shifted.push({ ...good, index: other });
      for (const other of [size * 2, Math.floor(size / 2)]) if (other > index) shifted.push({ ...good, size: other });
    }
    type Con = { m: number; n: number; proof: string[]; oldRoot: string; newRoot: string };
    const consistency: Con[] = [];
    for (const [m, n] of [[1, 45], [7, 45], [16, 45], [32, 33], [44, 45], [5, 6], [20, 37]] as const) {
      const good = { m, n, proof: consistencyProof(log, m, n), oldRoot: treeRoot(log, m), newRoot: treeRoot(log, n) };
      expect(verifyConsistency({ oldSize: m, newSize: n, proof: good.proof, oldRoot: good.oldRoot, newRoot: good.newRoot }).ok).toBe(true);
      for (let at = 0; at < good.proof.length; at++) consistency.push({ ...good, proof: flip(good.proof, at) });
      consistency.push({ ...good, proof: good.proof.slice(0, -1) }, { ...good, proof: good.proof.slice(1) }, { ...good, proof: [...good.proof, extra] });
      consistency.push({ ...good, m: m + 1 }, { ...good, n: n * 2 }, { ...good, oldRoot: good.newRoot, newRoot: good.oldRoot });
      consistency.push({ ...good, oldRoot: treeRoot(log, m + 1) }, { ...good, newRoot: treeRoot(log, n - 1) }, { ...good, m: 0, oldRoot: EMPTY_TREE_ROOT });
    }

    for (const claim of inclusion) expect(problemOf(verifyInclusion(claim)), JSON.stringify({ ...claim, proof: claim.proof.length })).toBe(claim.want);
    for (const claim of shifted) expect(verifyInclusion(claim).ok, `index ${claim.index} size ${claim.size}`).toBe(false);
    for (const c of consistency) {
      expect(verifyConsistency({ oldSize: c.m, newSize: c.n, proof: c.proof, oldRoot: c.oldRoot, newRoot: c.newRoot }).ok, `${c.m} → ${c.n}`).toBe(false);
    }
    const answer = python({ leaves, verifyInclusion: [...inclusion, ...shifted], verifyConsistency: consistency });
    expect(answer.verifyInclusion).toEqual([...inclusion, ...shifted].map(() => false));
    expect(answer.verifyConsistency).toEqual(consistency.map(() => false));
  });
});

describe('proof verification', () => {
  const log = logOf(eventHashes(11));
  const good = { leafHash: log.leafHash(3).toString('hex'), index: 3, size: 11, proof: inclusionProof(log, 3, 11), root: treeRoot(log, 11) };

  it('says MALFORMED for hashes that are not 64 lower-case hex digits, and for sizes that are not whole numbers', () => {
    for (const claim of [
      { ...good, root: good.root.toUpperCase() },
      { ...good, leafHash: good.leafHash.slice(2) },
      { ...good, proof: [...good.proof.slice(1), 'zz'.repeat(32)] },
      { ...good, index: -1 },
      { ...good, size: 2.5 },
      { ...good, size: Number.MAX_SAFE_INTEGER + 1 },
    ]) {
      expect(problemOf(verifyInclusion(claim))).toBe('MALFORMED');
    }
    expect(problemOf(verifyInclusion({ ...good, proof: 'not a list' as unknown as string[] }))).toBe('MALFORMED');
  });

  it('names each consistency problem', () => {
    const base = { oldSize: 5, newSize: 11, oldRoot: treeRoot(log, 5), newRoot: treeRoot(log, 11), proof: consistencyProof(log, 5, 11) };
    expect(verifyConsistency(base)).toEqual({ ok: true });
    expect(problemOf(verifyConsistency({ ...base, oldSize: 12 }))).toBe('SIZES_OUT_OF_ORDER');
    expect(problemOf(verifyConsistency({ ...base, oldSize: 0 }))).toBe('EMPTY_OLD_TREE');
    expect(problemOf(verifyConsistency({ ...base, proof: [] }))).toBe('WRONG_PROOF_LENGTH');
    expect(problemOf(verifyConsistency({ ...base, oldRoot: treeRoot(log, 6) }))).toBe('OLD_ROOT_MISMATCH');
    // A complete old tree (4 leaves) is the proof's own first node: a wrong old root then shows as the new root's mismatch.
    expect(problemOf(verifyConsistency({ oldSize: 4, newSize: 11, oldRoot: treeRoot(log, 5), newRoot: base.newRoot, proof: consistencyProof(log, 4, 11) }))).toBe('ROOT_MISMATCH');
    expect(problemOf(verifyConsistency({ ...base, newRoot: treeRoot(log, 10) }))).toBe('ROOT_MISMATCH');
    expect(verifyConsistency({ ...base, oldSize: 11, oldRoot: base.newRoot, proof: [] })).toEqual({ ok: true });
    expect(problemOf(verifyConsistency({ ...base, oldSize: 11, oldRoot: base.newRoot }))).toBe('WRONG_PROOF_LENGTH');
    expect(problemOf(verifyConsistency({ ...base, oldSize: 11, proof: [] }))).toBe('ROOT_MISMATCH');
  });

  it('refuses to prove what the log does not hold', () => {
    expect(() => inclusionProof(log, 11)).toThrow(TamgaError);
    expect(() => inclusionProof(log, 0, 12)).toThrow(TamgaError);
    expect(() => inclusionProof(log, 0, 0)).toThrow(TamgaError);
    expect(() => consistencyProof(log, 0, 5)).toThrow(TamgaError);
    expect(() => consistencyProof(log, 6, 5)).toThrow(TamgaError);
    expect(() => treeRoot(log, 12)).toThrow(TamgaError);
    expect(consistencyProof(log, 11)).toEqual([]);
    expect(inclusionProof(logOf(eventHashes(1)), 0)).toEqual([]);
  });
});

describe('the subtree store', () => {
  it('stores the subtrees each append completes: n − popcount(n) in all, at most log2 n for one leaf', () => {
    const stored: string[] = [];
    const nodes = new Map<string, Buffer>();
    const leaves = eventHashes(1000, 'store').map(custodyLeafHash);
    let most = 0;
    leaves.forEach((leaf, i) => {
      nodes.set(`0 ${i}`, leaf);
      const completed = subtreesCompletedBy(i, leaf, (level, index) => {
        const hash = nodes.get(`${level} ${index}`);
        if (hash === undefined) throw new Error(`read of an absent node (${level}, ${index})`);
        return hash;
      });
      most = Math.max(most, completed.length);
      for (const node of completed) {
        nodes.set(`${node.level} ${node.index}`, node.hash);
        stored.push(`${node.level} ${node.index}`);
      }
    });
    const popcount = [...(1000).toString(2)].filter((bit) => bit === '1').length;
    expect(stored).toHaveLength(1000 - popcount);
    expect(most).toBe(9); // leaf 511 completes (1, 255) … (9, 0)
    const log = logOf(eventHashes(1000, 'store'));
    for (const key of stored) {
      const [level, index] = key.split(' ').map(Number) as [number, number];
      expect(nodes.get(key)).toEqual(log.storedSubtree(level, index));
    }
  });

  it('makes a root or a proof read O(log n) hashes on a large log', () => {
    const size = 200_003; // not a power of two: proofs meet the incomplete right edge
    const log = new MemoryMerkleLog();
    const base = createHash('sha256').update('large log').digest();
    for (let i = 0; i < size; i++) {
      base.writeUInt32BE(i, 0);
      log.append(hashLeaf(base));
    }
    let reads = 0;
    const counted: MerkleSource = {
      size: () => log.size(),
      leafHash: (i) => (reads++, log.leafHash(i)),
      storedSubtree: (level, index) => (reads++, log.storedSubtree(level, index)),
    };
    const bound = 3 * Math.ceil(Math.log2(size)) + 3;
    const measure = (work: () => unknown): number => {
      reads = 0;
      work();
      return reads;
    };
    expect(measure(() => treeRoot(counted))).toBeLessThanOrEqual(bound);
    for (const index of [0, 1, 99_999, 131_071, 131_072, 199_999, size - 1]) {
      expect(measure(() => inclusionProof(counted, index)), `leaf ${index}`).toBeLessThanOrEqual(bound);
    }
    for (const oldSize of [1, 3, 65_536, 131_073, 150_001, size - 1]) {
      expect(measure(() => consistencyProof(counted, oldSize)), `from ${oldSize}`).toBeLessThanOrEqual(bound);
    }
    const proof = inclusionProof(log, 150_000);
    expect(verifyInclusion({ leafHash: log.leafHash(150_000).toString('hex'), index: 150_000, size, proof, root: treeRoot(log) }).ok).toBe(true);
  });
});
