#!/usr/bin/env python3
"""Makes a BagIt bag as bagit-python 1.8 writes one (bagit.txt 0.97, bag-info.txt with
Bag-Software-Agent, Bagging-Date and Payload-Oxum, payload and tag manifests), with
hashlib only, sharing no code with Tamga.

    python3 make_bagit_bag.py BAG_DIR ALGORITHMS [Label=value ...]

BAG_DIR must already hold the payload under data/; ALGORITHMS is a comma list
("sha256,sha512", "md5"). Labels are written to bag-info.txt in the order given.
"""
import hashlib
import os
import sys


def digest(path, algorithm):
    h = hashlib.new(algorithm)
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(65536), b""):
            h.update(block)
    return h.hexdigest()


def main(bag, algorithms, labels):
    payload = []
    for root, _, files in os.walk(os.path.join(bag, "data")):
        for name in files:
            full = os.path.join(root, name)
            payload.append(os.path.relpath(full, bag).replace(os.sep, "/"))
    payload.sort()
    size = sum(os.path.getsize(os.path.join(bag, p)) for p in payload)
    with open(os.path.join(bag, "bagit.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n")
    info = ["Bag-Software-Agent: bagit.py v1.8.1 <https://github.com/LibraryOfCongress/bagit-python>", "Bagging-Date: 2021-01-12"]
    info += [label.replace("=", ": ", 1) for label in labels]
    info.append("Payload-Oxum: %d.%d" % (size, len(payload)))
    with open(os.path.join(bag, "bag-info.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("".join(line + "\n" for line in info))
    for algorithm in algorithms:
        with open(os.path.join(bag, "manifest-%s.txt" % algorithm), "w", encoding="utf-8", newline="\n") as f:
            for p in payload:
                f.write("%s  %s\n" % (digest(os.path.join(bag, p), algorithm), p))
    tags = ["bagit.txt", "bag-info.txt"] + ["manifest-%s.txt" % a for a in algorithms]
    for algorithm in algorithms:
        with open(os.path.join(bag, "tagmanifest-%s.txt" % algorithm), "w", encoding="utf-8", newline="\n") as f:
            for t in tags:
                f.write("%s  %s\n" % (digest(os.path.join(bag, t), algorithm), t))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2].split(","), sys.argv[3:])
