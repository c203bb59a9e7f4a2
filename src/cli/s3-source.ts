/**
 * The replica a vault-less command reads (`tamga restore`, `replica verify --keyless`):
 * a folder path, or `s3://BUCKET[/PREFIX]` with `--endpoint URL [--region R]`, the way
 * sysadmins write S3 locations for aws-cli and rclone. The credentials never go on the
 * command line (where the process list and shell history keep them): they come from
 * TAMGA_S3_ACCESS_KEY_ID / TAMGA_S3_SECRET_ACCESS_KEY, or a prompt, as for `replica add --s3`.
 */
import type { ReplicaSource } from '../shared/replica';
import { TamgaError } from '../shared/errors';
import { requirePassphrase } from './passphrase';

export interface S3SourceOptions {
  endpoint?: string;
  region?: string;
}

/** `s3://bucket/some/prefix` → bucket and prefix ('' for none); null for anything else. */
export function parseS3Address(text: string): { bucket: string; prefix: string } | null {
  const match = /^s3:\/\/([^/]*)\/*(.*)$/i.exec(text);
  if (match === null) return null;
  return { bucket: match[1] ?? '', prefix: (match[2] ?? '').replace(/\/+$/, '') };
}

export async function replicaSource(text: string, opts: S3SourceOptions): Promise<ReplicaSource> {
  const address = parseS3Address(text);
  if (address === null) {
    if (opts.endpoint !== undefined || opts.region !== undefined) throw new TamgaError('INVALID_ARGUMENT', `--endpoint and --region are for an S3 source (s3://BUCKET/PREFIX); ${text} is a folder.`);
    return text;
  }
  if (opts.endpoint === undefined || opts.endpoint === '') throw new TamgaError('INVALID_ARGUMENT', `${text} needs its server: add --endpoint URL (e.g. --endpoint https://s3.eu-central-1.amazonaws.com).`);
  if (address.bucket === '') throw new TamgaError('INVALID_ARGUMENT', `${text} names no bucket: write s3://BUCKET or s3://BUCKET/PREFIX.`);
  const accessKeyId = await requirePassphrase({ envVar: 'TAMGA_S3_ACCESS_KEY_ID', label: 'S3 access key id' });
  const secretAccessKey = await requirePassphrase({ envVar: 'TAMGA_S3_SECRET_ACCESS_KEY', label: 'S3 secret access key' });
  return { kind: 's3', endpoint: opts.endpoint, bucket: address.bucket, prefix: address.prefix, region: opts.region ?? null, accessKeyId, secretAccessKey };
}
