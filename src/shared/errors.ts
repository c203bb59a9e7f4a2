/**
 * The error contract shared by the engine, the CLI and the window.
 *
 * Every failure that crosses the API is a `TamgaErrorData`: a code a person can act on,
 * a plain-language message, and optional structured details. Codes are stable: the UI
 * translates them and scripts match on them, so never rename one.
 */

export const ERROR_CODES = [
  /** The passphrase does not unwrap the vault's master key. */
  'WRONG_PASSPHRASE',
  /** The call needs an unlocked vault and the vault is locked (or was never opened). */
  'VAULT_LOCKED',
  /** Another process holds the vault open for writing. */
  'VAULT_IN_USE',
  /** The directory is not a Tamga vault (no or unreadable vault.json). */
  'NOT_A_VAULT',
  /** A vault or blob written by a newer Tamga, or with parameters this version refuses. */
  'UNSUPPORTED_VERSION',
  /** Stored bytes fail their integrity checks: tampering, bit rot or a bad copy. */
  'CORRUPT',
  /** The disk is full; nothing half-written was kept. */
  'DISK_FULL',
  /** The target exists already (e.g. init into a non-empty directory). */
  'ALREADY_EXISTS',
  /** A file or item that was asked for does not exist. */
  'NOT_FOUND',
  /** The operating system refused access. */
  'PERMISSION_DENIED',
  /** The caller passed something malformed. */
  'INVALID_ARGUMENT',
  /** The passphrase is too weak to protect a vault. */
  'WEAK_PASSPHRASE',
  /** The operation was cancelled by the user; what fully finished is kept. */
  'CANCELLED',
  /** An unexpected failure; details say what happened. */
  'INTERNAL',
  /** An operation of the same kind is already running (one import, one export at a time). */
  'BUSY',
  /** The vault is open read-only (a write-protected card, or opened to read only). */
  'READ_ONLY',
  /** A search query that cannot be understood; the message names the term. */
  'QUERY_INVALID',
  /** A short reference (a SHA-256 prefix) matches more than one item. */
  'AMBIGUOUS',
  /** A timestamp server (TSA) could not be reached: down, refusing connections, or too slow; the message names its URL. */
  'TSA_UNREACHABLE',
  /** A timestamp server answered with a status other than granted; the message gives its status and reason. */
  'TSA_REFUSED',
  /** A timestamp server answered, but not with an RFC 3161 reply (an HTTP error, another content type, too large, unreadable). */
  'TSA_BAD_RESPONSE',
  /** Bytes that should be an RFC 3161 timestamp cannot be read as one. */
  'TIMESTAMP_MALFORMED',
  /** A timestamp is over other data: its hash differs from that of the data it should vouch for. */
  'TIMESTAMP_IMPRINT_MISMATCH',
  /** A timestamp server's answer carries another nonce than the request: a replayed or misdirected answer. */
  'TIMESTAMP_NONCE_MISMATCH',
  /** A timestamp's signature does not verify, or is not bound to the certificate that signed it. */
  'TIMESTAMP_SIGNATURE_INVALID',
  /** A timestamp's signing certificate does not lead to any root certificate the user trusts. */
  'TIMESTAMP_UNTRUSTED_CHAIN',
  /** A timestamp is signed by a certificate that may not sign timestamps (no critical timeStamping extended key usage). */
  'TIMESTAMP_SIGNER_NOT_TSA',
  /** Recovery words or a share that cannot be what Tamga printed: a word not on the list, a word missing, a checksum that fails (a typo). */
  'RECOVERY_KEY_MALFORMED',
  /** Well-formed recovery words or shares that are not this vault's current recovery key (another vault's, or a key since replaced). */
  'WRONG_RECOVERY_KEY',
  /** The vault has no recovery key (none was made, or it was removed). */
  'NO_RECOVERY_KEY',
  /** Fewer shares of the recovery key than it was split to need (k of n). */
  'NOT_ENOUGH_SHARES',
  /** Replica storage (an S3 endpoint) could not be reached: refused, unknown host, no route, timed out; the message names it. */
  'STORAGE_UNREACHABLE',
  /** Replica storage refused the credentials (unknown access key, wrong secret) or their access to the bucket. */
  'STORAGE_ACCESS_DENIED',
  /** The bucket named for replicas does not exist at that endpoint. */
  'STORAGE_NO_BUCKET',
  /** Replica storage answered with an error Tamga cannot act on (a server error, a refused request); details give its code. */
  'STORAGE_FAILED',
  /** A bundle to receive did not pass its check; nothing was received (the problems can be accepted explicitly). */
  'BUNDLE_REFUSED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface TamgaErrorData {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The one error class every layer throws and catches; it survives a structured clone as data. */
export class TamgaError extends Error implements TamgaErrorData {
  readonly code: ErrorCode;
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details?: Readonly<Record<string, unknown>>, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TamgaError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toData(): TamgaErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: TamgaErrorData): TamgaError {
    return new TamgaError(data.code, data.message, data.details);
  }
}

/** A result as it crosses a process or IPC boundary: errors as data, never thrown across. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TamgaErrorData };

export function assertNever(value: never): never {
  throw new TamgaError('INTERNAL', `Unhandled case: ${JSON.stringify(value)}`);
}
