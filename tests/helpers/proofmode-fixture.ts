/**
 * ProofMode share zips as ProofMode writes them: the media, `<sha256>.proof.json` and
 * `.proof.csv`, an OpenPGP detached signature (.asc) of each made with a real key, and
 * pubkey.asc. Keys are made with openpgp.js.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as openpgp from 'openpgp';
import { ZipFile } from 'yazl';

export async function phoneKey(name = 'ProofMode', email = 'noreply@proofmode.org'): Promise<{ privateKey: openpgp.PrivateKey; publicKey: string }> {
  const made = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name, email }], format: 'object' });
  return { privateKey: made.privateKey, publicKey: made.publicKey.armor() };
}

export async function sign(bytes: Buffer, key: openpgp.PrivateKey): Promise<string> {
  return openpgp.sign({ message: await openpgp.createMessage({ binary: bytes }), signingKeys: key, detached: true, format: 'armored' });
}

export async function writeZip(path: string, files: Record<string, Buffer | string>): Promise<string> {
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(files)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(path));
  return path;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The files of a share: `name` holding `photo`, its signature over `signed` (the photo by
 * default), the proofs naming `proofSha` (the photo's SHA-256 by default), each signed by `signer`.
 */
export async function shareFiles(options: { name: string; photo: Buffer; signer: openpgp.PrivateKey; publicKey: string; signed?: Buffer; proofSha?: string }): Promise<Record<string, Buffer | string>> {
  const { name, photo, signer, publicKey } = options;
  const hash = sha256(options.signed ?? photo);
  const proofSha = options.proofSha ?? hash;
  const json = Buffer.from(JSON.stringify({ 'File Hash SHA256': proofSha, 'File Path': `/storage/emulated/0/DCIM/Camera/${name}`, 'File Modified': 'Jan 10, 2021 08:15:00', 'Proof Generated': 'Jan 10, 2021 08:15:02', 'Location.Latitude': '51.1694', 'Location.Longitude': '71.4491' }));
  const csv = Buffer.from(`File Hash SHA256,File Path,Location.Latitude\n${proofSha},/storage/emulated/0/DCIM/Camera/${name},51.1694\n`);
  return {
    [name]: photo,
    [`${name}.asc`]: await sign(options.signed ?? photo, signer),
    [`${hash}.proof.json`]: json,
    [`${hash}.proof.json.asc`]: await sign(json, signer),
    [`${hash}.proof.csv`]: csv,
    [`${hash}.proof.csv.asc`]: await sign(csv, signer),
    'pubkey.asc': publicKey,
  };
}

export async function shareZip(dir: string, zipName: string, options: Parameters<typeof shareFiles>[0]): Promise<string> {
  return writeZip(join(dir, zipName), await shareFiles(options));
}
