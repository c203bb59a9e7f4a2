/**
 * vault.json: the only clear-text file of a vault. It holds what is needed to unlock
 * (KDF parameters and the wrapped master key) and what may be public (vault id, public
 * signing key and its fingerprint). This module owns its bytes: parsing is strict, since
 * the file is read from disks that may have passed through hostile hands.
 */
import { readFile } from 'node:fs/promises';
import { TamgaError } from '../../../shared/errors';
import type { ScryptParams } from '../crypto/kdf';
import type { WrappedKey } from '../crypto/secretbox';
import { atomicWriteFile } from '../fs/atomic-write';
import { fromFsError } from '../fs/fs-errors';
import { parseRecoverySlot, serialiseRecoverySlot, type RecoverySlot } from './recovery-slot';

export const VAULT_FORMAT = 'tamga-vault';
export const VAULT_FORMAT_VERSION = 1;

export interface VaultFile {
  readonly formatVersion: number;
  readonly vaultId: string;
  readonly createdAt: string;
  readonly kdf: ScryptParams;
  readonly masterKey: WrappedKey;
  readonly signing: {
    readonly alg: 'ed25519';
    /** Raw 32-byte public key, hex. */
    readonly publicKey: string;
    readonly fingerprint: string;
    /** The 32-byte Ed25519 seed, wrapped under the signing-wrap subkey. */
    readonly wrappedSeed: WrappedKey;
  };
  /** The second slot: the same master key under the recovery key (recovery-slot.ts); absent when the vault has none. */
  readonly recovery?: RecoverySlot;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function corrupt(what: string): TamgaError {
  return new TamgaError('CORRUPT', `vault.json is damaged: ${what}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field<T>(obj: Record<string, unknown>, name: string, check: (v: unknown) => v is T, what: string): T {
  const value = obj[name];
  if (!check(value)) throw corrupt(`${what} ("${name}") is missing or malformed`);
  return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBase64 = (v: unknown): v is string => isString(v) && BASE64.test(v);

function parseWrapped(value: unknown, what: string): WrappedKey {
  if (!isRecord(value)) throw corrupt(`${what} is missing`);
  const alg = field(value, 'alg', isString, `${what} algorithm`);
  if (alg !== 'xsalsa20-poly1305') throw new TamgaError('UNSUPPORTED_VERSION', `vault.json: ${what} uses an unknown algorithm "${alg}".`);
  return { alg, nonce: field(value, 'nonce', isBase64, `${what} nonce`), box: field(value, 'box', isBase64, `${what} box`) };
}

/** Validates the parsed JSON. Version is checked first so that a newer vault is named as such. */
export function parseVaultFile(json: unknown): VaultFile {
  if (!isRecord(json) || json.format !== VAULT_FORMAT) {
    throw new TamgaError('NOT_A_VAULT', 'vault.json is not a Tamga vault description.');
  }
  const formatVersion = field(json, 'formatVersion', isNumber, 'the format version');
  if (formatVersion !== VAULT_FORMAT_VERSION) {
    throw new TamgaError(
      'UNSUPPORTED_VERSION',
      `This vault has format version ${formatVersion}; this Tamga reads version ${VAULT_FORMAT_VERSION}. Use a newer Tamga.`,
      { formatVersion },
    );
  }
  const vaultId = field(json, 'vaultId', (v): v is string => isString(v) && UUID.test(v), 'the vault id');
  const createdAt = field(json, 'createdAt', isString, 'the creation time');
  const kdfRaw = json.kdf;
  if (!isRecord(kdfRaw)) throw corrupt('the KDF parameters are missing');
  const kdfName = field(kdfRaw, 'name', isString, 'the KDF name');
  if (kdfName !== 'scrypt') throw new TamgaError('UNSUPPORTED_VERSION', `vault.json names an unknown KDF "${kdfName}".`);
  const kdf: ScryptParams = {
    name: 'scrypt',
    N: field(kdfRaw, 'N', isNumber, 'scrypt N'),
    r: field(kdfRaw, 'r', isNumber, 'scrypt r'),
    p: field(kdfRaw, 'p', isNumber, 'scrypt p'),
    salt: Buffer.from(field(kdfRaw, 'salt', isBase64, 'the KDF salt'), 'base64'),
  };
  const signingRaw = json.signing;
  if (!isRecord(signingRaw) || signingRaw.alg !== 'ed25519') throw corrupt('the signing key is missing');
  const isHex64 = (v: unknown): v is string => isString(v) && HEX64.test(v);
  const recovery = parseRecoverySlot(json.recovery);
  return {
    formatVersion,
    vaultId,
    createdAt,
    kdf,
    masterKey: parseWrapped(json.masterKey, 'the wrapped master key'),
    signing: {
      alg: 'ed25519',
      publicKey: field(signingRaw, 'publicKey', isHex64, 'the public key'),
      fingerprint: field(signingRaw, 'fingerprint', isHex64, 'the key fingerprint'),
      wrappedSeed: parseWrapped(signingRaw.wrappedSeed, 'the wrapped signing key'),
    },
    ...(recovery === undefined ? {} : { recovery }),
  };
}

export function serialiseVaultFile(vault: VaultFile): string {
  const { kdf } = vault;
  const doc = {
    format: VAULT_FORMAT,
    formatVersion: vault.formatVersion,
    vaultId: vault.vaultId,
    createdAt: vault.createdAt,
    kdf: { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p, salt: kdf.salt.toString('base64') },
    masterKey: vault.masterKey,
    signing: vault.signing,
    ...(vault.recovery === undefined ? {} : { recovery: serialiseRecoverySlot(vault.recovery) }),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export async function readVaultFile(path: string): Promise<VaultFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new TamgaError('NOT_A_VAULT', 'This folder is not a Tamga vault (it has no vault.json).', { path });
    }
    throw fromFsError(err, 'reading vault.json');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw corrupt('it is not valid JSON');
  }
  return parseVaultFile(json);
}

export async function writeVaultFile(path: string, vault: VaultFile, crashLabel: string): Promise<void> {
  await atomicWriteFile(path, serialiseVaultFile(vault), crashLabel);
}
