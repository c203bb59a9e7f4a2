#!/usr/bin/env python3
"""A second, independent RFC 9162 Merkle tree (section 2.1), Python standard library only.

tests/unit/custody-merkle.test.ts checks the TypeScript log against it. Written from the
RFC's text, not from src/main/engine/custody/merkle.ts: roots and proofs by the recursive
definitions (MTH, PATH, SUBPROOF) over a plain list of leaves, proofs verified by the
algorithms of sections 2.1.3.2 and 2.1.4.2.

Reads one JSON request on stdin, writes one JSON answer on stdout. All hashes and leaves
are lower-case hex.

  {"leaves": [leaf bytes, ...],                 the tree's leaves (bytes, not leaf hashes)
   "roots": [n, ...],                           MTH of the first n leaves
   "proveInclusion": [{"index", "size"}],       PATH(index, D[size])
   "proveConsistency": [{"m", "n"}],            PROOF(m, D[n])
   "verifyInclusion": [{"leafHash", "index", "size", "proof", "root"}],
   "verifyConsistency": [{"m", "n", "proof", "oldRoot", "newRoot"}]}

answers {"roots": [hex], "proveInclusion": [[hex]], "proveConsistency": [[hex]],
"verifyInclusion": [bool], "verifyConsistency": [bool]}, each list in request order.
"""

import functools
import hashlib
import json
import sys


def sha256(data):
    return hashlib.sha256(data).digest()


def leaf_hash(leaf):
    return sha256(b"\x00" + leaf)


def node_hash(left, right):
    return sha256(b"\x01" + left + right)


def split(n):
    """The largest power of two smaller than n, for n > 1."""
    k = 1
    while k * 2 < n:
        k *= 2
    return k


class Tree:
    def __init__(self, leaves):
        self.leaves = leaves

    @functools.lru_cache(maxsize=None)
    def mth(self, start, end):
        """MTH(D[start:end]) as section 2.1.1 defines it."""
        n = end - start
        if n == 0:
            return sha256(b"")
        if n == 1:
            return leaf_hash(self.leaves[start])
        k = split(n)
        return node_hash(self.mth(start, start + k), self.mth(start + k, end))

    def path(self, m, start, end):
        """PATH(m, D[start:end]), m counted from start (section 2.1.3.1)."""
        n = end - start
        if n == 1:
            return []
        k = split(n)
        if m < k:
            return self.path(m, start, start + k) + [self.mth(start + k, end)]
        return self.path(m - k, start + k, end) + [self.mth(start, start + k)]

    def subproof(self, m, start, end, b):
        """SUBPROOF(m, D[start:end], b) (section 2.1.4.1)."""
        n = end - start
        if m == n:
            return [] if b else [self.mth(start, end)]
        k = split(n)
        if m <= k:
            return self.subproof(m, start, start + k, b) + [self.mth(start + k, end)]
        return self.subproof(m - k, start + k, end, False) + [self.mth(start, start + k)]


def verify_inclusion(leaf, index, size, proof, root):
    """Section 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(m, n, proof, first, second):
    """Section 2.1.4.2; like the TypeScript log, a proof from the empty tree is refused."""
    if m == 0 or m > n:
        return False
    if m == n:
        return not proof and first == second
    if not proof:
        return False
    path = list(proof)
    if m & (m - 1) == 0:
        path = [first] + path
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == first and sr == second


def unhex(values):
    return [bytes.fromhex(v) for v in values]


def main():
    request = json.load(sys.stdin)
    tree = Tree(tuple(unhex(request.get("leaves", []))))
    answer = {
        "roots": [tree.mth(0, n).hex() for n in request.get("roots", [])],
        "proveInclusion": [[h.hex() for h in tree.path(c["index"], 0, c["size"])] for c in request.get("proveInclusion", [])],
        "proveConsistency": [[h.hex() for h in tree.subproof(c["m"], 0, c["n"], True)] for c in request.get("proveConsistency", [])],
        "verifyInclusion": [
            verify_inclusion(bytes.fromhex(c["leafHash"]), c["index"], c["size"], unhex(c["proof"]), bytes.fromhex(c["root"]))
            for c in request.get("verifyInclusion", [])
        ],
        "verifyConsistency": [
            verify_consistency(c["m"], c["n"], unhex(c["proof"]), bytes.fromhex(c["oldRoot"]), bytes.fromhex(c["newRoot"]))
            for c in request.get("verifyConsistency", [])
        ],
    }
    json.dump(answer, sys.stdout)


if __name__ == "__main__":
    sys.setrecursionlimit(10000)
    main()
