#!/usr/bin/env python3
"""An independent check of a Tamga replica manifest (docs/formats.md, "Replicas"), Python
standard library only, written from the format's text: the .json is exactly
json.dumps(manifest, indent=2) plus a line feed, members in the documented order; its
sha256sums is the SHA-256 of the checksum list, which is one "<sha256>  <name>" line per
object in the manifest's order; counts add up; and every object in the folder has the size
and SHA-256 listed. (The Ed25519 signature is openssl's to check: the standard library has
no Ed25519.)

Usage: replica_manifest.py REPLICA_FOLDER NUMBER. Prints "ok" and exits 0, or names the
first failure and exits 1.
"""
import hashlib
import json
import os
import sys

ORDER = ["format", "formatVersion", "vaultId", "replicaId", "number", "createdAt", "signingKey",
         "index", "vaultFile", "checkpoint", "sha256sums", "objectCount", "totalBytes", "objects"]


def fail(why):
    print(why)
    sys.exit(1)


def main():
    folder, number = sys.argv[1], int(sys.argv[2])
    base = os.path.join(folder, "manifests", "%08d" % number)
    raw = open(base + ".json", "rb").read()
    manifest = json.loads(raw.decode("utf-8"))
    if list(manifest.keys()) != ORDER:
        fail("members: %r" % list(manifest.keys()))
    if (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8") != raw:
        fail("not the exact serialisation")
    if manifest["format"] != "tamga-replica-manifest" or manifest["formatVersion"] != 1 or manifest["number"] != number:
        fail("format, version or number")
    key = bytes.fromhex(manifest["signingKey"]["publicKey"])
    if hashlib.sha256(key).hexdigest() != manifest["signingKey"]["fingerprint"]:
        fail("fingerprint")
    objects = manifest["objects"]
    names = [o["name"] for o in objects]
    if names != sorted(names, key=lambda n: n.encode("utf-8")) or len(set(names)) != len(names):
        fail("objects not sorted or repeated")
    sums = "".join("%s  %s\n" % (o["sha256"], o["name"]) for o in objects).encode("utf-8")
    if hashlib.sha256(sums).hexdigest() != manifest["sha256sums"]:
        fail("sha256sums")
    if open(base + ".sha256", "rb").read() != sums:
        fail("checksum file")
    if manifest["objectCount"] != len(objects) or manifest["totalBytes"] != sum(o["size"] for o in objects):
        fail("counts")
    if manifest["index"] not in names or manifest["vaultFile"] not in names:
        fail("index or vault file not listed")
    for o in objects:
        data = open(os.path.join(folder, *o["name"].split("/")), "rb").read()
        if len(data) != o["size"] or hashlib.sha256(data).hexdigest() != o["sha256"]:
            fail("object " + o["name"])
    print("ok")


main()
