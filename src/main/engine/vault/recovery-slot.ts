/**
 * The recovery slot of vault.json: the SAME master key, wrapped a second time, under a
 * key derived from a 256-bit random recovery key (24 words) instead of the passphrase.
 *
 * wrap key = HMAC-SHA256(key = recovery key, message = JCS({purpose, formatVersion,
 * vaultId, scheme})). No scrypt: stretching is for secrets people choose; 256 random bits
 * cannot be guessed however fast each guess is, so a slow KDF would only slow recovery.
 * HMAC under a uniformly random key is a PRF (as in HKDF-Extract), and binding the vault
 * id and scheme means a slot copied into another vault, or relabelled, does not open.
 *
 * Parsing is strict and happens with the rest of vault.json, before any KDF runs.
 */
import { createHmac } from 'node:crypto';
import canonicalize from 'canonicalize';
import nacl from 'tweetnacl';
import { TamgaError } from '../../../shared/errors';
import { unwrapKey, wrapKey, type WrappedKey } from '../crypto/secretbox';
import { MASTER_KEY_BYTES } from './master-key';
import { MAX_SHARES, type ShareSplit } from './recovery-shares';
import { RECOVERY_KEY_BYTES } from './recovery-words';

export const RECOVERY_SCHEME = 'bip39-256';
const RECOVERY_PURPOSE = 'tamga v1 recovery key wrap';

export interface RecoverySlot {
  readonly scheme: typeof RECOVERY_SCHEME;
  /** When this recovery key was made (informational, not bound to the box). */
  readonly createdAt: string;
  /** Present when the key was handed out only as k-of-n shares. */
  readonly shares?: ShareSplit;
  readonly masterKey: WrappedKey;
}

export interface RecoveryContext {
  readonly formatVersion: number;
  readonly vaultId: string;
}

export function recoveryContextJson(context: RecoveryContext): string {
  const bound = canonicalize({ purpose: RECOVERY_PURPOSE, formatVersion: context.formatVersion, vaultId: context.vaultId, scheme: RECOVERY_SCHEME });
  if (bound === undefined) throw new TamgaError('INTERNAL', 'Could not canonicalise the recovery wrap context.');
  return bound;
}

export function recoveryWrapKey(recoveryKey: Uint8Array, context: RecoveryContext): Buffer {
  if (recoveryKey.length !== RECOVERY_KEY_BYTES) throw new TamgaError('INTERNAL', `A recovery key has ${RECOVERY_KEY_BYTES} bytes.`);
  return createHmac('sha256', recoveryKey).update(recoveryContextJson(context), 'utf8').digest();
}

export function wrapForRecovery(masterKey: Buffer, recoveryKey: Uint8Array, context: RecoveryContext): WrappedKey {
  const key = recoveryWrapKey(recoveryKey, context);
  try {
    return wrapKey(masterKey, key);
  } finally {
    key.fill(0);
  }
}

/** The master key, or WRONG_RECOVERY_KEY when this key does not open this vault's slot. */
export function unwrapWithRecovery(slot: RecoverySlot, recoveryKey: Uint8Array, context: RecoveryContext): Buffer {
  const key = recoveryWrapKey(recoveryKey, context);
  try {
    const master = unwrapKey(slot.masterKey, key);
    if (master === null) {
      throw new TamgaError(
        'WRONG_RECOVERY_KEY',
        "These are valid recovery words, but not this vault's recovery key: they belong to another vault, or to a recovery key since replaced (or vault.json was edited). Nothing was changed.",
      );
    }
    if (master.length !== MASTER_KEY_BYTES) throw new TamgaError('CORRUPT', 'The recovery slot of vault.json holds a master key of the wrong length.');
    return master;
  } finally {
    key.fill(0);
  }
}

function corrupt(what: string): TamgaError {
  return new TamgaError('CORRUPT', `vault.json is damaged: its recovery slot ${what}.`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function exactMembers(obj: Record<string, unknown>, allowed: readonly string[], what: string): void {
  const extra = Object.keys(obj).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw corrupt(`has ${what} members it should not ("${extra.join('", "')}")`);
}

function base64Of(value: unknown, bytes: number, what: string): string {
  if (typeof value !== 'string' || !BASE64.test(value) || Buffer.from(value, 'base64').length !== bytes || Buffer.from(value, 'base64').toString('base64') !== value) {
    throw corrupt(`${what} is not ${bytes} bytes of base64`);
  }
  return value;
}

/** Validates the "recovery" member; absent means the vault has no recovery key. */
export function parseRecoverySlot(value: unknown): RecoverySlot | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw corrupt('is not an object');
  exactMembers(value, ['scheme', 'createdAt', 'shares', 'masterKey'], 'unknown');
  if (value.scheme !== RECOVERY_SCHEME) {
    throw new TamgaError('UNSUPPORTED_VERSION', `vault.json has a recovery key of an unknown kind "${String(value.scheme)}". Use a newer Tamga.`);
  }
  if (typeof value.createdAt !== 'string' || !ISO_TIME.test(value.createdAt)) throw corrupt('has no valid creation time');
  const wrapped = value.masterKey;
  if (!isRecord(wrapped)) throw corrupt('has no wrapped master key');
  exactMembers(wrapped, ['alg', 'nonce', 'box'], 'masterKey');
  if (wrapped.alg !== 'xsalsa20-poly1305') throw new TamgaError('UNSUPPORTED_VERSION', `vault.json: the recovery slot uses an unknown algorithm "${String(wrapped.alg)}".`);
  const masterKey: WrappedKey = {
    alg: 'xsalsa20-poly1305',
    nonce: base64Of(wrapped.nonce, nacl.secretbox.nonceLength, 'nonce'),
    box: base64Of(wrapped.box, MASTER_KEY_BYTES + nacl.secretbox.overheadLength, 'box'),
  };
  const slot = { scheme: RECOVERY_SCHEME, createdAt: value.createdAt, masterKey } as const;
  if (value.shares === undefined) return slot;
  const shares = value.shares;
  if (!isRecord(shares)) throw corrupt('has malformed shares');
  exactMembers(shares, ['k', 'n', 'setId'], 'shares');
  const { k, n, setId } = shares;
  if (typeof k !== 'number' || typeof n !== 'number' || !Number.isInteger(k) || !Number.isInteger(n) || k < 2 || n < k || n > MAX_SHARES) {
    throw corrupt(`has an impossible split (k = ${String(k)}, n = ${String(n)})`);
  }
  if (typeof setId !== 'string' || !/^[0-9a-f]{8}$/.test(setId)) throw corrupt('has a malformed share set id');
  return { ...slot, shares: { k, n, setId } };
}

/** The member as vault.json writes it (members in a fixed order). */
export function serialiseRecoverySlot(slot: RecoverySlot): Record<string, unknown> {
  return {
    scheme: slot.scheme,
    createdAt: slot.createdAt,
    ...(slot.shares === undefined ? {} : { shares: { k: slot.shares.k, n: slot.shares.n, setId: slot.shares.setId } }),
    masterKey: { alg: slot.masterKey.alg, nonce: slot.masterKey.nonce, box: slot.masterKey.box },
  };
}
