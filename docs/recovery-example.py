#!/usr/bin/env python3
"""Reproduces the recovery-key worked example of docs/formats.md with Python's standard
library only (hashlib, hmac, json), sharing no code with Tamga: 32 bytes of entropy ->
24 BIP-39 words -> wrap key -> the recovery slot's box, the example share, and a 2-of-3
Shamir split of the example key over GF(2^8) (split, and any two shares combined back).

    python3 docs/recovery-example.py [path/to/bip39-english.txt]
    python3 docs/recovery-example.py --combine SHARE SHARE ...   # prints the key they rebuild, hex

The word list is BIP-39's English list (2048 lines); without an argument it is read from
the copy in node_modules/@scure/bip39. Prints the values; exits 1 if any differs.
XSalsa20-Poly1305 (NaCl secretbox) is written out below, after D. J. Bernstein's papers.
"""
import hashlib
import hmac
import json
import os
import re
import sys

MASK = 0xFFFFFFFF


def rotl(v, n):
    return ((v << n) | (v >> (32 - n))) & MASK


def salsa_rounds(x):
    def qr(a, b, c, d):
        x[b] ^= rotl((x[a] + x[d]) & MASK, 7)
        x[c] ^= rotl((x[b] + x[a]) & MASK, 9)
        x[d] ^= rotl((x[c] + x[b]) & MASK, 13)
        x[a] ^= rotl((x[d] + x[c]) & MASK, 18)

    for _ in range(10):
        qr(0, 4, 8, 12); qr(5, 9, 13, 1); qr(10, 14, 2, 6); qr(15, 3, 7, 11)
        qr(0, 1, 2, 3); qr(5, 6, 7, 4); qr(10, 11, 8, 9); qr(15, 12, 13, 14)
    return x


SIGMA = [0x61707865, 0x3320646E, 0x79622D32, 0x6B206574]


def words_le(b):
    return [int.from_bytes(b[i:i + 4], 'little') for i in range(0, len(b), 4)]


def state(key, sixteen):
    k, n = words_le(key), words_le(sixteen)
    return [SIGMA[0], *k[0:4], SIGMA[1], *n, SIGMA[2], *k[4:8], SIGMA[3]]


def hsalsa20(key, nonce16):
    x = salsa_rounds(state(key, nonce16))
    return b''.join(x[i].to_bytes(4, 'little') for i in (0, 5, 10, 15, 6, 7, 8, 9))


def xsalsa20_stream(key, nonce24, length):
    sub = hsalsa20(key, nonce24[:16])
    out = b''
    counter = 0
    while len(out) < length:
        init = state(sub, nonce24[16:24] + counter.to_bytes(8, 'little'))
        x = salsa_rounds(list(init))
        out += b''.join(((x[i] + init[i]) & MASK).to_bytes(4, 'little') for i in range(16))
        counter += 1
    return out[:length]


def poly1305(key, msg):
    r = int.from_bytes(key[:16], 'little') & 0x0FFFFFFC0FFFFFFC0FFFFFFC0FFFFFFF
    s = int.from_bytes(key[16:], 'little')
    p = (1 << 130) - 5
    acc = 0
    for i in range(0, len(msg), 16):
        acc = (acc + int.from_bytes(msg[i:i + 16] + b'\x01', 'little')) * r % p
    return ((acc + s) % (1 << 128)).to_bytes(16, 'little')


def secretbox(msg, nonce, key):
    stream = xsalsa20_stream(key, nonce, 32 + len(msg))
    ct = bytes(a ^ b for a, b in zip(msg, stream[32:]))
    return poly1305(stream[:32], ct) + ct


def wordlist(path):
    text = open(path, encoding='utf-8').read()
    if path.endswith('.js'):
        text = re.search(r'`([^`]*)`', text).group(1)
    words = text.split()
    assert len(words) == 2048, 'not the BIP-39 list'
    return words


def to_words(entropy, words):
    bits = bin(int.from_bytes(entropy, 'big'))[2:].zfill(len(entropy) * 8)
    bits += bin(hashlib.sha256(entropy).digest()[0])[2:].zfill(8)[: len(entropy) * 8 // 32]
    return [words[int(bits[i:i + 11], 2)] for i in range(0, len(bits), 11)]


CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'


def base32(data):
    bits = ''.join(bin(b)[2:].zfill(8) for b in data)
    bits += '0' * (-len(bits) % 5)
    return ''.join(CROCKFORD[int(bits[i:i + 5], 2)] for i in range(0, len(bits), 5))


def gf_mul(a, b):
    """Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (0x11b), as the library's tables."""
    r = 0
    while b:
        if b & 1:
            r ^= a
        a <<= 1
        if a & 0x100:
            a ^= 0x11B
        b >>= 1
    return r


def gf_inv(a):
    r = 1
    for _ in range(254):  # a^254 = a^-1 in GF(2^8)
        r = gf_mul(r, a)
    return r


def shamir_share(secret, coefficients, x):
    """The library's share at x: byte i is f_i(x) = secret_i + c1_i x + c2_i x^2 ..., then x."""
    out = bytearray()
    for i, s in enumerate(secret):
        y, power = s, 1
        for c in coefficients:
            power = gf_mul(power, x)
            y ^= gf_mul(c[i], power)
        out.append(y)
    return bytes(out) + bytes([x])


def shamir_combine(values):
    """Lagrange interpolation at 0 of shares as the library writes them (y bytes, then x)."""
    xs = [v[-1] for v in values]
    secret = bytearray(len(values[0]) - 1)
    for j, v in enumerate(values):
        basis = 1
        for m, xm in enumerate(xs):
            if m != j:
                basis = gf_mul(basis, gf_mul(xm, gf_inv(xm ^ xs[j])))
        for i in range(len(secret)):
            secret[i] ^= gf_mul(v[i], basis)
    return bytes(secret)


def share_bytes(code):
    """A share's 80 characters (Crockford base32, read as docs/formats.md says) -> 50 bytes, checksum checked."""
    text = code.upper().replace('O', '0').replace('I', '1').replace('L', '1').replace(' ', '').replace('-', '')
    bits = ''.join(format(CROCKFORD.index(c), '05b') for c in text)
    raw = bytes(int(bits[i:i + 8], 2) for i in range(0, 400, 8))
    if hashlib.sha256(raw[:45]).digest()[:5] != raw[45:]:
        raise ValueError('checksum')
    return raw


def encode_share(k, n, number, set_id, prefix, value):
    body = bytes([1, k, n, number]) + bytes.fromhex(set_id) + bytes.fromhex(prefix) + value
    return base32(body + hashlib.sha256(body).digest()[:5])


def combine_codes(codes):
    """`--combine CODE …`: the recovery key (hex) that these share codes rebuild."""
    return shamir_combine([share_bytes(code)[12:45] for code in codes]).hex()


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--combine':
        print(combine_codes(sys.argv[2:]))
        return
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != '--combine' else os.path.join(here, '..', 'node_modules', '@scure', 'bip39', 'wordlists', 'english.js')
    entropy = bytes(range(32))
    vault_id = '00000000-0000-4000-8000-000000000001'
    words = to_words(entropy, wordlist(path))
    # JCS (RFC 8785) of this object: ASCII strings and a small integer, so sorted keys and no spaces.
    context = json.dumps({'purpose': 'tamga v1 recovery key wrap', 'formatVersion': 1, 'vaultId': vault_id, 'scheme': 'bip39-256'},
                         sort_keys=True, separators=(',', ':'))
    wrap_key = hmac.new(entropy, context.encode('utf-8'), 'sha256').digest()
    import base64
    box = base64.b64encode(secretbox(b'\x42' * 32, b'\x24' * 24, wrap_key)).decode()
    body = bytes([1, 2, 3, 1]) + bytes.fromhex('a1b2c3d4') + bytes.fromhex('fe812c12') + b'\x55' * 32 + b'\x9c'
    share = base32(body + hashlib.sha256(body).digest()[:5])
    # A 2-of-3 split of the example key: f_i(x) = entropy_i + (0x61 + 3 i) x, share j at x = j.
    coefficient = bytes(0x61 + 3 * i for i in range(32))
    split = [encode_share(2, 3, j, 'a1b2c3d4', 'fe812c12', shamir_share(entropy, [coefficient], j)) for j in (1, 2, 3)]
    rebuilt = ' '.join(to_words(bytes.fromhex(combine_codes([split[2], split[0]])), wordlist(path)))
    got = {'words': ' '.join(words), 'context': context, 'wrapKey': wrap_key.hex(), 'box': box, 'share': share,
           'split1': split[0], 'split2': split[1], 'split3': split[2], 'shares3and1': rebuilt}
    expected = {
        'words': 'abandon amount liar amount expire adjust cage candy arch gather drum bullet absurd math era live bid rhythm alien crouch range attend journey unaware',
        'context': '{"formatVersion":1,"purpose":"tamga v1 recovery key wrap","scheme":"bip39-256","vaultId":"00000000-0000-4000-8000-000000000001"}',
        'wrapKey': '69e8f4786eb50d74c47591b3e235d43646c5bafcde3b3828cf2fd6b5fca10d11',
        'box': '0xkcjXL7h/66I2iEDCkQn1ibQQGfSL/wPnkzCbrtwImqzvPR/ki1j7N4gSDtK7sI',
        'share': '041060D1PB1X9ZM15G95ANANANANANANANANANANANANANANANANANANANANANANANANANCWWN8ZT7B4',
        'split1': '041060D1PB1X9ZM15G962SB5D5MQAXBHE5TQB2C9GP2R30C5GP4RKDDNP6RVBDD9N6JTB88106XZXTTY',
        'split2': '041060N1PB1X9ZM15G9C5JECTZFEBR7BZBRZ850X0R1GGA924WY3AKJB818NMQV4DNV76Y02K1YGRNBR',
        'split3': '041060X1PB1X9ZM15G9A7BDBQPSSB4WXGE6RQ5MRHT48DE5PP2KAHVQ8WVWFDW6PV37CHHG3Q3VVPMDN',
        'shares3and1': 'abandon amount liar amount expire adjust cage candy arch gather drum bullet absurd math era live bid rhythm alien crouch range attend journey unaware',
    }
    for name, value in got.items():
        print(f'{name}: {value}')
    bad = [name for name in got if got[name] != expected[name]]
    if bad:
        print('DIFFERS: ' + ', '.join(bad))
        sys.exit(1)
    print('all values match docs/formats.md')


if __name__ == '__main__':
    main()
