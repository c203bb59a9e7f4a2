// A ProofMode share zip made here as ProofMode writes one: a photo, its .proof.json and
// .proof.csv, an OpenPGP detached signature of each (.asc) made with a real key generated
// by openpgp.js, and pubkey.asc. Every signature is checked against the file it signs; a
// file changed after signing, a signature by another key, and a proof naming another
// SHA-256 are each named.
import { join } from 'node:path';
import type * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProofModeShare } from '../../src/main/engine/intake/proofmode-share';
import { phoneKey, sha256, shareFiles as share, sign, writeZip } from '../helpers/proofmode-fixture';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const PHOTO = Buffer.from('a phone photo: JPEG bytes stand in, ProofMode signs whatever the file holds\n');
const SHA = sha256(PHOTO);
const NAME = 'IMG_20210110_081500.jpg';
let phone: { privateKey: openpgp.PrivateKey; publicKey: string };
let other: openpgp.PrivateKey;
let dir: string;

const zipOf = (name: string, files: Record<string, Buffer | string>): Promise<string> => writeZip(join(dir, name), files);
/** Signed over the photo as taken; `photo` is what the zip holds (changed, in one test). */
const shareFiles = (photo: Buffer, signer: openpgp.PrivateKey): Promise<Record<string, Buffer | string>> => share({ name: NAME, photo, signer, publicKey: phone.publicKey, signed: PHOTO, proofSha: SHA });

beforeAll(async () => {
  dir = await tempDir('tamga-proofmode-');
  phone = await phoneKey();
  other = (await phoneKey('Someone else', 'else@example.org')).privateKey;
});

describe('checking a ProofMode share', () => {
  it('checks every signature with the key in pubkey.asc and the proof hash, and keeps the proof files', async () => {
    const check = await checkProofModeShare(await zipOf('share.zip', await shareFiles(PHOTO, phone.privateKey)));
    expect(check.problems).toEqual([]);
    expect(check.media).toEqual([{ path: 'IMG_20210110_081500.jpg', size: PHOTO.length, sha256: SHA }]);
    expect(check.key?.fingerprint).toBe(phone.privateKey.getFingerprint());
    expect(check.key?.userIds).toEqual(['ProofMode <noreply@proofmode.org>']);
    expect(check.signatures.map((s) => [s.path, s.status])).toEqual([
      [`${SHA}.proof.csv`, 'valid'],
      [`${SHA}.proof.json`, 'valid'],
      ['IMG_20210110_081500.jpg', 'valid'],
    ]);
    expect(check.signatures.every((s) => s.keyFingerprint === phone.privateKey.getFingerprint() && s.signedAt !== null)).toBe(true);
    expect(check.proofHashes).toEqual([{ path: 'IMG_20210110_081500.jpg', status: 'match' }]);
    expect(check.proofFiles).toHaveLength(6);
  });

  it('names a photo changed after it was signed, and a proof made for other bytes', async () => {
    const changed = Buffer.concat([PHOTO, Buffer.from('x')]);
    const check = await checkProofModeShare(await zipOf('changed.zip', await shareFiles(changed, phone.privateKey)));
    expect(check.signatures.find((s) => s.path === 'IMG_20210110_081500.jpg')?.status).toBe('invalid');
    expect(check.proofHashes).toEqual([{ path: 'IMG_20210110_081500.jpg', status: 'mismatch' }]);
    expect(check.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['PROOF_SIGNATURE_INVALID', 'PROOF_HASH_MISMATCH']));
  });

  it('names signatures by another key than the one in pubkey.asc', async () => {
    const check = await checkProofModeShare(await zipOf('other-key.zip', await shareFiles(PHOTO, other)));
    expect(check.signatures.map((s) => s.status)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(check.signatures[0]?.message).toContain('another key');
  });

  it('says what it could not check: no pubkey.asc, an unsigned photo, a signature of a missing file', async () => {
    const files = await shareFiles(PHOTO, phone.privateKey);
    delete files['pubkey.asc'];
    files['IMG_2.jpg'] = Buffer.from('unsigned');
    files['gone.jpg.asc'] = await sign(Buffer.from('gone'), phone.privateKey);
    const check = await checkProofModeShare(await zipOf('partial.zip', files));
    expect(check.key).toBeNull();
    expect(check.signatures.every((s) => s.status === 'unreadable')).toBe(true);
    expect(check.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['PROOF_KEY_MISSING', 'PROOF_MEDIA_UNSIGNED', 'PROOF_SIGNED_FILE_MISSING']));
  });
});
