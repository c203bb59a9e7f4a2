#!/usr/bin/env python3
"""Checks a Tamga delivery receipt (docs/formats.md, "Delivery receipts") with Python's
standard library only, sharing no code with Tamga: the receipt's canonical form and hash,
that its public key is the one its recipient.fingerprint names, and its Ed25519 signature
(RFC 8032 verification written out below, after the RFC's own reference code).

    python3 docs/receipt-check.py RECEIPT.json [--expect FINGERPRINT]

Prints the receipt hash, the fingerprint and "signature: valid"; exits 1 on any failure.
It does not say whether the bundle is one you sent: compare bundleId and tagManifestSha256
with your own export record.
"""
import hashlib
import json
import re
import sys

CONTEXT = b"tamga receipt v1\n"

# --- Ed25519 verification (RFC 8032, section 6) ---
p = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
d = -121665 * pow(121666, p - 2, p) % p
SQRT_M1 = pow(2, (p - 1) // 4, p)


def point_add(P, Q):
    A, B = (P[1] - P[0]) * (Q[1] - Q[0]) % p, (P[1] + P[0]) * (Q[1] + Q[0]) % p
    C, D = 2 * P[3] * Q[3] * d % p, 2 * P[2] * Q[2] % p
    E, F, G, H = B - A, D - C, D + C, B + A
    return (E * F % p, G * H % p, F * G % p, E * H % p)


def point_mul(s, P):
    Q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            Q = point_add(Q, P)
        P = point_add(P, P)
        s >>= 1
    return Q


def point_equal(P, Q):
    return (P[0] * Q[2] - Q[0] * P[2]) % p == 0 and (P[1] * Q[2] - Q[1] * P[2]) % p == 0


def recover_x(y, sign):
    if y >= p:
        return None
    x2 = (y * y - 1) * pow(d * y * y + 1, p - 2, p)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (p + 3) // 8, p)
    if (x * x - x2) % p != 0:
        x = x * SQRT_M1 % p
    if (x * x - x2) % p != 0:
        return None
    if (x & 1) != sign:
        x = p - x
    return x


def point_decompress(s):
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % p)


gy = 4 * pow(5, p - 2, p) % p
G = (recover_x(gy, 0), gy, 1, recover_x(gy, 0) * gy % p)


def ed25519_verify(public, msg, signature):
    A = point_decompress(public)
    R = point_decompress(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if A is None or R is None or s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + msg).digest(), "little") % L
    return point_equal(point_mul(s, G), point_add(R, point_mul(h, A)))


# --- The receipt ---
def jcs(value):
    # RFC 8785 for what a receipt holds (strings, integers, null, lists, objects): members
    # sorted by their UTF-16 code units, no whitespace, minimal escapes, UTF-8.
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(jcs(k) + ":" + jcs(value[k]) for k in keys) + "}"
    if isinstance(value, list):
        return "[" + ",".join(jcs(v) for v in value) + "]"
    if isinstance(value, str):
        out = json.dumps(value, ensure_ascii=False)
        return re.sub(r"\\u00([0-9A-F]{2})", lambda m: "\\u00" + m.group(1).lower(), out)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    raise ValueError("a receipt holds no such value: %r" % (value,))


def fail(message):
    print("refused: " + message)
    sys.exit(1)


def main(argv):
    if len(argv) not in (2, 4) or (len(argv) == 4 and argv[2] != "--expect"):
        print(__doc__)
        sys.exit(2)
    with open(argv[1], "rb") as f:
        raw = f.read()
    def no_twice(pairs):
        names = [k for k, _ in pairs]
        if len(set(names)) != len(names):
            fail("a member is named twice")
        return dict(pairs)
    file = json.loads(raw.decode("utf-8"), object_pairs_hook=no_twice)
    if sorted(file) != ["publicKey", "receipt", "signature"]:
        fail("the file's members are not publicKey, receipt, signature")
    receipt = file["receipt"]
    if receipt.get("v") != 1 or receipt.get("kind") != "tamga-receipt":
        fail("not a version 1 Tamga receipt")
    if raw != (jcs(file) + "\n").encode("utf-8"):
        print("note: the file is not in canonical form (the signature covers the receipt's canonical form all the same)")
    digest = hashlib.sha256(jcs(receipt).encode("utf-8")).digest()
    public = bytes.fromhex(file["publicKey"])
    fingerprint = hashlib.sha256(public).hexdigest()
    print("receipt hash: " + digest.hex())
    print("fingerprint: " + fingerprint)
    if fingerprint != receipt["recipient"]["fingerprint"]:
        fail("the key is not the one recipient.fingerprint names")
    if not ed25519_verify(public, CONTEXT + digest, bytes.fromhex(file["signature"])):
        fail("the signature does not verify: altered or forged")
    print("signature: valid")
    if len(argv) == 4 and argv[3].replace(":", "").replace(" ", "").lower() != fingerprint:
        fail("signed by another key than the one expected")
    print("bundle %s, tag manifest %s, verdict %s, received %s" % (receipt["bundleId"], receipt["tagManifestSha256"], receipt["verdict"], receipt["receivedAt"]))


if __name__ == "__main__":
    main(sys.argv)
