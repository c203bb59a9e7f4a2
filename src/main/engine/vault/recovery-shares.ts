/**
 * k-of-n shares of the recovery key (Shamir's scheme over GF(2^8), by the audited
 * shamir-secret-sharing), each written as 80 characters of Crockford base32 in 16 groups
 * of five. A share names itself (its number, k and n), the vault it belongs to (the first
 * 4 bytes of the vault's key fingerprint), the split it belongs to (a random set id, also
 * in vault.json) and carries a 5-byte checksum, so a typo, a share of another vault, of an
 * older recovery key or given twice is named before anything is combined.
 * Byte layout (docs/formats.md, "Recovery shares"):
 *
 *   0 version (1) · 1 k · 2 n · 3 number (1…n) · 4–7 set id · 8–11 fingerprint prefix ·
 *   12–44 the Shamir share (32 bytes, then its x coordinate) · 45–49 SHA-256(bytes 0–44)[0..5]
 */
import { createHash, randomBytes } from 'node:crypto';
import { combine, split } from 'shamir-secret-sharing';
import { TamgaError } from '../../../shared/errors';
import { RECOVERY_KEY_BYTES } from './recovery-words';

export const SHARE_VERSION = 1;
export const SHARE_BYTES = 50;
export const SHARE_CHARS = 80;
/** More would be no safer and much harder to hand out; the library allows 255. */
export const MAX_SHARES = 16;
const CHECK_BYTES = 5;
const BODY_BYTES = SHARE_BYTES - CHECK_BYTES;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export interface ShareSplit {
  readonly k: number;
  readonly n: number;
  /** 4 random bytes, hex: vault.json's recovery.shares.setId. */
  readonly setId: string;
}

export interface ParsedShare extends ShareSplit {
  readonly number: number;
  /** The first 8 hex digits of the key fingerprint of the vault the share belongs to. */
  readonly fingerprintPrefix: string;
  /** The Shamir share as the library makes it (33 bytes). */
  readonly value: Buffer;
}

export function checkSplit(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 2 || n < k || n > MAX_SHARES) {
    throw new TamgaError('INVALID_ARGUMENT', `Shares are given as K-of-N with 2 ≤ K ≤ N ≤ ${MAX_SHARES} (e.g. 2-of-3); ${String(k)}-of-${String(n)} is not possible.`);
  }
}

/** "2-of-3" → {k: 2, n: 3}. */
export function parseSplit(text: string): { k: number; n: number } {
  const match = /^\s*(\d{1,3})\s*(?:-?of-?|\/)\s*(\d{1,3})\s*$/i.exec(text);
  if (match === null) throw new TamgaError('INVALID_ARGUMENT', `--shares takes K-of-N, e.g. 2-of-3; "${text}" is not that.`);
  const k = Number(match[1]);
  const n = Number(match[2]);
  checkSplit(k, n);
  return { k, n };
}

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Crockford's reading rules: case does not matter, O is 0, I and L are 1. */
function base32Decode(text: string): Buffer | { readonly badChar: string; readonly position: number } {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const [i, raw] of Array.from(text).entries()) {
    const c = raw.toUpperCase().replace('O', '0').replace(/[IL]/, '1');
    const digit = ALPHABET.indexOf(c);
    if (digit < 0) return { badChar: raw, position: i + 1 };
    value = ((value << 5) | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

function checksum(body: Uint8Array): Buffer {
  return createHash('sha256').update(body).digest().subarray(0, CHECK_BYTES);
}

/** The 80 characters in 16 groups of five, as printed. */
export function groupShare(code: string): string[] {
  return code.match(/.{1,5}/g) ?? [];
}

export function encodeShare(share: Omit<ParsedShare, 'value'> & { readonly value: Uint8Array }): string {
  const body = Buffer.alloc(BODY_BYTES);
  body[0] = SHARE_VERSION;
  body[1] = share.k;
  body[2] = share.n;
  body[3] = share.number;
  Buffer.from(share.setId, 'hex').copy(body, 4);
  Buffer.from(share.fingerprintPrefix, 'hex').copy(body, 8);
  Buffer.from(share.value).copy(body, 12);
  return base32Encode(Buffer.concat([body, checksum(body)]));
}

function malformedShare(message: string, details: Record<string, unknown>): TamgaError {
  return new TamgaError('RECOVERY_KEY_MALFORMED', message, details);
}

/** The characters of a share in text that may hold other lines (a saved page): the line that is one. */
function shareCharacters(text: string): string {
  const squeeze = (s: string): string => s.replace(/[\s-]+/g, '');
  const whole = squeeze(text);
  if (whole.length === SHARE_CHARS) return whole;
  const lines = text.split(/\r?\n/).map(squeeze).filter((line) => /^[0-9A-Za-z]{80}$/.test(line));
  return lines.length === 1 && lines[0] !== undefined ? lines[0] : whole;
}

/** Reads one share; `label` names it in messages ("share 2 given"), `given` (its place among those given, from 1) in details. */
export function parseShare(text: string, label: string, given?: number): ParsedShare {
  const malformed = (message: string, details: Record<string, unknown>): TamgaError => malformedShare(message, given === undefined ? details : { ...details, given });
  const chars = shareCharacters(text);
  if (chars.length !== SHARE_CHARS) {
    throw malformed(`${label} has ${chars.length} characters; a share has ${SHARE_CHARS} (16 groups of five). Look for a missing or extra group.`, { reason: 'share-length', length: chars.length });
  }
  const bytes = base32Decode(chars);
  if (!Buffer.isBuffer(bytes)) {
    throw malformed(`${label}: "${bytes.badChar}" (character ${bytes.position}) is not used in shares. Check that group against the printed page.`, { reason: 'share-character', position: bytes.position });
  }
  const body = bytes.subarray(0, BODY_BYTES);
  if (!checksum(body).equals(bytes.subarray(BODY_BYTES))) {
    throw malformed(`${label} fails its checksum: a character is mistyped or two are swapped. Check each group against the printed page.`, { reason: 'share-checksum' });
  }
  if (body[0] !== SHARE_VERSION) throw new TamgaError('UNSUPPORTED_VERSION', `${label} is a share of format ${String(body[0])}; this Tamga reads format ${SHARE_VERSION}. Use a newer Tamga.`);
  const [k = 0, n = 0, number = 0] = [body[1], body[2], body[3]];
  const x = body[12 + RECOVERY_KEY_BYTES] ?? 0;
  if (k < 2 || n < k || n > MAX_SHARES || number < 1 || number > n || x === 0) {
    throw malformed(`${label} says it is share ${number} of ${n}, ${k} needed: that cannot be.`, { reason: 'share-numbers' });
  }
  return {
    k,
    n,
    number,
    setId: body.subarray(4, 8).toString('hex'),
    fingerprintPrefix: body.subarray(8, 12).toString('hex'),
    value: Buffer.from(body.subarray(12, BODY_BYTES)),
  };
}

export interface MadeShares extends ShareSplit {
  /** Share i+1 of n, 80 characters each. */
  readonly codes: readonly string[];
}

export async function splitRecoveryKey(recoveryKey: Uint8Array, k: number, n: number, keyFingerprint: string): Promise<MadeShares> {
  checkSplit(k, n);
  const setId = randomBytes(4).toString('hex');
  const values = await split(new Uint8Array(recoveryKey), n, k);
  const fingerprintPrefix = keyFingerprint.slice(0, 8);
  const codes = values.map((value, i) => encodeShare({ k, n, number: i + 1, setId, fingerprintPrefix, value }));
  for (const value of values) value.fill(0);
  return { k, n, setId, codes };
}

/**
 * Checks that the shares belong together and to this vault's current split, then combines
 * them. What comes out is only a candidate: the slot's box says whether it is the key.
 */
export async function combineShares(shares: readonly ParsedShare[], vault: { readonly keyFingerprint: string; readonly split: ShareSplit | null }): Promise<Buffer> {
  const first = shares[0];
  if (first === undefined) throw new TamgaError('NOT_ENOUGH_SHARES', 'No share was given.');
  const prefix = vault.keyFingerprint.slice(0, 8);
  for (const [i, share] of shares.entries()) {
    if (share.fingerprintPrefix !== prefix) {
      throw new TamgaError('WRONG_RECOVERY_KEY', `Share ${i + 1} given (share ${share.number} of ${share.n}) belongs to another vault: its vault key fingerprint begins ${share.fingerprintPrefix}, this vault's begins ${prefix}.`, { reason: 'other-vault', given: i + 1 });
    }
    if (share.setId !== first.setId || share.k !== first.k || share.n !== first.n) {
      throw new TamgaError('WRONG_RECOVERY_KEY', `Share ${i + 1} given is from another split of this vault's recovery key than share 1 given (set ${share.setId}, not ${first.setId}): use shares of one split only, those printed together.`, { reason: 'mixed-sets', given: i + 1 });
    }
  }
  if (vault.split === null || vault.split.setId !== first.setId || vault.split.k !== first.k || vault.split.n !== first.n) {
    throw new TamgaError(
      'WRONG_RECOVERY_KEY',
      vault.split === null
        ? "These shares are of a recovery key this vault no longer has: it now has none split into shares (it was replaced or removed)."
        : vault.split.setId !== first.setId
          ? `These shares (set ${first.setId}) are of a recovery key this vault no longer has: it was replaced by one split as set ${vault.split.setId}.`
          : `These shares say ${first.k}-of-${first.n}, but this vault's recovery key was split ${vault.split.k}-of-${vault.split.n}: one of them was altered.`,
      { reason: 'old-set' },
    );
  }
  const byNumber = distinctShares(shares);
  return Buffer.from(await combine([...byNumber.values()].map((share) => new Uint8Array(share.value))));
}

/**
 * The shares given, one per number (the same share given twice counts once; two different
 * texts with one number are refused), or NOT_ENOUGH_SHARES when fewer than the k they name.
 * Needs no vault: `tamga restore` checks this before fetching anything.
 */
export function distinctShares(shares: readonly ParsedShare[]): Map<number, ParsedShare> {
  const first = shares[0];
  if (first === undefined) throw new TamgaError('NOT_ENOUGH_SHARES', 'No share was given.');
  const byNumber = new Map<number, ParsedShare>();
  const repeated = new Set<number>();
  for (const share of shares) {
    const seen = byNumber.get(share.number);
    if (seen !== undefined) {
      if (!seen.value.equals(share.value)) throw malformedShare(`Two different texts both say they are share ${share.number}; one of them was altered.`, { reason: 'share-conflict', number: share.number });
      repeated.add(share.number);
    }
    byNumber.set(share.number, share);
  }
  if (byNumber.size < first.k) {
    const numbers = [...byNumber.keys()].sort((a, b) => a - b).join(', ');
    const twice = repeated.size === 0 ? '' : ` (share ${[...repeated].join(', ')} was given more than once)`;
    throw new TamgaError(
      'NOT_ENOUGH_SHARES',
      `This recovery key was split into ${first.n} shares, any ${first.k} of which open the vault; ${byNumber.size === 1 ? 'only share' : 'only shares'} ${numbers} ${byNumber.size === 1 ? 'was' : 'were'} given${twice}. Fewer than ${first.k} reveal nothing about the key.`,
      { k: first.k, n: first.n, given: byNumber.size },
    );
  }
  return byNumber;
}
