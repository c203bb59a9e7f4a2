/**
 * Passphrase → key-encryption key, with scrypt.
 *
 * The parameters live in the clear in vault.json, so a reader must treat them as hostile:
 * they are validated before scrypt runs, so a doctored file can neither make us run a
 * weaker KDF silently (the parameters are also bound into the wrap key, see master-key.ts)
 * nor make us allocate gigabytes or spin for minutes. Each parameter has its range, and
 * the whole has two bounds, since N, r and p multiply: memory (128·N·r bytes: scrypt's
 * p lanes run one after the other in Node) and work (N·r·p, the number of BlockMix
 * rounds, ∝ time).
 */
import { randomBytes, scrypt } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';

export interface ScryptParams {
  readonly name: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  /** 32 random bytes. */
  readonly salt: Buffer;
}

/** Default cost: ≈0.33 s and 128 MiB per guess on a 2-core laptop of 2026. */
export const DEFAULT_SCRYPT_LOG2N = 17;
/** Creation never goes below the default; opening accepts up to the maximum. */
export const MIN_SCRYPT_LOG2N = 17;
export const MAX_SCRYPT_LOG2N = 22;
export const SALT_BYTES = 32;
const MAX_R = 32;
const MAX_P = 16;
/** 1 GiB: 8× the default's 128 MiB; N=2^20 at r=8. */
export const MAX_SCRYPT_MEMORY_BYTES = 2 ** 30;
/** 64× the default's N·r·p = 2^20 (≈20 s where the default takes 0.33 s). */
export const MAX_SCRYPT_WORK = 2 ** 26;

export function newScryptParams(log2N: number = DEFAULT_SCRYPT_LOG2N): ScryptParams {
  const params: ScryptParams = { name: 'scrypt', N: 2 ** log2N, r: 8, p: 1, salt: randomBytes(SALT_BYTES) };
  checkScryptParams(params, { forCreation: true });
  return params;
}

/** Throws UNSUPPORTED_VERSION for parameters this version will not run. */
export function checkScryptParams(params: ScryptParams, options: { forCreation?: boolean } = {}): void {
  const { N, r, p, salt } = params;
  const log2N = Math.log2(N);
  if (!Number.isInteger(N) || !Number.isInteger(log2N) || N < 2) {
    throw new TamgaError('UNSUPPORTED_VERSION', `The vault's KDF parameter N=${String(N)} is not a power of two.`);
  }
  if (log2N > MAX_SCRYPT_LOG2N) {
    throw new TamgaError(
      'UNSUPPORTED_VERSION',
      `The vault asks for scrypt N=2^${log2N}, above the supported maximum 2^${MAX_SCRYPT_LOG2N}; refusing to run it.`,
      { log2N, max: MAX_SCRYPT_LOG2N },
    );
  }
  if (options.forCreation && log2N < MIN_SCRYPT_LOG2N) {
    throw new TamgaError('INVALID_ARGUMENT', `scrypt N must be at least 2^${MIN_SCRYPT_LOG2N} for a new vault.`);
  }
  if (!Number.isInteger(r) || r < 1 || r > MAX_R || !Number.isInteger(p) || p < 1 || p > MAX_P) {
    throw new TamgaError('UNSUPPORTED_VERSION', `The vault's KDF parameters r=${String(r)}, p=${String(p)} are outside the supported range.`);
  }
  const memory = 128 * N * r;
  if (memory > MAX_SCRYPT_MEMORY_BYTES) {
    throw new TamgaError(
      'UNSUPPORTED_VERSION',
      `The vault asks scrypt for ${mebibytes(memory)} of memory (N=2^${log2N}, r=${r}), above the ${mebibytes(MAX_SCRYPT_MEMORY_BYTES)} Tamga allows; refusing to run it.`,
      { memory, max: MAX_SCRYPT_MEMORY_BYTES },
    );
  }
  const work = N * r * p;
  if (work > MAX_SCRYPT_WORK) {
    throw new TamgaError(
      'UNSUPPORTED_VERSION',
      `The vault asks scrypt for ${work / (DEFAULT_WORK)}× the default work (N=2^${log2N}, r=${r}, p=${p}), above the ${MAX_SCRYPT_WORK / DEFAULT_WORK}× Tamga allows; refusing to run it.`,
      { work, max: MAX_SCRYPT_WORK },
    );
  }
  if (salt.length !== SALT_BYTES) {
    throw new TamgaError('CORRUPT', `The vault's KDF salt is ${salt.length} bytes long; it must be ${SALT_BYTES}.`);
  }
}

const DEFAULT_WORK = 2 ** DEFAULT_SCRYPT_LOG2N * 8;

function mebibytes(bytes: number): string {
  return `${bytes / 2 ** 20} MiB`;
}

/** Passphrases are compared as Unicode NFC so that the same words typed on another OS unlock. */
export function normalisePassphrase(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

export async function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
  checkScryptParams(params);
  const { N, r, p, salt } = params;
  // Node refuses scrypt above 32 MiB unless maxmem is raised; 128·N·r (bounded above) is
  // what it needs, plus room for its small per-lane buffers.
  const maxmem = 128 * N * r + 64 * 1024 * 1024;
  const secret = normalisePassphrase(passphrase);
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      scrypt(secret, salt, 32, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
    });
  } catch (err) {
    throw new TamgaError('INTERNAL', `Key derivation failed: ${(err as Error).message}`, undefined, { cause: err });
  } finally {
    secret.fill(0);
  }
}
