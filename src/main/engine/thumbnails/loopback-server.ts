/**
 * A one-use HTTP server on 127.0.0.1 that serves one ByteSource to one ffmpeg run, so that
 * ffmpeg can seek (an MP4 whose `moov` is at the end cannot be read from a pipe) without the
 * plaintext ever being written to a file.
 *
 * It listens on an ephemeral loopback port and answers only GET/HEAD of one path holding a
 * random 256-bit token; everything else gets 404 (any other process on the machine can
 * connect, but cannot guess the path). It supports single Range requests, which is all
 * ffmpeg's http protocol sends, and it lives only until `close()`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ByteSource } from '../metadata/byte-source';

export interface LoopbackServer {
  /** http://127.0.0.1:<port>/<token> */
  readonly url: string;
  /** How many requests were answered with data (for tests and diagnostics). */
  readonly requestsServed: number;
  /** Stops listening and drops every open connection. Safe to call twice. */
  close(): Promise<void>;
}

/** Bytes per read from the source and per write to the socket. */
const SERVE_CHUNK = 256 * 1024;

type ByteRange = { start: number; end: number } | 'unsatisfiable' | null;

/**
 * Parses a Range header for a resource of `size` bytes (RFC 9110 §14.1.2). `null` means
 * "send the whole thing" (no header, another unit, or several ranges, which ffmpeg never asks
 * for and which a server may ignore); the range is inclusive.
 */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined) return null;
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (match === null) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // A suffix: the last N bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null; // Syntactically invalid: ignore the header, as RFC 9110 says.
  return { start, end };
}

export async function serveByteSource(source: ByteSource): Promise<LoopbackServer> {
  const token = randomBytes(32).toString('hex');
  const expectedPath = Buffer.from(`/${token}`);
  let served = 0;

  const isOurPath = (url: string | undefined): boolean => {
    // Query strings are not part of our URL: an exact match only.
    const got = Buffer.from(url ?? '');
    return got.length === expectedPath.length && timingSafeEqual(got, expectedPath);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isOurPath(req.url)) {
      res.writeHead(404, { 'Content-Length': '0', Connection: 'close' }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Length': '0' }).end();
      return;
    }
    const size = source.size;
    const range = parseRange(req.headers.range, size);
    if (range === 'unsatisfiable') {
      res.writeHead(416, { 'Content-Range': `bytes */${String(size)}`, 'Content-Length': '0' }).end();
      return;
    }
    const start = range === null ? 0 : range.start;
    const end = range === null ? size - 1 : range.end;
    const length = Math.max(0, end - start + 1);
    const headers: Record<string, string> = {
      'Accept-Ranges': 'bytes',
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(length),
      'Cache-Control': 'no-store',
    };
    if (range !== null) headers['Content-Range'] = `bytes ${String(start)}-${String(end)}/${String(size)}`;
    res.writeHead(range === null ? 200 : 206, headers);
    served++;
    if (req.method === 'HEAD' || length === 0) {
      res.end();
      return;
    }
    let at = start;
    // ffmpeg drops a connection as soon as it seeks elsewhere: stop reading then.
    while (at <= end && !res.destroyed) {
      const piece = await source.read(at, Math.min(SERVE_CHUNK, end - at + 1));
      if (piece.length === 0) break;
      at += piece.length;
      if (!res.write(piece)) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    if (at <= end) {
      // The source ended early or failed: do not pretend the body was complete.
      res.destroy();
      return;
    }
    res.end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // A source read failed (in the app: a vault chunk did not authenticate). ffmpeg sees a
      // broken connection and fails; the caller turns that into a placeholder.
      res.destroy();
    });
  });
  // Nobody but ffmpeg talks to us, and it sends its request at once.
  server.headersTimeout = 10_000;
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | null = null;
  return {
    url: `http://127.0.0.1:${String(port)}/${token}`,
    get requestsServed() {
      return served;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
