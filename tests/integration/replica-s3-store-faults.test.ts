// The S3 store against servers that misbehave in ways a real one is hard to make misbehave:
// busy (503), silent, not S3 at all, cutting a download short, failing a part. Plain
// node:http servers on loopback, so these run without the Swift test server.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TamgaError } from '../../src/shared/errors';
import { createS3Store, type S3StoreTuning } from '../../src/main/engine/replica/s3-store';
import type { ReplicaStore } from '../../src/main/engine/replica/store';
import { generatedBody } from '../helpers/generated-body';

const MiB = 1024 * 1024;
const servers: Server[] = [];

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A server answering each request with `handle`; returns the store on it and the requests seen. */
async function fakeS3(handle: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void, tuning?: S3StoreTuning): Promise<{ store: ReplicaStore; seen: string[]; endpoint: string }> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // Without the SDK's x-id=<Operation> query, which servers ignore.
      seen.push(`${req.method ?? ''} ${(req.url ?? '').replace(/[?&]x-id=[^&]*$/, '')}`);
      handle(req, res, Buffer.concat(chunks));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  const store = createS3Store({ endpoint, bucket: 'bucket-x', prefix: 'p', credentials: { accessKeyId: 'k', secretAccessKey: 's' } }, tuning);
  return { store, seen, endpoint };
}

function s3Error(res: ServerResponse, status: number, code: string): void {
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message><RequestId>r</RequestId></Error>`);
}

async function rejection(promise: Promise<unknown>): Promise<TamgaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TamgaError);
  return error as TamgaError;
}

describe('S3 store against misbehaving servers', () => {
  it('a busy server (503) is retried three times in all, then STORAGE_FAILED with its status', async () => {
    const { store, seen, endpoint } = await fakeS3((_req, res) => s3Error(res, 503, 'SlowDown'));
    const e = await rejection(store.put('a', Buffer.from('x'), 1));
    expect(e.code).toBe('STORAGE_FAILED');
    expect(e.message).toBe(`S3 bucket bucket-x/p at ${endpoint} answered HTTP 503 SlowDown while uploading "a".`);
    expect(e.details).toMatchObject({ status: 503, s3Code: 'SlowDown' });
    expect(seen).toEqual(Array(3).fill('PUT /bucket-x/p/a'));
  });

  it('a server that accepts and never answers is STORAGE_UNREACHABLE after the idle timeout', async () => {
    const { store, seen } = await fakeS3(() => undefined, { idleTimeoutMs: 300, maxAttempts: 2 });
    const t0 = performance.now();
    const e = await rejection(store.stat('a'));
    expect(e.code).toBe('STORAGE_UNREACHABLE');
    expect(e.message).toContain('did not answer in time');
    expect(seen.length).toBe(2);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('a web page instead of S3 is STORAGE_FAILED saying so, without the page', async () => {
    const { store } = await fakeS3((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body><form>Hotel Wi-Fi login</form></body></html>');
    });
    const e = await rejection((async () => {
      for await (const _ of store.list('')) void _;
    })());
    expect(e.code).toBe('STORAGE_FAILED');
    expect(e.message).toMatch(/did not answer as S3 storage while listing/);
    expect(e.message).not.toContain('\n');
  });

  it('a download cut short is an error, never a short object', async () => {
    const { store } = await fakeS3((_req, res) => {
      res.writeHead(200, { 'Content-Length': '1000', 'Content-Type': 'application/octet-stream' });
      res.write(Buffer.alloc(400));
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const stream = await store.get('a');
    const e = await rejection((async () => {
      for await (const _ of stream) void _;
    })());
    expect(e.code).toBe('STORAGE_UNREACHABLE');
  });

  it('a part the server refuses fails the put and aborts the multipart upload before put() returns', async () => {
    const { store, seen } = await fakeS3(
      (req, res) => {
        const url = req.url ?? '';
        if (req.method === 'POST' && url.includes('uploads')) {
          res.writeHead(200, { 'Content-Type': 'application/xml' });
          res.end('<?xml version="1.0"?><InitiateMultipartUploadResult><Bucket>bucket-x</Bucket><Key>p/big</Key><UploadId>U1</UploadId></InitiateMultipartUploadResult>');
        } else if (req.method === 'PUT' && url.includes('partNumber=2')) s3Error(res, 400, 'InvalidPart');
        else if (req.method === 'PUT') {
          res.writeHead(200, { ETag: '"etag"' });
          res.end();
        } else if (req.method === 'DELETE') {
          res.writeHead(204);
          res.end();
        } else s3Error(res, 400, 'Unexpected');
      },
      { partSize: 5 * MiB, concurrency: 1 },
    );
    const e = await rejection(store.put('big', generatedBody(12 * MiB).body, 12 * MiB));
    expect(e.code).toBe('STORAGE_FAILED');
    expect(e.message).toContain('InvalidPart');
    expect(seen.at(-1)).toBe('DELETE /bucket-x/p/big?uploadId=U1');
    expect(seen.filter((r) => r.startsWith('POST') && r.includes('uploadId='))).toEqual([]); // never completed
  });

  it('a server that does not list unfinished uploads (501) is said to, in one sentence, before a push: never a silent pass', async () => {
    const { store, seen, endpoint } = await fakeS3((_req, res) => s3Error(res, 501, 'NotImplemented'));
    const cleanup = await store.removeLeftovers?.();
    expect(cleanup?.abortedUploads).toBe(0);
    expect(cleanup?.uploadsUnlisted).toBe(`S3 bucket bucket-x/p at ${endpoint} does not list unfinished multipart uploads (ListMultipartUploads answered 501 NotImplemented): any a killed push left there still hold storage until the storage's own rules remove them.`);
    // Asked once, for the prefix only, and not retried: a 501 is an answer.
    expect(seen).toEqual(['GET /bucket-x/?prefix=p%2F&uploads=']);
  });

  it('an answer to ListMultipartUploads that is not S3 is said to, not taken for "none"', async () => {
    const { store } = await fakeS3((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html><body>Welcome to the hotel network</body></html>');
    });
    expect((await store.removeLeftovers?.())?.uploadsUnlisted).toMatch(/did not answer as S3 storage when asked for its unfinished multipart uploads/);
  });
});
