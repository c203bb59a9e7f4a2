/**
 * Signed checkpoints of a vault's custody log: C2SP tlog-checkpoint bodies in C2SP
 * signed notes, Ed25519. Not yet wired into the vault.
 *
 * This comment is the specification; docs/formats.md ("Custody log") repeats it.
 * References: https://c2sp.org/signed-note, https://c2sp.org/tlog-checkpoint.
 *
 * CHECKPOINT BODY. Lines, each ended by a line feed (0x0a), none empty:
 *   1. the origin: for a vault, "tamga.vault/" followed by the vault id (a lower-case UUID),
 *      e.g. "tamga.vault/00000000-0000-4000-8000-000000000001". A schema-less, URL-like
 *      name, as C2SP recommends: unique to the vault (the id is random), no spaces, no
 *      "+", and not a host anybody is asked to reach. It starts with neither "tamga custody
 *      event v1" nor a hex digit, so a checkpoint signature can never pass as a custody
 *      event signature or a bundle seal (whose tag manifest starts with a hex digest), nor
 *      the other way round, although the vault's one signing key makes all three.
 *   2. the tree size: the number of leaves (merkle.ts), in decimal, no leading zeros
 *      ("0" for the empty tree);
 *   3. the root hash: the 32-byte Merkle tree hash of those leaves, standard base64 with
 *      padding (44 characters);
 *   4. … optional extension lines, opaque. Tamga writes none; a reader returns them.
 *
 * SIGNED NOTE. The body (the signed text, its final line feed included), then one empty
 * line, then one or more signature lines:
 *   "— " (U+2014 em dash, a space), the key name, a space, base64(key ID ‖ signature), "\n"
 * The key ID is 4 bytes, big-endian as a uint32; for Ed25519 (signature type 0x01):
 *   key ID = SHA-256(key name ‖ 0x0a ‖ 0x01 ‖ 32-byte public key)[0:4]
 * and the signature is Ed25519 (RFC 8032, pure) over the UTF-8 bytes of the text. Tamga's
 * key name is the origin, and the key is the vault's signing key (the one that signs
 * custody events and seals bundles; its vault.json publicKey).
 * The verifier key, to print and hand to others ("vkey"):
 *   <key name>+<key ID as 8 lower-case hex digits>+<base64(0x01 ‖ public key)>
 *
 * READING A NOTE (strict): it is well-formed UTF-8 with no control character below U+0020
 * but the line feed; the last empty line splits text and signatures; the signature block
 * is not empty and ends with a line feed; every line of it has the form above with a key
 * name that is non-empty and holds no Unicode space and no "+", and base64 that is
 * canonical standard base64 (padded, no stray bits) of at least 5 bytes; at most 100
 * signature lines. Anything else is MALFORMED_NOTE.
 *
 * VERIFYING against a known key (name, public key): signature lines with another name or
 * key ID are ignored (witness cosignatures, a rotated key); every line with this name and
 * key ID must verify (else BAD_SIGNATURE, the whole note refused); at least one must be
 * there (else NO_SIGNATURE_BY_KEY). Then the text must be a checkpoint body as above
 * (else MALFORMED_CHECKPOINT) with the expected origin, when one is given (else
 * WRONG_ORIGIN). Sizes above 2^53 − 1 are refused as MALFORMED_CHECKPOINT.
 */
import { createHash } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, verifySignature, type Signer } from '../crypto/signing';
import { HEX64, isWellFormedString } from './event';

export const VAULT_LOG_ORIGIN_PREFIX = 'tamga.vault/';
/** The signed-note signature type of Ed25519. */
export const ED25519_SIGNATURE_TYPE = 0x01;
/** More signature lines than this make a note malformed (golang.org/x/mod/sumdb/note's limit; C2SP asks for at least 16). */
export const MAX_NOTE_SIGNATURES = 100;

const SIGNATURE_PREFIX = '\u2014 ';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const WHITE_SPACE = /\p{White_Space}/u;
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f]/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECIMAL = /^(?:0|[1-9][0-9]*)$/;
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function invalid(message: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', message);
}

/** The origin (and key name) of a vault's custody log: "tamga.vault/<vault id>". */
export function vaultLogOrigin(vaultId: string): string {
  if (typeof vaultId !== 'string' || !UUID.test(vaultId)) throw invalid(`A vault id is a lower-case UUID, not ${JSON.stringify(vaultId)}.`);
  return `${VAULT_LOG_ORIGIN_PREFIX}${vaultId}`;
}

/** A signed-note key name: non-empty, well-formed, no Unicode space, no "+" (nor, so, any control character). */
export function isKeyName(name: string): boolean {
  return typeof name === 'string' && name.length > 0 && isWellFormedString(name) && !WHITE_SPACE.test(name) && !name.includes('+') && !CONTROL_BUT_NEWLINE.test(name);
}

/** Canonical standard base64 with padding: decodes, and encodes back to the same text. */
function decodeBase64(text: string): Buffer | null {
  if (!BASE64.test(text)) return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** SHA-256(name ‖ 0x0a ‖ 0x01 ‖ public key)[0:4] as a uint32. */
export function ed25519KeyId(name: string, publicKey: Uint8Array): number {
  if (!isKeyName(name)) throw invalid(`${JSON.stringify(name)} is not a signed-note key name (non-empty, no spaces, no "+").`);
  if (publicKey.length !== PUBLIC_KEY_BYTES) throw invalid('An Ed25519 public key is 32 bytes.');
  const digest = createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, ED25519_SIGNATURE_TYPE])).update(publicKey).digest();
  return digest.readUInt32BE(0);
}

/** A key ID as 8 lower-case hex digits. */
export function keyIdHex(keyId: number): string {
  return keyId.toString(16).padStart(8, '0');
}

/** Who a note must be signed by: a key name and its Ed25519 public key. */
export interface NoteVerifier {
  readonly name: string;
  readonly keyId: number;
  readonly publicKey: Buffer;
}

export function noteVerifier(name: string, publicKey: Uint8Array): NoteVerifier {
  return { name, keyId: ed25519KeyId(name, publicKey), publicKey: Buffer.from(publicKey) };
}

/** The verifier key text: <name>+<key ID hex>+<base64(0x01 ‖ public key)>. */
export function verifierKey(verifier: NoteVerifier): string {
  const key = Buffer.concat([Buffer.from([ED25519_SIGNATURE_TYPE]), verifier.publicKey]).toString('base64');
  return `${verifier.name}+${keyIdHex(ed25519KeyId(verifier.name, verifier.publicKey))}+${key}`;
}

/** Reads a verifier key (Ed25519 only); INVALID_ARGUMENT unless every part is right, the key ID included. */
export function parseVerifierKey(vkey: string): NoteVerifier {
  const parts = typeof vkey === 'string' ? vkey.split('+') : [];
  // The base64 may itself hold "+": the name and ID are the first two parts, the key all the rest.
  const [name = '', id = '', ...rest] = parts;
  const key = decodeBase64(rest.join('+'));
  if (parts.length < 3 || !isKeyName(name) || !/^[0-9a-f]{8}$/.test(id) || key === null) {
    throw invalid('A verifier key reads <name>+<8 lower-case hex digits>+<base64 key>.');
  }
  if (key.length !== 1 + PUBLIC_KEY_BYTES || key[0] !== ED25519_SIGNATURE_TYPE) throw invalid('The verifier key is not an Ed25519 key (type 0x01 and 32 bytes).');
  const publicKey = key.subarray(1);
  if (ed25519KeyId(name, publicKey) !== Number.parseInt(id, 16)) throw invalid(`The verifier key's ID ${id} is not the one of its name and key.`);
  return noteVerifier(name, publicKey);
}

function checkText(text: string): void {
  if (typeof text !== 'string' || text.length === 0 || !text.endsWith('\n')) throw invalid('A note text is non-empty and ends with a line feed.');
  if (!isWellFormedString(text) || CONTROL_BUT_NEWLINE.test(text)) throw invalid('A note text is well-formed Unicode with no control character but the line feed.');
}

/** One signature line: "— <name> <base64(key ID ‖ signature)>\n". */
function signatureLine(text: string, name: string, signer: Signer): string {
  const keyId = Buffer.alloc(4);
  keyId.writeUInt32BE(ed25519KeyId(name, signer.publicKey));
  const signature = signer.sign(Buffer.from(text, 'utf8'));
  return `${SIGNATURE_PREFIX}${name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

/**
 * The signed note of `text` with one Ed25519 signature under key name `name`. For tests and
 * tools; a vault key signs checkpoint bodies only (signCheckpoint).
 */
export function signNote(text: string, name: string, signer: Signer): string {
  checkText(text);
  return `${text}\n${signatureLine(text, name, signer)}`;
}

/** A checkpoint: what its body says. */
export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  /** The root hash, 64 lower-case hex digits (base64 in the body). */
  readonly root: string;
  readonly extensions: readonly string[];
}

function isLine(text: string): boolean {
  return text.length > 0 && isWellFormedString(text) && !text.includes('\n') && !CONTROL_BUT_NEWLINE.test(text);
}

/** The checkpoint body: origin, size, base64 root, extension lines, each ended by "\n". */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, root, extensions } = checkpoint;
  if (typeof origin !== 'string' || !isLine(origin)) throw invalid('A checkpoint origin is one non-empty line with no control characters.');
  if (!Number.isSafeInteger(size) || size < 0) throw invalid(`A tree size is a whole number from 0, not ${String(size)}.`);
  if (typeof root !== 'string' || !HEX64.test(root)) throw invalid('A root hash is 64 lower-case hex digits.');
  for (const line of extensions) if (typeof line !== 'string' || !isLine(line)) throw invalid('A checkpoint extension is one non-empty line with no control characters.');
  return [origin, String(size), Buffer.from(root, 'hex').toString('base64'), ...extensions].map((line) => `${line}\n`).join('');
}

/** The signed note of a checkpoint, signed by `signer` under the key name `keyName` (Tamga: the origin). */
export function signCheckpoint(checkpoint: Checkpoint, signer: Signer, keyName: string = checkpoint.origin): string {
  return signNote(formatCheckpoint(checkpoint), keyName, signer);
}

export const CHECKPOINT_PROBLEM_CODES = [
  /** Not a signed note: bad UTF-8, a control character, no signature block, a malformed or a 101st signature line … */
  'MALFORMED_NOTE',
  /** No signature line by the expected key (its name and key ID): signed by another key, or not at all. */
  'NO_SIGNATURE_BY_KEY',
  /** A signature line by the expected key does not verify: the text or the signature was altered. */
  'BAD_SIGNATURE',
  /** Signed, but the text is not a checkpoint body (three lines: origin, decimal size, base64 32-byte root …). */
  'MALFORMED_CHECKPOINT',
  /** A valid checkpoint, of another log than the one expected. */
  'WRONG_ORIGIN',
] as const;

export type CheckpointProblemCode = (typeof CHECKPOINT_PROBLEM_CODES)[number];

type Failure = { readonly ok: false; readonly problem: CheckpointProblemCode; readonly message: string };

function fail(problem: CheckpointProblemCode, message: string): Failure {
  return { ok: false, problem, message };
}

export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the key ID. */
  readonly signature: Buffer;
}

export interface SignedNote {
  /** The signed text, its final line feed included. */
  readonly text: string;
  readonly signatures: readonly NoteSignature[];
}

export type NoteReading = { readonly ok: true; readonly note: SignedNote } | Failure;

/** Reads a signed note strictly (see the header); verifies nothing. Never throws. */
export function parseNote(input: string | Uint8Array): NoteReading {
  let note: string;
  if (typeof input === 'string') {
    if (!isWellFormedString(input)) return fail('MALFORMED_NOTE', 'The note is not well-formed Unicode.');
    note = input;
  } else {
    try {
      note = UTF8.decode(input);
    } catch {
      return fail('MALFORMED_NOTE', 'The note is not valid UTF-8.');
    }
  }
  if (CONTROL_BUT_NEWLINE.test(note)) return fail('MALFORMED_NOTE', 'The note holds a control character other than the line feed.');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return fail('MALFORMED_NOTE', 'The note has no empty line before its signatures.');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block.length === 0) return fail('MALFORMED_NOTE', 'The note has no signatures.');
  if (!block.endsWith('\n')) return fail('MALFORMED_NOTE', 'The note does not end with a line feed.');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) return fail('MALFORMED_NOTE', `The note has ${lines.length} signatures; at most ${MAX_NOTE_SIGNATURES} are read.`);
  const signatures: NoteSignature[] = [];
  for (const [i, line] of lines.entries()) {
    const where = `Signature line ${i + 1}`;
    if (!line.startsWith(SIGNATURE_PREFIX)) return fail('MALFORMED_NOTE', `${where} does not start with an em dash and a space.`);
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    if (!isKeyName(name)) return fail('MALFORMED_NOTE', `${where} has no valid key name (non-empty, no spaces, no "+").`);
    const bytes = space < 0 ? null : decodeBase64(rest.slice(space + 1));
    if (bytes === null || bytes.length < 5) return fail('MALFORMED_NOTE', `${where} does not end with the base64 of a key ID and a signature.`);
    signatures.push({ name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) });
  }
  return { ok: true, note: { text, signatures } };
}

function verifies(message: Buffer, signature: Buffer, publicKey: Buffer): boolean {
  try {
    return signature.length === SIGNATURE_BYTES && verifySignature(message, signature, publicKey);
  } catch {
    return false; // a public key that is no Ed25519 point verifies nothing
  }
}

export type NoteOpening = { readonly ok: true; readonly text: string } | Failure;

/** Reads a note and checks it is signed by `verifier` (see the header). Never throws. */
export function openNote(input: string | Uint8Array, verifier: NoteVerifier): NoteOpening {
  const reading = parseNote(input);
  if (!reading.ok) return reading;
  const { text, signatures } = reading.note;
  const key = `${verifier.name}+${keyIdHex(verifier.keyId)}`;
  const ours = signatures.filter((s) => s.name === verifier.name && s.keyId === verifier.keyId);
  if (ours.length === 0) return fail('NO_SIGNATURE_BY_KEY', `The note carries no signature by ${key}.`);
  const message = Buffer.from(text, 'utf8');
  for (const { signature } of ours) {
    if (!verifies(message, signature, verifier.publicKey)) return fail('BAD_SIGNATURE', `A signature by ${key} does not verify: the note was altered after it was signed, or the signature was forged.`);
  }
  return { ok: true, text };
}

export type CheckpointReading = { readonly ok: true; readonly checkpoint: Checkpoint } | Failure;

/** Reads a checkpoint body (the text of a note). Never throws. */
export function parseCheckpoint(text: string): CheckpointReading {
  const bad = (why: string): Failure => fail('MALFORMED_CHECKPOINT', `The signed text is not a checkpoint: ${why}.`);
  if (typeof text !== 'string' || !text.endsWith('\n')) return bad('it does not end with a line feed');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) return bad('it has fewer than three lines');
  const empty = lines.findIndex((line) => line.length === 0);
  if (empty >= 0) return bad(`line ${empty + 1} is empty`);
  const [origin = '', sizeLine = '', rootLine = '', ...extensions] = lines;
  if (!DECIMAL.test(sizeLine)) return bad(`its size ${JSON.stringify(sizeLine)} is not a decimal number without leading zeros`);
  const size = Number(sizeLine);
  if (!Number.isSafeInteger(size)) return bad(`its size ${sizeLine} is larger than this verifier can check`);
  const root = decodeBase64(rootLine);
  if (root === null || root.length !== 32) return bad('its root is not the standard base64 of 32 bytes');
  return { ok: true, checkpoint: { origin, size, root: root.toString('hex'), extensions } };
}

/**
 * Reads a signed checkpoint, checks it is signed by `verifier` and, when `expected.origin`
 * is given, that it is that log's. Never throws: a verifier reports, it does not stop.
 */
export function openCheckpoint(input: string | Uint8Array, verifier: NoteVerifier, expected: { readonly origin?: string } = {}): CheckpointReading {
  const opened = openNote(input, verifier);
  if (!opened.ok) return opened;
  const reading = parseCheckpoint(opened.text);
  if (!reading.ok) return reading;
  const { origin } = reading.checkpoint;
  if (expected.origin !== undefined && origin !== expected.origin) {
    return fail('WRONG_ORIGIN', `The checkpoint is of ${JSON.stringify(origin)}, not of ${JSON.stringify(expected.origin)}.`);
  }
  return reading;
}
