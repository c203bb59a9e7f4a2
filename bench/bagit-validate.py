#!/usr/bin/env python3
"""The baseline for `tamga verify`: how bagit-python checks a bag's digests.

bagit-python is not installed here; this mirrors what `bagit.py --validate --processes 2
<bag>` does (bagit.py, Bag.validate -> _validate_contents -> _validate_oxum,
_validate_completeness, _validate_entries): read every payload and tag manifest, check that
every listed file is there and every payload file is listed, then hash each file with every
algorithm its manifests name in ONE pass (512 KiB reads, each block given to every hasher in
turn, as bagit's _calc_hashes does) with the files shared out by multiprocessing.Pool(2).map.
Prints nothing and exits 0 when every digest matches; exits 1 naming the first mismatch.
Usage: bagit-validate.py <bag folder>
"""
import hashlib
import multiprocessing
import os
import sys

HASH_BLOCK_SIZE = 512 * 1024  # bagit.py's HASH_BLOCK_SIZE


def read_manifest(bag, name, algorithm, entries):
    with open(os.path.join(bag, name), encoding="utf-8") as manifest:
        for line in manifest:
            line = line.rstrip("\r\n")
            if not line:
                continue
            digest, path = line.split(None, 1)
            entries.setdefault(path.lstrip("*"), {})[algorithm] = digest.lower()


def calc_hashes(args):
    """bagit's _calc_hashes: every algorithm of one file in one read of it."""
    full_path, algorithms = args
    hashers = {algorithm: hashlib.new(algorithm) for algorithm in algorithms}
    with open(full_path, "rb") as f:
        while True:
            block = f.read(HASH_BLOCK_SIZE)
            if not block:
                break
            for hasher in hashers.values():
                hasher.update(block)
    return full_path, {algorithm: hasher.hexdigest() for algorithm, hasher in hashers.items()}


def main(bag, processes=2):
    entries = {}
    for name in sorted(os.listdir(bag)):
        for prefix in ("manifest-", "tagmanifest-"):
            if name.startswith(prefix) and name.endswith(".txt"):
                read_manifest(bag, name, name[len(prefix):-4], entries)
    # _validate_completeness: every payload file listed, every listed file present.
    listed = {path for path in entries if path.startswith("data/")}
    for root, _, files in os.walk(os.path.join(bag, "data")):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), bag)
            if rel not in listed:
                sys.exit(f"{rel} exists but is not in any manifest")
    for path in entries:
        if not os.path.isfile(os.path.join(bag, path)):
            sys.exit(f"{path} is in a manifest but missing")
    args = [(os.path.join(bag, path), algorithms) for path, algorithms in entries.items()]
    with multiprocessing.Pool(processes) as pool:
        results = pool.map(calc_hashes, args)
    for (full_path, computed), (_, expected) in zip(results, entries.items()):
        for algorithm, digest in expected.items():
            if computed[algorithm] != digest:
                sys.exit(f"{full_path} {algorithm} mismatch")


if __name__ == "__main__":
    main(sys.argv[1])
