/**
 * Turns whatever the AWS SDK throws into a TamgaError a person can act on. The SDK's own
 * errors carry a stack, request ids and XML fragments; the user sees one sentence naming
 * the storage, and the original stays attached as `cause` for a log.
 *
 * - STORAGE_UNREACHABLE: no connection or no answer (refused, unknown host, no route, reset,
 *   timed out), after the SDK's bounded retries;
 * - STORAGE_ACCESS_DENIED: 403, whether an unknown access key, a wrong secret (both
 *   SignatureDoesNotMatch on Swift, InvalidAccessKeyId on AWS) or a key without rights;
 * - STORAGE_NO_BUCKET: NoSuchBucket (a HEAD cannot tell, so s3-store.ts asks HeadBucket);
 * - NOT_FOUND: NoSuchKey / 404 on an object;
 * - CANCELLED: the caller's AbortSignal fired;
 * - STORAGE_FAILED: anything else the server answered (5xx after retries, BadDigest,
 *   a redirect to another region, an answer that is not S3 at all), with its code.
 */
import { S3ServiceException } from '@aws-sdk/client-s3';
import { TamgaError } from '../../../shared/errors';

export interface StorageContext {
  /** e.g. "S3 bucket ngo-replica at https://s3.example.org" */
  readonly description: string;
  readonly endpoint: string;
  readonly bucket: string;
  /** What was being done, for the message: "uploading blobs/ab/ab12…". */
  readonly action: string;
  readonly name?: string;
  readonly signal?: AbortSignal | undefined;
}

const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'it refused the connection (nothing listens at that address)',
  ENOTFOUND: 'its host name could not be resolved (wrong address, or offline?)',
  EAI_AGAIN: 'its host name could not be resolved (offline?)',
  ECONNRESET: 'it closed the connection',
  EPIPE: 'it closed the connection',
  ECONNABORTED: 'the connection was aborted',
  EHOSTUNREACH: 'there is no route to it (offline?)',
  ENETUNREACH: 'there is no route to it (offline?)',
  ETIMEDOUT: 'it did not answer in time',
  ECONNTIMEDOUT: 'it did not answer in time',
  EPROTO: 'the secure connection failed',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

function networkReason(error: Error & { code?: unknown }): string | undefined {
  if (typeof error.code === 'string' && error.code in NETWORK_CODES) return NETWORK_CODES[error.code];
  // The SDK's connection and socket timeouts.
  if (error.name === 'TimeoutError' || error.name === 'RequestTimeout') return 'it did not answer in time';
  return undefined;
}

export function storageError(error: unknown, ctx: StorageContext): TamgaError {
  if (error instanceof TamgaError) return error;
  const base = { endpoint: ctx.endpoint, bucket: ctx.bucket, ...(ctx.name === undefined ? {} : { name: ctx.name }) };
  const options = { cause: error };
  if (ctx.signal?.aborted === true || (error instanceof Error && error.name === 'AbortError')) {
    return new TamgaError('CANCELLED', `Cancelled while ${ctx.action} (${ctx.description}).`, base, options);
  }
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    const code = error.name;
    const details = { ...base, status, s3Code: code };
    if (code === 'NoSuchBucket') {
      return new TamgaError('STORAGE_NO_BUCKET', `The bucket "${ctx.bucket}" does not exist at ${ctx.endpoint}.`, details, options);
    }
    if (code === 'NoSuchKey' || (status === 404 && ctx.name !== undefined && code !== 'NoSuchUpload')) {
      return new TamgaError('NOT_FOUND', `"${ctx.name ?? ''}" is not in ${ctx.description}.`, details, options);
    }
    if (status === 403 || code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch' || code === 'AccessDenied') {
      const why =
        code === 'InvalidAccessKeyId'
          ? 'the access key is not known there'
          : code === 'SignatureDoesNotMatch'
            ? 'the access key or its secret is wrong'
            : 'these credentials may not use this bucket';
      return new TamgaError('STORAGE_ACCESS_DENIED', `${ctx.description} refused access while ${ctx.action}: ${why}.`, { ...details, reason: why }, options);
    }
    if (code === 'BadDigest' || code === 'InvalidDigest') {
      return new TamgaError('STORAGE_FAILED', `${ctx.description} received other bytes than were sent while ${ctx.action} (Content-MD5 mismatch); nothing was stored.`, details, options);
    }
    if (status === 301 || code === 'PermanentRedirect' || code === 'AuthorizationHeaderMalformed') {
      return new TamgaError('STORAGE_FAILED', `${ctx.description} says the bucket is in another region; set the bucket's region.`, details, options);
    }
    const what = status === undefined ? code : `HTTP ${status} ${code}`;
    return new TamgaError('STORAGE_FAILED', `${ctx.description} answered ${what} while ${ctx.action}.`, details, options);
  }
  if (error instanceof Error) {
    const reason = networkReason(error);
    if (reason !== undefined) {
      return new TamgaError('STORAGE_UNREACHABLE', `${ctx.description} could not be reached: ${reason}.`, { ...base, reason }, options);
    }
    // No S3 error and no network error: the SDK could not read the answer (an HTML page,
    // a proxy's login form): the endpoint is something other than S3 storage.
    const said = error.message.length > 200 ? `${error.message.slice(0, 200)}…` : error.message;
    return new TamgaError('STORAGE_FAILED', `${ctx.description} did not answer as S3 storage while ${ctx.action}: ${said}`, { ...base, reason: said }, options);
  }
  return new TamgaError('INTERNAL', `Unexpected failure while ${ctx.action} (${ctx.description}).`, base, options);
}
