"""An RFC 3161 TimeStampReq built by hand, DER, for the worked example of docs/formats.md
("Timestamps"): a second implementation beside pkijs, so the two cannot share a bug.

Usage: python3 timestamp_request.py NONCE_HEX < DATA  -> the request's DER in hex.
"""
import hashlib
import sys


def tlv(tag: int, body: bytes) -> bytes:
    n = len(body)
    if n < 0x80:
        length = bytes([n])
    else:
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(raw)]) + raw
    return bytes([tag]) + length + body


def integer(value: int) -> bytes:
    raw = value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big")  # a leading 0 when the high bit is set
    return tlv(0x02, raw)


# 2.16.840.1.101.3.4.2.1 (SHA-256): 2*40+16 = 96, 840 = 0x86 0x48, then 1 101 3 4 2 1.
SHA256_OID = tlv(0x06, bytes([0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]))

data = sys.stdin.buffer.read()
nonce = int(sys.argv[1], 16)
imprint = tlv(0x30, tlv(0x30, SHA256_OID) + tlv(0x04, hashlib.sha256(data).digest()))
request = tlv(0x30, integer(1) + imprint + integer(nonce) + tlv(0x01, b"\xff"))
print(request.hex())
