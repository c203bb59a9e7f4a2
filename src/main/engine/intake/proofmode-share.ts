/**
 * A ProofMode share zip (Guardian Project's ProofMode: "Share proof"): the media, and for
 * each a `.proof.json` and `.proof.csv` of what the phone saw, OpenPGP detached signatures
 * (`X.asc` over the bytes of X) and the phone's public key `pubkey.asc`; sometimes also
 * `.ots` (OpenTimestamps), `.gst` (Google SafetyNet/Play Integrity) and a how-to text.
 *
 * Checked here: every `.asc` against the file it signs, with the key in pubkey.asc, by
 * openpgp.js; and whether each media file's `.proof.json` names its SHA-256 ("File Hash
 * SHA256"). A valid signature shows the bytes are unchanged since the holder of that key
 * signed them, and nothing about who that is: the key comes in the same zip (its
 * fingerprint is recorded so that it can be compared with one the phone's owner gave).
 * The `.ots` and `.gst` files are kept, not checked. Everything that is not media is a
 * proof file, to be kept with the item.
 *
 * The zip is read through the verifier's source (bundle/verify/source.ts): entries listed
 * and bounded, names checked, nothing extracted. A file to be signature-checked is read
 * into memory, so files above MAX_SIGNED_BYTES are reported as not checked.
 */
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import type { IntakeProblem, ProofModeCheck, ProofSignature } from '../../../shared/intake';
import { resolveLimits } from '../bundle/verify/limits';
import { show } from '../bundle/verify/problems';
import { openBundleSource, type BundleSource } from '../bundle/verify/source';

/** Larger files' signatures are not checked (openpgp.js verifies a message held in memory). */
export const MAX_SIGNED_BYTES = 512 * 1024 * 1024;
const PROOF_SUFFIXES = ['.asc', '.proof.json', '.proof.csv', '.ots', '.gst', '.txt'];
export const PUBKEY_NAME = 'pubkey.asc';

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** A file ProofMode writes beside the media (kept with the item), as opposed to the media itself. */
export function isProofFile(path: string): boolean {
  const name = baseName(path).toLowerCase();
  return PROOF_SUFFIXES.some((suffix) => name.endsWith(suffix));
}

async function readWhole(source: BundleSource, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.read(path, new AbortController().signal)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function readKey(bytes: Buffer): Promise<openpgp.Key | null> {
  try {
    return await openpgp.readKey({ armoredKey: bytes.toString('utf8') });
  } catch {
    try {
      return await openpgp.readKey({ binaryKey: bytes });
    } catch {
      return null;
    }
  }
}

async function readSignature(bytes: Buffer): Promise<openpgp.Signature> {
  const text = bytes.toString('utf8');
  return text.includes('-----BEGIN PGP SIGNATURE-----') ? openpgp.readSignature({ armoredSignature: text }) : openpgp.readSignature({ binarySignature: bytes });
}

async function checkSignature(source: BundleSource, path: string, signaturePath: string, key: openpgp.Key | null): Promise<ProofSignature> {
  const base = { path, signaturePath, keyFingerprint: key?.getFingerprint() ?? null };
  const size = source.files.get(path)?.size ?? 0;
  if (key === null) return { ...base, status: 'unreadable', signedAt: null, message: `${show(signaturePath)} was not checked: the share has no readable ${PUBKEY_NAME}.` };
  if (size > MAX_SIGNED_BYTES) return { ...base, status: 'unreadable', signedAt: null, message: `${show(path)} is ${size} bytes, above the ${MAX_SIGNED_BYTES} this check reads: its signature was not checked.` };
  let signature: openpgp.Signature;
  try {
    signature = await readSignature(await readWhole(source, signaturePath));
  } catch (err) {
    return { ...base, status: 'unreadable', signedAt: null, message: `${show(signaturePath)} is not an OpenPGP signature (${(err as Error).message}).` };
  }
  const packet = signature.packets[0];
  const signedAt = packet?.created instanceof Date ? packet.created.toISOString() : null;
  const message = await openpgp.createMessage({ binary: await readWhole(source, path) });
  const result = await openpgp.verify({ message, signature, verificationKeys: key, expectSigned: false });
  const first = result.signatures[0];
  if (first === undefined) return { ...base, status: 'invalid', signedAt, message: `${show(signaturePath)} holds no signature.` };
  try {
    await first.verified;
    return { ...base, status: 'valid', signedAt, message: `${show(path)} is unchanged since the key ${base.keyFingerprint ?? ''} (from ${PUBKEY_NAME}) signed it.` };
  } catch (err) {
    const byOther = !key.getKeyIDs().some((id) => id.equals(first.keyID));
    const why = byOther ? `it was made by another key (${first.keyID.toHex()}) than the one in ${PUBKEY_NAME}` : 'the file changed after it was signed, or the signature was altered';
    return { ...base, status: 'invalid', signedAt, message: `${show(signaturePath)} does not verify over ${show(path)}: ${why} (${(err as Error).message}).` };
  }
}

/** "File Hash SHA256" of a .proof.json, and its "File Path"; null members when absent or unreadable. */
function proofClaims(bytes: Buffer): { sha256: string | null; filePath: string | null } {
  try {
    const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    const hash = json['File Hash SHA256'];
    const path = json['File Path'];
    return { sha256: typeof hash === 'string' ? hash.toLowerCase() : null, filePath: typeof path === 'string' ? path : null };
  } catch {
    return { sha256: null, filePath: null };
  }
}

export async function checkProofModeShare(path: string): Promise<ProofModeCheck> {
  const problems: IntakeProblem[] = [];
  const opened = await openBundleSource(path, resolveLimits(), new AbortController().signal);
  if (!opened.ok) return { kind: 'proofmode', media: [], proofFiles: [], signatures: [], key: null, proofHashes: [], problems: opened.problems.map((p) => ({ code: p.code, message: p.message })) };
  const { source } = opened;
  try {
    for (const p of source.problems) problems.push({ code: p.code, message: p.message, ...(p.path === undefined ? {} : { path: p.path }) });
    const paths = [...source.files.keys()].sort();
    const proofFiles = paths.filter(isProofFile);
    const mediaPaths = paths.filter((p) => !isProofFile(p));
    const keyPath = paths.find((p) => baseName(p).toLowerCase() === PUBKEY_NAME) ?? null;
    const key = keyPath === null ? null : await readKey(await readWhole(source, keyPath));
    if (keyPath === null) problems.push({ code: 'PROOF_KEY_MISSING', message: `The share has no ${PUBKEY_NAME}: its signatures cannot be checked.` });
    else if (key === null) problems.push({ code: 'PROOF_KEY_INVALID', message: `${show(keyPath)} is not an OpenPGP public key: the signatures cannot be checked.`, path: keyPath });

    const signatures: ProofSignature[] = [];
    for (const sigPath of proofFiles.filter((p) => p.toLowerCase().endsWith('.asc') && p !== keyPath)) {
      const signed = sigPath.slice(0, -'.asc'.length);
      if (!source.files.has(signed)) {
        problems.push({ code: 'PROOF_SIGNED_FILE_MISSING', message: `${show(sigPath)} signs ${show(signed)}, which is not in the share.`, path: sigPath });
        continue;
      }
      const checked = await checkSignature(source, signed, sigPath, key);
      if (checked.status !== 'valid') problems.push({ code: checked.status === 'invalid' ? 'PROOF_SIGNATURE_INVALID' : 'PROOF_SIGNATURE_UNCHECKED', message: checked.message, path: sigPath });
      signatures.push(checked);
    }

    const media: ProofModeCheck['media'][number][] = [];
    for (const m of mediaPaths) {
      const hash = createHash('sha256');
      for await (const chunk of source.read(m, new AbortController().signal)) hash.update(chunk);
      media.push({ path: m, size: source.files.get(m)?.size ?? 0, sha256: hash.digest('hex') });
      if (!source.files.has(`${m}.asc`)) problems.push({ code: 'PROOF_MEDIA_UNSIGNED', message: `${show(m)} has no signature (${show(`${m}.asc`)}) in the share.`, path: m });
    }
    const claims: { path: string; sha256: string | null; filePath: string | null }[] = [];
    for (const p of proofFiles.filter((f) => f.toLowerCase().endsWith('.proof.json'))) claims.push({ path: p, ...proofClaims(await readWhole(source, p)) });
    const proofHashes = media.map((m): ProofModeCheck['proofHashes'][number] => {
      if (claims.some((c) => c.sha256 === m.sha256)) return { path: m.path, status: 'match' };
      // A proof that names this file (by its path, or by the hash ProofMode names it after) with another hash.
      const named = claims.find((c) => (c.filePath !== null && baseName(c.filePath) === baseName(m.path)) || baseName(c.path).startsWith(`${baseName(m.path)}.`));
      if (named !== undefined) {
        problems.push({ code: 'PROOF_HASH_MISMATCH', message: `${show(named.path)} gives ${show(m.path)} the SHA-256 ${named.sha256 ?? '(none)'}, but it is ${m.sha256}: the file is not the one the proof was made for.`, path: m.path });
        return { path: m.path, status: 'mismatch' };
      }
      return { path: m.path, status: 'absent' };
    });
    return {
      kind: 'proofmode',
      media,
      proofFiles,
      signatures,
      key: key === null ? null : { fingerprint: key.getFingerprint(), userIds: key.getUserIDs() },
      proofHashes,
      problems,
    };
  } finally {
    await source.close();
  }
}
