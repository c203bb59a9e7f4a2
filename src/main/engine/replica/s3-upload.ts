/**
 * Writing one object to S3: a single PUT when it fits in one part, a multipart upload
 * otherwise, so a 4 GiB blob streams through with bounded memory (partSize × (concurrency
 * + 1) bytes: the parts in flight and the one being filled).
 *
 * Not lib-storage's Upload: its abort() only rejects done() at once while the parts in
 * flight go on and AbortMultipartUpload is sent later in the background (or never, if the
 * abort came before CreateMultipartUpload answered), and it sends parts without Content-MD5.
 * Here the caller's AbortSignal cancels the requests in flight, and put() returns only
 * once AbortMultipartUpload has been sent, so a cancelled upload leaves no object and no
 * parts behind (best effort: with the network gone, the abort itself cannot be delivered;
 * on AWS a lifecycle rule for incomplete uploads removes such leftovers). Only
CreateMultipartUpload and CompleteMultipartUpload are not cut short: both are small, and
cutting either could leave an upload or an object the caller does not know about.
 *
 * Every request carries Content-Length and Content-MD5: S3 servers (Swift included) check
 * Content-MD5 and refuse a body damaged on the way (BadDigest). x-amz-checksum-* headers
 * are not used: some servers accept them and check nothing. The replica engine's signed
 * manifest, with SHA-256, is what proves the bytes.
 */
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
  type CompletedPart,
  type S3Client,
} from '@aws-sdk/client-s3';
import { TamgaError } from '../../../shared/errors';
import { crashPoint } from '../testing/crash-point';

/** S3's smallest part (but the last) and most parts per upload. */
export const MIN_PART_SIZE = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;

export interface UploadTuning {
  /** Bytes per part; objects up to this size go in one PUT. */
  readonly partSize: number;
  /** Parts sent at once. */
  readonly concurrency: number;
}

interface Target {
  readonly client: S3Client;
  readonly Bucket: string;
  readonly Key: string;
  readonly name: string;
}

const md5 = (data: Uint8Array): string => createHash('md5').update(data).digest('base64');

function sizeMismatch(name: string, size: number, got: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', `The body for "${name}" has ${got} bytes, not the ${size} announced; nothing was stored.`, { name, size });
}

function cancelled(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : Object.assign(new Error('Upload cancelled.'), { name: 'AbortError' });
}

/** The body as parts of exactly `partSize` bytes (the last one shorter), checking its size. */
async function* fixedParts(body: AsyncIterable<Uint8Array>, partSize: number, size: number, name: string): AsyncGenerator<Buffer> {
  let part = Buffer.allocUnsafe(partSize);
  let filled = 0;
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > size) throw sizeMismatch(name, size, `more than ${size}`);
    for (let offset = 0; offset < chunk.byteLength; ) {
      const n = Math.min(partSize - filled, chunk.byteLength - offset);
      part.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === partSize) {
        yield part;
        // A new buffer, not a reused one: the part just yielded may still be in flight.
        part = Buffer.allocUnsafe(partSize);
        filled = 0;
      }
    }
  }
  if (total !== size) throw sizeMismatch(name, size, String(total));
  if (filled > 0) yield part.subarray(0, filled);
}

/** A body of at most one part, gathered into one buffer for a single PUT. */
async function gather(body: Uint8Array | AsyncIterable<Uint8Array>, size: number, name: string): Promise<Uint8Array> {
  if (body instanceof Uint8Array) {
    if (body.byteLength !== size) throw sizeMismatch(name, size, String(body.byteLength));
    return body;
  }
  let data: Buffer | undefined;
  for await (const part of fixedParts(body, Math.max(size, 1), size, name)) data = part;
  return data ?? new Uint8Array(0);
}

async function* asIterable(body: Uint8Array | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else yield* body;
}

async function putSingle(t: Target, data: Uint8Array, signal: AbortSignal | undefined): Promise<void> {
  await t.client.send(
    new PutObjectCommand({ Bucket: t.Bucket, Key: t.Key, Body: data, ContentLength: data.byteLength, ContentMD5: md5(data) }),
    { abortSignal: signal },
  );
}

async function putMultipart(t: Target, body: AsyncIterable<Uint8Array>, size: number, tuning: UploadTuning, signal: AbortSignal | undefined): Promise<void> {
  // Parts of at least partSize, more when the object would need over 10 000 of them.
  const mib = 1024 * 1024;
  const partSize = Math.max(tuning.partSize, MIN_PART_SIZE, Math.ceil(size / MAX_PARTS / mib) * mib);
  // Ours, so that one failed part also stops the others in flight.
  const inner = new AbortController();
  const onAbort = (): void => inner.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const inFlight = new Set<Promise<void>>();
  let uploadId: string | undefined;
  try {
    // Not cancelled midway: the server may create the upload even if the answer is never
    // read, and an upload whose id is unknown cannot be aborted.
    const created = await t.client.send(new CreateMultipartUploadCommand({ Bucket: t.Bucket, Key: t.Key }));
    uploadId = created.UploadId;
    if (uploadId === undefined) throw new Error('CreateMultipartUpload answered without an UploadId');
    if (inner.signal.aborted) throw cancelled(inner.signal);
    const UploadId = uploadId;
    const parts: CompletedPart[] = [];
    let failure: { error: unknown } | undefined;
    let partNumber = 0;
    for await (const data of fixedParts(body, partSize, size, t.name)) {
      if (failure !== undefined) throw failure.error;
      if (inner.signal.aborted) throw cancelled(inner.signal);
      const PartNumber = ++partNumber;
      const sent: Promise<void> = t.client
        .send(new UploadPartCommand({ Bucket: t.Bucket, Key: t.Key, UploadId, PartNumber, Body: data, ContentLength: data.byteLength, ContentMD5: md5(data) }), {
          abortSignal: inner.signal,
        })
        .then((answer) => {
          if (answer.ETag === undefined) throw new Error(`UploadPart ${PartNumber} answered without an ETag`);
          parts.push({ PartNumber, ETag: answer.ETag });
          crashPoint('s3-upload:part-sent');
        })
        .catch((error: unknown) => {
          failure ??= { error };
          inner.abort();
        })
        .finally(() => inFlight.delete(sent));
      inFlight.add(sent);
      if (inFlight.size >= tuning.concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure !== undefined) throw failure.error;
    if (inner.signal.aborted) throw cancelled(inner.signal);
    parts.sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
    // No abort signal from here: once the server may have assembled the object, a cancel
    // must not leave the caller believing it is absent.
    await t.client.send(new CompleteMultipartUploadCommand({ Bucket: t.Bucket, Key: t.Key, UploadId, MultipartUpload: { Parts: parts } }));
    uploadId = undefined;
  } catch (error) {
    inner.abort();
    await Promise.allSettled(inFlight);
    if (uploadId !== undefined) {
      await t.client.send(new AbortMultipartUploadCommand({ Bucket: t.Bucket, Key: t.Key, UploadId: uploadId })).catch(() => undefined);
    }
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Writes `body` (exactly `size` bytes) to `t.Key`; the object appears only when complete. */
export async function uploadObject(t: Target, body: Uint8Array | AsyncIterable<Uint8Array>, size: number, tuning: UploadTuning, signal?: AbortSignal): Promise<void> {
  if (!Number.isSafeInteger(size) || size < 0) throw new TamgaError('INVALID_ARGUMENT', `${size} is not a size in bytes.`, { name: t.name, size });
  signal?.throwIfAborted();
  if (size <= tuning.partSize) {
    const data = await gather(body, size, t.name);
    signal?.throwIfAborted();
    await putSingle(t, data, signal);
  }
  else await putMultipart(t, asIterable(body), size, tuning, signal);
}
