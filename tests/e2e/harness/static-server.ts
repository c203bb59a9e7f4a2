/**
 * The loopback HTTP server the page is loaded from: the built renderer's files, sent
 * with the app's CSP header, and `/media/<token>` answered by the same media service the
 * Electron protocol uses (tokens, ranges, Content-Type allowlist, nosniff, no-store).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { contentSecurityPolicy } from '../../../src/main/csp';
import type { MediaService } from '../../../src/main/media/media-service';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

async function sendMedia(req: IncomingMessage, res: ServerResponse, media: MediaService, origin: string): Promise<void> {
  const headers = new Headers();
  if (req.headers.range !== undefined) headers.set('range', req.headers.range);
  const response = await media.answer(new Request(new URL(req.url ?? '/', origin), { method: req.method ?? 'GET', headers }));
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (response.body === null) {
    res.end();
    return;
  }
  Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>)
    .on('error', () => res.destroy())
    .pipe(res);
}

async function sendFile(path: string, res: ServerResponse, root: string): Promise<void> {
  const file = normalize(join(root, decodeURIComponent(path === '/' ? '/index.html' : path)));
  if (!file.startsWith(root + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy({ delivery: 'header' }),
      'X-Content-Type-Options': 'nosniff',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
}

export async function startStaticServer(root: string, media: MediaService): Promise<StaticServer> {
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Chromium asks for a favicon on its own; the app has none to give.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const answer = path.startsWith('/media/') ? sendMedia(req, res, media, origin) : sendFile(path, res, root);
    answer.catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
