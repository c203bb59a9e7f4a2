// The worked example of docs/formats.md ("Vault format v1"), pinned: if the code and the
// document ever disagree, this fails. The same values were checked with Python's hashlib
// (scrypt, HMAC, HKDF written out by hand), an implementation that shares nothing with ours.
import nacl from 'tweetnacl';
import { describe, expect, it } from 'vitest';
import { deriveKek } from '../../src/main/engine/crypto/kdf';
import { keyFingerprint, signerFromSeed } from '../../src/main/engine/crypto/signing';
import { deriveSubkey } from '../../src/main/engine/crypto/subkeys';
import { unwrapMasterKey, wrapContextJson, wrapKeyFromKek } from '../../src/main/engine/vault/master-key';

const salt = Buffer.from(Array.from({ length: 32 }, (_, i) => i + 1));
const kdf = { name: 'scrypt' as const, N: 2 ** 17, r: 8, p: 1, salt };
const context = { formatVersion: 1, vaultId: '00000000-0000-4000-8000-000000000001', kdf };
const passphrase = 'correct horse battery staple';
const master = Buffer.alloc(32, 0x42);
const nonce = Buffer.alloc(24, 0x24);
const BOX = 'jt4vXGX2kaoU8Z5h/W8cm16pt/+Btiw96fd8fz3EaA2RKd8nioNGS924liiqsojC';

describe('vault format v1 worked example', () => {
  it('derives the KEK, the wrap context, the wrap key and the wrapped master key', async () => {
    const kek = await deriveKek(passphrase, kdf);
    expect(kek.toString('hex')).toBe('5f1769fc0dde82012a5930c348e9cc4c9405fd70cd9e3568268dbd2ff3fb76e0');
    expect(wrapContextJson(context)).toBe(
      '{"formatVersion":1,"kdf":{"N":131072,"name":"scrypt","p":1,"r":8,"salt":"AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA="},"purpose":"tamga v1 master key wrap","vaultId":"00000000-0000-4000-8000-000000000001"}',
    );
    const wrapKey = wrapKeyFromKek(kek, context);
    expect(wrapKey.toString('hex')).toBe('32ce1ed0cea67aaba0e6eb4ac960d080f0de627c53def96f0d4d2dc56fccc3d4');
    expect(Buffer.from(nacl.secretbox(master, nonce, wrapKey)).toString('base64')).toBe(BOX);
    const unwrapped = await unwrapMasterKey({ alg: 'xsalsa20-poly1305', nonce: nonce.toString('base64'), box: BOX }, passphrase, context);
    expect(unwrapped.equals(master)).toBe(true);
  });

  it('derives the subkeys with HKDF-SHA256 (salt = vault id, info = label)', () => {
    expect(deriveSubkey(master, context.vaultId, 'index').toString('hex')).toBe('e6de963fd44601307666bb312df6a7c4d778f80897a8b202d20aa4429846e6c7');
    expect(deriveSubkey(master, context.vaultId, 'blob').toString('hex')).toBe('152ea5a039363ecf756ef1d1b38967170b68ab4607d86908fc07a1a994c65049');
    expect(deriveSubkey(master, context.vaultId, 'signingWrap').toString('hex')).toBe(
      '8d0f94f462b78b0e339c0926fcab2d59f57cc89ed76da409fa6a4fb64c93aece',
    );
  });

  it('makes the public key and fingerprint from a seed', () => {
    const signer = signerFromSeed(Buffer.alloc(32, 0x07));
    expect(signer.publicKey.toString('hex')).toBe('ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c');
    expect(keyFingerprint(signer.publicKey)).toBe('fe812c12f3ab4ce6ac5db69ac352f906cb1b11ef43fb33e252ef7ff552263889');
  });
});
