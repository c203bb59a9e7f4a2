/**
 * What an S3 replica's config is and how it is named, without the AWS SDK: the SDK adds
 * ~18 MB to a process that loads it, so only s3-store.ts imports it and is itself loaded
 * when an S3 replica is first used (s3-lazy.ts). Checking a config and describing one
 * (`replica status`, messages) need neither.
 */
import { TamgaError } from '../../../shared/errors';
import { keyPrefix } from './s3-keys';
import type { UploadTuning } from './s3-upload';

export interface S3StoreConfig {
  /** e.g. https://s3.eu-central-1.amazonaws.com, http://192.168.1.20:9000 */
  readonly endpoint: string;
  readonly bucket: string;
  /** Folder inside the bucket, e.g. "tamga/office-laptop"; none = the bucket's top. */
  readonly prefix?: string;
  /** Default us-east-1 (what most S3-compatible servers expect). */
  readonly region?: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Knobs for tests and the bench; the defaults are what replicas use. */
export interface S3StoreTuning extends Partial<UploadTuning> {
  /** Keys per ListObjectsV2 page (S3's maximum and default is 1000). */
  readonly listPageSize?: number;
  /** Attempts per request, the first included. */
  readonly maxAttempts?: number;
  /** How long connecting may take. */
  readonly connectTimeoutMs?: number;
  /** How long a connection may stay silent mid-request. */
  readonly idleTimeoutMs?: number;
}

export const S3_DEFAULTS = {
  // 8 MiB parts, two in flight: a 4 GiB blob is 512 parts and at most 24 MiB in memory.
  partSize: 8 * 1024 * 1024,
  concurrency: 2,
  listPageSize: 1000,
  maxAttempts: 3,
  connectTimeoutMs: 10_000,
  idleTimeoutMs: 60_000,
} as const;

/** The endpoint as a URL, once the config is one a store takes; INVALID_ARGUMENT otherwise. */
export function checkS3Config(config: S3StoreConfig): URL {
  let url: URL;
  try {
    url = new URL(config.endpoint);
  } catch {
    throw new TamgaError('INVALID_ARGUMENT', `"${config.endpoint}" is not an S3 endpoint address; it looks like https://s3.example.org.`, { endpoint: config.endpoint });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TamgaError('INVALID_ARGUMENT', `An S3 endpoint address starts with https:// or http://, not ${url.protocol}//.`, { endpoint: config.endpoint });
  }
  if (url.username !== '' || url.password !== '') {
    throw new TamgaError('INVALID_ARGUMENT', 'Give the S3 access key and secret as credentials, not inside the endpoint address.');
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/.test(config.bucket)) {
    throw new TamgaError('INVALID_ARGUMENT', `"${config.bucket}" is not an S3 bucket name.`, { bucket: config.bucket });
  }
  if (config.credentials.accessKeyId === '' || config.credentials.secretAccessKey === '') {
    throw new TamgaError('INVALID_ARGUMENT', 'An S3 replica needs an access key and its secret.');
  }
  return url;
}

/** The endpoint as requests use it: the URL's normal form, no trailing slash. */
export function endpointOf(url: URL): string {
  return url.href.replace(/\/$/, '');
}

/**
 * How messages and `replica status` name an S3 replica, e.g. "S3 bucket ngo/tamga/laptop at
 * https://s3.example.org": the store's own description, made without a client (a config
 * that no longer parses is named as it was written). Never a credential.
 */
export function describeS3(config: Pick<S3StoreConfig, 'endpoint' | 'bucket' | 'prefix'>): string {
  let endpoint: string;
  let base: string;
  try {
    endpoint = endpointOf(new URL(config.endpoint));
  } catch {
    endpoint = config.endpoint;
  }
  try {
    base = keyPrefix(config.prefix);
  } catch {
    base = `${config.prefix ?? ''}/`;
  }
  return `S3 bucket ${config.bucket}${base === '' ? '' : `/${base.slice(0, -1)}`} at ${endpoint}`;
}
