// Ed25519: node:crypto and tweetnacl must accept each other's signatures, and the PEM we
// hand to auditors must verify with plain OpenSSL.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { keyFingerprint, newSigningSeed, publicKeyPem, signerFromSeed, verifySignature } from '../../src/main/engine/crypto/signing';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const message = Buffer.from('tamga custody event v1 · Ақмола · 2021-01-10', 'utf8');

describe('Ed25519 signing', () => {
  it('derives the same public key from a seed with node:crypto and with tweetnacl', () => {
    const seed = newSigningSeed();
    expect(signerFromSeed(seed, { backend: 'node' }).publicKey).toEqual(signerFromSeed(seed, { backend: 'tweetnacl' }).publicKey);
  });

  it('node:crypto and tweetnacl accept each other\'s signatures (and produce the same bytes)', () => {
    for (let i = 0; i < 5; i++) {
      const seed = newSigningSeed();
      const node = signerFromSeed(seed, { backend: 'node' });
      const nacl = signerFromSeed(seed, { backend: 'tweetnacl' });
      const byNode = node.sign(message);
      const byNacl = nacl.sign(message);
      expect(byNode).toHaveLength(64);
      expect(byNode.equals(byNacl)).toBe(true); // Ed25519 is deterministic
      expect(verifySignature(message, byNode, node.publicKey, { backend: 'tweetnacl' })).toBe(true);
      expect(verifySignature(message, byNacl, nacl.publicKey, { backend: 'node' })).toBe(true);
    }
  });

  it('rejects a signature over another message, by another key, or of the wrong length', () => {
    const signer = signerFromSeed(newSigningSeed());
    const other = signerFromSeed(newSigningSeed());
    const signature = signer.sign(message);
    const altered = Buffer.from(message);
    altered[0] = (altered[0] ?? 0) ^ 1;
    for (const backend of ['node', 'tweetnacl'] as const) {
      expect(verifySignature(altered, signature, signer.publicKey, { backend })).toBe(false);
      expect(verifySignature(message, signature, other.publicKey, { backend })).toBe(false);
      expect(verifySignature(message, signature.subarray(0, 63), signer.publicKey, { backend })).toBe(false);
    }
  });

  it('fingerprints a key as SHA-256 of its 32 raw bytes', () => {
    const signer = signerFromSeed(newSigningSeed());
    expect(keyFingerprint(signer.publicKey)).toBe(createHash('sha256').update(signer.publicKey).digest('hex'));
  });

  it('writes a PEM public key that `openssl pkeyutl -verify -rawin` accepts', async () => {
    const dir = await tempDir();
    const signer = signerFromSeed(newSigningSeed());
    await writeFile(join(dir, 'signer.pem'), publicKeyPem(signer.publicKey));
    await writeFile(join(dir, 'msg'), message);
    await writeFile(join(dir, 'msg.sig'), signer.sign(message));
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer.pem', '-rawin', '-in', 'msg', '-sigfile', 'msg.sig'];
    const ok = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    expect(ok.stdout).toMatch(/Signature Verified Successfully/);
    await writeFile(join(dir, 'msg'), Buffer.concat([message, Buffer.from('!')]));
    const bad = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });
});
