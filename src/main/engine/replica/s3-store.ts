/**
 * A ReplicaStore on S3-compatible object storage (AWS S3, MinIO, Ceph RGW, Backblaze B2,
 * OpenStack Swift's s3api), with the AWS SDK. Objects are `${prefix}/${name}` in one bucket
 * the user made; Tamga never creates buckets and never calls Object Lock, tagging or
 * conditional PUT, which servers implement unevenly or dangerously (Swift's
 * PutObjectRetention answers 200 and overwrites the object with the request's XML).
 *
 * What the client is set to, and why:
 * - path-style requests (https://host/bucket/key): every S3-compatible server takes them,
 *   virtual-host style needs DNS for each bucket, which self-hosted servers rarely have;
 * - checksums only WHEN_REQUIRED: otherwise the SDK sends streamed bodies aws-chunked with
 *   trailing CRCs, which many servers refuse (Swift: 501); integrity comes from Content-MD5
 *   per request (s3-upload.ts) and the replica manifest's SHA-256;
 * - bounded retries (3 attempts, the SDK's backoff) and timeouts, so an unplugged network
 *   ends in STORAGE_UNREACHABLE instead of a hang;
 * - every error goes through s3-errors.ts: the user reads one sentence, never SDK internals.
 *
 * A push killed in a multipart upload leaves the upload open: invisible, but its parts hold
 * storage (and cost money on AWS) until aborted. removeLeftovers(), called by the next push
 * before it sends anything, lists the unfinished uploads under the prefix
 * (ListMultipartUploads) and aborts those of a replica object's name; a server that does not
 * list them is said to, never passed over in silence.
 */
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { TamgaError } from '../../../shared/errors';
import { storageError, type StorageContext } from './s3-errors';
import { checkS3Config, describeS3, endpointOf, S3_DEFAULTS, type S3StoreConfig, type S3StoreTuning } from './s3-config';
import { keyPrefix, listPrefix, objectKey } from './s3-keys';
import { uploadObject } from './s3-upload';
import { isManifestFile, objectKind, README_NAME } from './layout';
import type { LeftoverCleanup, ReplicaObject, ReplicaStore } from './store';

// Where tests and the bench have always found them.
export { describeS3, S3_DEFAULTS, type S3StoreConfig, type S3StoreTuning } from './s3-config';

/** The SDK types a streamed body loosely; in Node it is an IncomingMessage. */
function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

export function createS3Store(config: S3StoreConfig, tuning: S3StoreTuning = {}): ReplicaStore {
  const url = checkS3Config(config);
  const t = { ...S3_DEFAULTS, ...tuning };
  const endpoint = endpointOf(url);
  const Bucket = config.bucket;
  const base = keyPrefix(config.prefix);
  const description = describeS3(config);
  const client = new S3Client({
    endpoint,
    region: config.region ?? 'us-east-1',
    credentials: { accessKeyId: config.credentials.accessKeyId, secretAccessKey: config.credentials.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    followRegionRedirects: true,
    maxAttempts: t.maxAttempts,
    requestHandler: { connectionTimeout: t.connectTimeoutMs, socketTimeout: t.idleTimeoutMs },
  });
  const ctx = (action: string, name?: string, signal?: AbortSignal): StorageContext => ({
    description,
    endpoint,
    bucket: Bucket,
    action,
    ...(name === undefined ? {} : { name }),
    signal,
  });

  // A HEAD on an object answers a bare 404 both for a missing object and a missing
  // bucket; the bucket is asked about once, after which any answer from it proves it.
  let bucketSeen = false;
  async function confirmBucket(c: StorageContext): Promise<void> {
    if (bucketSeen) return;
    try {
      await client.send(new HeadBucketCommand({ Bucket }));
      bucketSeen = true;
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) {
        throw new TamgaError('STORAGE_NO_BUCKET', `The bucket "${Bucket}" does not exist at ${endpoint}.`, { endpoint, bucket: Bucket }, { cause: error });
      }
      throw storageError(error, c);
    }
  }

  /** The object's bytes, checked against the length the server announced. */
  async function* streamBody(body: AsyncIterable<Uint8Array>, expected: number | undefined, c: StorageContext): AsyncGenerator<Uint8Array> {
    let got = 0;
    try {
      for await (const chunk of body) {
        got += chunk.byteLength;
        yield chunk;
      }
    } catch (error) {
      throw storageError(error, c);
    }
    if (expected !== undefined && got !== expected) {
      throw new TamgaError('STORAGE_UNREACHABLE', `${description} ended the download of "${c.name ?? ''}" after ${got} of ${expected} bytes.`, { endpoint, bucket: Bucket, name: c.name, got, expected });
    }
  }

  return {
    description,

    async put(name, body, size, signal) {
      const Key = objectKey(base, name);
      const c = ctx(`uploading "${name}"`, name, signal);
      try {
        await uploadObject({ client, Bucket, Key, name }, body, size, t, signal);
        bucketSeen = true;
      } catch (error) {
        throw storageError(error, c);
      }
    },

    async get(name, signal) {
      const Key = objectKey(base, name);
      const c = ctx(`downloading "${name}"`, name, signal);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key }), { abortSignal: signal });
        bucketSeen = true;
        if (!isAsyncIterable(answer.Body)) throw new Error('GetObject answered without a body');
        return streamBody(answer.Body, answer.ContentLength, c);
      } catch (error) {
        throw storageError(error, c);
      }
    },

    async stat(name): Promise<ReplicaObject | null> {
      const Key = objectKey(base, name);
      const c = ctx(`looking up "${name}"`, name);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key }));
        bucketSeen = true;
        return { name, size: head.ContentLength ?? 0 };
      } catch (error) {
        if (!(error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) throw storageError(error, c);
      }
      await confirmBucket(c);
      return null;
    },

    async *list(prefix): AsyncGenerator<ReplicaObject> {
      const Prefix = listPrefix(base, prefix);
      const c = ctx(`listing "${prefix}…"`);
      let ContinuationToken: string | undefined;
      do {
        let page;
        try {
          page = await client.send(new ListObjectsV2Command({ Bucket, Prefix, MaxKeys: t.listPageSize, ContinuationToken }));
        } catch (error) {
          throw storageError(error, c);
        }
        // The SDK reads any XML, or none, as an empty listing: an answer without the
        // bucket's name is not S3 (a captive portal's page) and must not pass for "empty".
        if (page.Name === undefined) {
          throw new TamgaError('STORAGE_FAILED', `${description} did not answer as S3 storage while listing "${prefix}…".`, { endpoint, bucket: Bucket });
        }
        bucketSeen = true;
        for (const object of page.Contents ?? []) {
          if (object.Key?.startsWith(base) === true) yield { name: object.Key.slice(base.length), size: object.Size ?? 0 };
        }
        ContinuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
        if (page.IsTruncated === true && ContinuationToken === undefined) {
          throw new TamgaError('STORAGE_FAILED', `${description} said its listing goes on but gave no continuation token.`, { endpoint, bucket: Bucket });
        }
      } while (ContinuationToken !== undefined);
    },

    async removeLeftovers(): Promise<LeftoverCleanup> {
      const c = ctx('listing unfinished uploads');
      let abortedUploads = 0;
      let KeyMarker: string | undefined;
      let UploadIdMarker: string | undefined;
      do {
        let page;
        try {
          page = await client.send(new ListMultipartUploadsCommand({ Bucket, Prefix: base, KeyMarker, UploadIdMarker }));
        } catch (error) {
          const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
          if (status === 501 || status === 405 || (error instanceof S3ServiceException && error.name === 'NotImplemented')) {
            return { abortedUploads, uploadsUnlisted: `${description} does not list unfinished multipart uploads (ListMultipartUploads answered ${status ?? ''} ${(error as Error).name}): any a killed push left there still hold storage until the storage's own rules remove them.` };
          }
          throw storageError(error, c);
        }
        if (page.Bucket === undefined) {
          return { abortedUploads, uploadsUnlisted: `${description} did not answer as S3 storage when asked for its unfinished multipart uploads: any a killed push left there were not looked for.` };
        }
        for (const upload of page.Uploads ?? []) {
          const { Key, UploadId } = upload;
          if (Key?.startsWith(base) !== true || UploadId === undefined) continue;
          // Under the prefix, and of a name a replica writes: never another program's upload (a replica may have no prefix).
          const name = Key.slice(base.length);
          if (objectKind(name) === null && !isManifestFile(name) && name !== README_NAME) continue;
          try {
            await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
          } catch (error) {
            // NoSuchUpload: gone already (aborted or completed meanwhile).
            if (!(error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) throw storageError(error, ctx(`aborting the unfinished upload of "${name}"`, name));
            continue;
          }
          abortedUploads += 1;
        }
        bucketSeen = true;
        const more = page.IsTruncated === true;
        KeyMarker = more ? page.NextKeyMarker : undefined;
        UploadIdMarker = more ? page.NextUploadIdMarker : undefined;
        if (more && KeyMarker === undefined) {
          return { abortedUploads, uploadsUnlisted: `${description} said its list of unfinished multipart uploads goes on but gave no marker: those after the first ${page.Uploads?.length ?? 0} were not looked for.` };
        }
      } while (KeyMarker !== undefined);
      return { abortedUploads, uploadsUnlisted: null };
    },

    async delete(name) {
      const Key = objectKey(base, name);
      try {
        // S3 answers 204 for a key that is not there: deleting is idempotent.
        await client.send(new DeleteObjectCommand({ Bucket, Key }));
        bucketSeen = true;
      } catch (error) {
        const e = storageError(error, ctx(`deleting "${name}"`, name));
        if (e.code !== 'NOT_FOUND') throw e;
      }
    },
  };
}
