// A ProofMode share zip made here as ProofMode writes one: a photo, its .proof.json and
// .proof.csv, an OpenPGP detached signature of each (.asc) made with a real key generated
// by openpgp.js, and pubkey.asc. Every signature is checked against the file it signs; a
// file changed after signing, a signature by another key, and a proof naming another
// SHA-256 are each named.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as openpgp from 'openpgp';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProofModeShare } from '../../src/main/engine/intake/proofmode-share';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

const PHOTO = Buffer.from('a phone photo: JPEG bytes stand in, ProofMode signs whatever the file holds\n');
const SHA = createHash('sha256').update(PHOTO).digest('hex');
let phone: { privateKey: openpgp.PrivateKey; publicKey: string };
let other: openpgp.PrivateKey;
let dir: string;

async function sign(bytes: Buffer, key: openpgp.PrivateKey): Promise<string> {
  return openpgp.sign({ message: await openpgp.createMessage({ binary: bytes }), signingKeys: key, detached: true, format: 'armored' });
}

async function zipOf(name: string, files: Record<string, Buffer | string>): Promise<string> {
  const zip = new ZipFile();
  for (const [path, data] of Object.entries(files)) zip.addBuffer(Buffer.from(data), path);
  zip.end();
  const path = join(dir, name);
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

/** The files of a share as ProofMode names them: the media, then <sha256>.proof.json/.csv, each signed. */
async function shareFiles(photo: Buffer, signer: openpgp.PrivateKey, proofSha = SHA): Promise<Record<string, Buffer | string>> {
  const json = Buffer.from(JSON.stringify({ 'File Hash SHA256': proofSha, 'File Path': '/storage/emulated/0/DCIM/Camera/IMG_20210110_081500.jpg', 'File Modified': 'Jan 10, 2021 08:15:00', 'Proof Generated': 'Jan 10, 2021 08:15:02', 'Location.Latitude': '51.1694', 'Location.Longitude': '71.4491' }));
  const csv = Buffer.from(`File Hash SHA256,File Path,Location.Latitude\n${proofSha},/storage/emulated/0/DCIM/Camera/IMG_20210110_081500.jpg,51.1694\n`);
  return {
    'IMG_20210110_081500.jpg': photo,
    'IMG_20210110_081500.jpg.asc': await sign(PHOTO, signer),
    [`${SHA}.proof.json`]: json,
    [`${SHA}.proof.json.asc`]: await sign(json, signer),
    [`${SHA}.proof.csv`]: csv,
    [`${SHA}.proof.csv.asc`]: await sign(csv, signer),
    'pubkey.asc': phone.publicKey,
  };
}

beforeAll(async () => {
  dir = await tempDir('tamga-proofmode-');
  const made = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'ProofMode', email: 'noreply@proofmode.org' }], format: 'object' });
  phone = { privateKey: made.privateKey, publicKey: made.publicKey.armor() };
  other = (await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'Someone else' }], format: 'object' })).privateKey;
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
