// The one-use loopback server that feeds ffmpeg: only its secret path answers, Range requests
// get exactly the bytes asked for, and nothing answers once it is closed.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bufferByteSource, type ByteSource } from '../../src/main/engine/metadata/byte-source';
import { parseRange, serveByteSource } from '../../src/main/engine/thumbnails/loopback-server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const data = Buffer.from(Array.from({ length: 1_000_000 }, (_, i) => (i * 7 + 3) & 0xff));

async function withServer(source: ByteSource, body: (url: string) => Promise<void>): Promise<void> {
  const server = await serveByteSource(source);
  try {
    await body(server.url);
  } finally {
    await server.close();
  }
}

describe('parseRange', () => {
  it('reads the single-range forms and clamps to the size', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('says what cannot be served and ignores what it does not understand', () => {
    expect(parseRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 100)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-1', 100)).toBeNull();
    expect(parseRange('bytes=0-1,5-9', 100)).toBeNull();
    expect(parseRange('items=0-1', 100)).toBeNull();
    expect(parseRange('bytes=-', 100)).toBeNull();
  });
});

describe('serveByteSource', () => {
  it('listens on 127.0.0.1 with a 256-bit token in the path', async () => {
    await withServer(bufferByteSource(data), async (url) => {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{64}$/);
    });
  });

  it('refuses any other path, including near misses of the token', async () => {
    await withServer(bufferByteSource(data), async (url) => {
      const { origin, pathname } = new URL(url);
      const token = pathname.slice(1);
      const wrong = token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
      for (const path of ['/', `/${wrong}`, `/${token}/x`, `/${token}?a=1`, `/${token.toUpperCase()}`, `/${token.slice(0, 32)}`, '/favicon.ico']) {
        const reply = await get(origin + path);
        expect(reply.status, path).toBe(404);
        expect(reply.body.length).toBe(0);
      }
    });
  });

  it('allows only GET and HEAD', async () => {
    await withServer(bufferByteSource(data), async (url) => {
      expect((await get(url, { method: 'POST' })).status).toBe(405);
      expect((await get(url, { method: 'PUT' })).status).toBe(405);
      const head = await get(url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String(data.length));
      expect(head.body.length).toBe(0);
    });
  });

  it('serves the whole source with its length and Accept-Ranges', async () => {
    await withServer(bufferByteSource(data), async (url) => {
      const reply = await get(url);
      expect(reply.status).toBe(200);
      expect(reply.headers['accept-ranges']).toBe('bytes');
      expect(reply.headers['content-length']).toBe(String(data.length));
      expect(reply.body.equals(data)).toBe(true);
    });
  });

  it('serves Range requests with 206 and the right Content-Range', async () => {
    await withServer(bufferByteSource(data), async (url) => {
      const cases: [string, number, number][] = [
        ['bytes=0-0', 0, 0],
        ['bytes=10-19', 10, 19],
        ['bytes=999990-', 999_990, 999_999],
        ['bytes=-16', 999_984, 999_999],
        ['bytes=300000-700000', 300_000, 700_000],
        ['bytes=999999-5000000', 999_999, 999_999],
      ];
      for (const [range, start, end] of cases) {
        const reply = await get(url, { headers: { Range: range } });
        expect(reply.status, range).toBe(206);
        expect(reply.headers['content-range'], range).toBe(`bytes ${String(start)}-${String(end)}/${String(data.length)}`);
        expect(reply.headers['content-length'], range).toBe(String(end - start + 1));
        expect(reply.body.equals(data.subarray(start, end + 1)), range).toBe(true);
      }
    });
  });

  it('answers 416 for a range past the end', async () => {
    await withServer(bufferByteSource(data), async (url) => {
      const reply = await get(url, { headers: { Range: `bytes=${String(data.length)}-` } });
      expect(reply.status).toBe(416);
      expect(reply.headers['content-range']).toBe(`bytes */${String(data.length)}`);
    });
  });

  it('reads the source only for the range asked, in bounded pieces', async () => {
    const reads: [number, number][] = [];
    const inner = bufferByteSource(data);
    const source: ByteSource = {
      size: inner.size,
      read(offset, length) {
        reads.push([offset, length]);
        return inner.read(offset, length);
      },
    };
    await withServer(source, async (url) => {
      await get(url, { headers: { Range: 'bytes=500000-500099' } });
    });
    expect(reads).toEqual([[500_000, 100]]);
  });

  it('cuts the connection when the source fails, rather than sending a short body as complete', async () => {
    const source: ByteSource = { size: 1000, read: () => Promise.reject(new Error('chunk did not authenticate')) };
    await withServer(source, async (url) => {
      await expect(get(url)).rejects.toThrow();
    });
  });

  it('stops answering once closed', async () => {
    const server = await serveByteSource(bufferByteSource(data));
    const url = server.url;
    expect((await get(url, { headers: { Range: 'bytes=0-3' } })).status).toBe(206);
    await server.close();
    await server.close();
    await expect(get(url)).rejects.toThrow(/ECONNREFUSED/);
  });
});
