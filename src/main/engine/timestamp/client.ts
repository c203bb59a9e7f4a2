/**
 * Asking timestamp servers (TSAs) for RFC 3161 timestamps, the HTTP way of RFC 3161 §3.4:
 * POST the DER TimeStampReq with `Content-Type: application/timestamp-query`, expect
 * `200` with `Content-Type: application/timestamp-reply` (the older
 * `application/timestamp-response` is accepted too) and a DER TimeStampResp as the body.
 * Plain http is normal for a TSA: the token proves itself by its signature, not by TLS.
 *
 * Tamga is mostly offline, so every way of not getting a timestamp is an ordinary answer
 * naming the server, never a hang or a crash:
 *
 * - TSA_UNREACHABLE: no connection (refused, no route, unknown host, TLS failure) or no
 *   complete answer within the timeout (15 s by default, for the whole exchange);
 * - TSA_BAD_RESPONSE: an answer that is not a timestamp reply: an HTTP status other than
 *   200 (redirects are not followed: the user configures the final address), another
 *   content type, a body over the size cap (1 MiB by default; real replies are a few KiB),
 *   or a body that is not a TimeStampResp;
 * - TSA_REFUSED: a TimeStampResp whose PKIStatus is neither granted nor grantedWithMods,
 *   with the TSA's status text and failure bits;
 * - and then every check of token.ts on the fresh response, with the request's nonce.
 *
 * With several TSAs each gets its own request (its own nonce), all at once, and one that
 * fails never stops the others: `requestTimestamps` returns one result per URL, in order.
 */
import http from 'node:http';
import https from 'node:https';
import { TamgaError, type TamgaErrorData } from '../../../shared/errors';
import { createTimestampRequest } from './request';
import { describeStatus, isGranted, parseTimestamp, type ParsedTimestamp } from './response';
import { verifyTimestamp, type TimestampFacts } from './token';

export const TSA_TIMEOUT_MS = 15_000;
export const TSA_MAX_RESPONSE_BYTES = 1024 * 1024;
const REPLY_TYPES = ['application/timestamp-reply', 'application/timestamp-response'];

export interface TsaOptions {
  /** The most the whole exchange with one TSA may take. */
  readonly timeoutMs?: number;
  /** The largest reply accepted. */
  readonly maxResponseBytes?: number;
}

export interface TimestampOptions extends TsaOptions {
  /** The root certificates the user trusts (PEM text or DER), for every TSA. */
  readonly trustedRoots: readonly (string | Uint8Array)[];
  /** Check the token over the data and its signature but not its chain (token.ts, skipChain). */
  readonly skipChain?: boolean;
}

export interface Timestamped {
  /** The TSA's TimeStampResp exactly as it sent it (DER): what a bundle stores as `.tsr`. */
  readonly response: Uint8Array;
  readonly facts: TimestampFacts;
}

export type TsaResult = ({ readonly ok: true } & Timestamped) | { readonly ok: false; readonly error: TamgaErrorData };
export type TsaOutcome = TsaResult & { readonly url: string };

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TamgaError('INVALID_ARGUMENT', `"${url}" is not a timestamp server address; it looks like http://tsa.example.org/tsr.`, { url });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TamgaError('INVALID_ARGUMENT', `A timestamp server address starts with http:// or https://, not ${parsed.protocol}//.`, { url });
  }
  return parsed;
}

function unreachable(url: string, why: string, cause?: unknown): TamgaError {
  return new TamgaError('TSA_UNREACHABLE', `The timestamp server ${url} could not be reached: ${why}.`, { url, reason: why }, { cause });
}

function badResponse(url: string, why: string, details: Record<string, unknown> = {}): TamgaError {
  return new TamgaError('TSA_BAD_RESPONSE', `The timestamp server ${url} did not answer with a timestamp: ${why}.`, { url, reason: why, ...details });
}

function connectionProblem(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'it refused the connection (nothing listens there)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'its host name could not be resolved (offline?)';
    case 'ECONNRESET':
      return 'it closed the connection';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'there is no route to it (offline?)';
    default:
      return err.code === undefined ? err.message : `${err.message} (${err.code})`;
  }
}

/** POSTs a DER TimeStampReq to `url` and returns the DER body of a 200 timestamp reply. */
export async function postTimestampQuery(url: string, query: Uint8Array, options: TsaOptions = {}): Promise<Uint8Array> {
  const target = parseUrl(url);
  const timeoutMs = options.timeoutMs ?? TSA_TIMEOUT_MS;
  const cap = options.maxResponseBytes ?? TSA_MAX_RESPONSE_BYTES;
  const transport = target.protocol === 'https:' ? https : http;

  return new Promise<Uint8Array>((resolve, reject) => {
    let settled = false;
    const finish = (err: TamgaError | null, body?: Uint8Array): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err !== null) {
        request.destroy();
        reject(err);
      } else resolve(body ?? new Uint8Array());
    };
    const request = transport.request(target, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/timestamp-query',
        'Content-Length': query.byteLength,
        Accept: REPLY_TYPES[0],
      },
    });
    const timer = setTimeout(() => finish(unreachable(url, `no complete answer within ${timeoutMs / 1000} s`)), timeoutMs);

    request.on('error', (err: NodeJS.ErrnoException) => finish(unreachable(url, connectionProblem(err), err)));
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status !== 200) {
        const where = status >= 300 && status < 400 && response.headers.location !== undefined ? `; it redirects to ${response.headers.location}, configure that address instead` : '';
        finish(badResponse(url, `HTTP ${status} ${response.statusMessage ?? ''}`.trimEnd() + where, { httpStatus: status }));
        return;
      }
      const type = (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!REPLY_TYPES.includes(type)) {
        finish(badResponse(url, `its answer is ${type === '' ? 'of no content type' : type}, not application/timestamp-reply`, { contentType: type }));
        return;
      }
      const declared = Number(response.headers['content-length'] ?? '0');
      if (declared > cap) {
        finish(badResponse(url, `its answer is ${declared} bytes, more than the ${cap} a timestamp reply may be`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > cap) finish(badResponse(url, `its answer is more than the ${cap} bytes a timestamp reply may be`));
        else chunks.push(chunk);
      });
      // A connection cut mid-answer is an 'error' (ECONNRESET, "aborted") on the response.
      response.on('error', (err: NodeJS.ErrnoException) => finish(unreachable(url, `it broke off its answer: ${connectionProblem(err)}`, err)));
      response.on('end', () => finish(null, new Uint8Array(Buffer.concat(chunks))));
    });
    request.end(query);
  });
}

/** One timestamp over `data` from the TSA at `url`, checked as a fresh answer to its request. */
export async function requestTimestamp(url: string, data: Uint8Array, options: TimestampOptions): Promise<Timestamped> {
  if (data.byteLength === 0) throw new TamgaError('INVALID_ARGUMENT', 'A timestamp is requested over some data; these are no bytes at all.');
  const request = createTimestampRequest(data);
  const response = await postTimestampQuery(url, request.der, options);

  let parsed: ParsedTimestamp;
  try {
    parsed = parseTimestamp(response);
  } catch (err) {
    throw badResponse(url, err instanceof TamgaError ? err.message.replace(/\.$/, '') : String(err));
  }
  if (parsed.status === null) throw badResponse(url, 'it sent a bare token, not a TimeStampResp');
  if (!isGranted(parsed.status)) {
    throw new TamgaError('TSA_REFUSED', `The timestamp server ${url} refused to timestamp: ${describeStatus(parsed.status)}.`, {
      url,
      status: parsed.status.name,
      text: parsed.status.text,
      failInfo: parsed.status.failInfo,
    });
  }
  try {
    return { response, facts: await verifyTimestamp(response, data, { trustedRoots: options.trustedRoots, nonce: request.nonce, skipChain: options.skipChain === true }) };
  } catch (err) {
    if (!(err instanceof TamgaError)) throw err;
    throw new TamgaError(err.code, `The timestamp from ${url} does not hold: ${err.message}`, { ...err.details, url }, { cause: err });
  }
}

/** A timestamp over `data` from each TSA, all at once; one result per URL, in the order given. */
export async function requestTimestamps(urls: readonly string[], data: Uint8Array, options: TimestampOptions): Promise<TsaOutcome[]> {
  return Promise.all(
    urls.map(async (url): Promise<TsaOutcome> => {
      try {
        return { url, ok: true, ...(await requestTimestamp(url, data, options)) };
      } catch (err) {
        const error = err instanceof TamgaError ? err : new TamgaError('INTERNAL', `Timestamping with ${url} failed: ${err instanceof Error ? err.message : String(err)}.`, { url });
        return { url, ok: false, error: error.toData() };
      }
    }),
  );
}
