/**
 * Where a test replica lives, folder or S3, with what a hostile storage can do to it: the
 * replica tests that must hold for every store (hostile storage, crash) take a place and
 * never know which it is. The tampering goes around Tamga: plain fs calls on a folder, the
 * SDK's own PutObject/DeleteObject/CopyObject/GetObject on S3.
 */
import { cp, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import type { ReplicaConfig, ReplicaSource } from '../../src/shared/replica';
import { rawClient } from './s3-test-server';
import { tempDir } from './temp-vault';

export interface ReplicaPlace {
  readonly label: string;
  /** For addReplica. */
  readonly config: ReplicaConfig;
  /** For restoreReplica and verifyReplicaKeyless. */
  readonly source: ReplicaSource;
  /** How the CLI names it without a vault (e.g. s3://B/P --endpoint URL), and the environment it needs. */
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  read(name: string): Promise<Buffer>;
  write(name: string, bytes: Uint8Array | string): Promise<void>;
  remove(name: string): Promise<void>;
  copy(from: string, to: string): Promise<void>;
  /** Every object name, sorted. */
  names(): Promise<string[]>;
  /** Keeps what is there now, for reset() to bring back. */
  save(): Promise<void>;
  reset(): Promise<void>;
}

export async function folderPlace(): Promise<ReplicaPlace> {
  const base = await tempDir('tamga-replica-place-');
  const root = join(base, 'replica');
  const saved = join(base, 'saved');
  const at = (name: string): string => join(root, name);
  async function walk(dir: string, prefix: string, out: string[]): Promise<void> {
    for (const e of await readdir(dir, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(join(dir, e.name), `${prefix}${e.name}/`, out);
      else out.push(`${prefix}${e.name}`);
    }
  }
  return {
    label: 'folder',
    config: { kind: 'folder', path: root },
    source: root,
    args: [root],
    env: {},
    read: (name) => readFile(at(name)),
    async write(name, bytes) {
      await mkdir(dirname(at(name)), { recursive: true });
      await writeFile(at(name), bytes);
    },
    remove: (name) => unlink(at(name)),
    copy: (from, to) => cp(at(from), at(to)),
    async names() {
      const out: string[] = [];
      await walk(root, '', out);
      return out.sort();
    },
    async save() {
      await rm(saved, { recursive: true, force: true });
      await cp(root, saved, { recursive: true });
    },
    async reset() {
      await rm(root, { recursive: true, force: true });
      await cp(saved, root, { recursive: true });
    },
  };
}

/** A replica under `tamga/<random>` in `bucket` (a prefix, as users set one); the saved copy is under `saved/<same>`, outside it. */
export function s3Place(server: S3TestServer, bucket: string, label = 'laptop'): ReplicaPlace {
  const client = rawClient(server);
  const prefix = `tamga/${label}`;
  const savedPrefix = `saved/${label}`;
  const Bucket = bucket;
  const key = (name: string): string => `${prefix}/${name}`;
  async function keysUnder(p: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket, Prefix: `${p}/`, ContinuationToken: token }));
      for (const o of page.Contents ?? []) keys.push((o.Key as string).slice(p.length + 1));
      token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
    } while (token !== undefined);
    return keys.sort();
  }
  const copyKey = (from: string, to: string) => client.send(new CopyObjectCommand({ Bucket, Key: to, CopySource: `${Bucket}/${from}` }));
  const deleteKey = (k: string) => client.send(new DeleteObjectCommand({ Bucket, Key: k }));
  const credentials = { TAMGA_S3_ACCESS_KEY_ID: server.accessKeyId, TAMGA_S3_SECRET_ACCESS_KEY: server.secretAccessKey };
  return {
    label: 's3',
    config: { kind: 's3', endpoint: server.endpoint, bucket, prefix, region: server.region, accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    source: { kind: 's3', endpoint: server.endpoint, bucket, prefix, region: server.region, accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    args: [`s3://${bucket}/${prefix}`, '--endpoint', server.endpoint, '--region', server.region],
    env: credentials,
    async read(name) {
      const answer = await client.send(new GetObjectCommand({ Bucket, Key: key(name) }));
      return Buffer.from(await (answer.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray());
    },
    async write(name, bytes) {
      const body = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
      await client.send(new PutObjectCommand({ Bucket, Key: key(name), Body: body, ContentLength: body.byteLength }));
    },
    remove: async (name) => void (await deleteKey(key(name))),
    copy: async (from, to) => void (await copyKey(key(from), key(to))),
    names: () => keysUnder(prefix),
    async save() {
      for (const k of await keysUnder(savedPrefix)) await deleteKey(`${savedPrefix}/${k}`);
      for (const k of await keysUnder(prefix)) await copyKey(`${prefix}/${k}`, `${savedPrefix}/${k}`);
    },
    async reset() {
      for (const k of await keysUnder(prefix)) await deleteKey(`${prefix}/${k}`);
      for (const k of await keysUnder(savedPrefix)) await copyKey(`${savedPrefix}/${k}`, `${prefix}/${k}`);
    },
  };
}
