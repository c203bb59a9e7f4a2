/**
 * One media request answered: token → item and variant, the Range header → the bytes
 * to send, the sniffed format → the Content-Type, and the decrypted bytes streamed in
 * pieces from the engine as the player pulls them (a long video is never held whole in
 * memory). The Electron protocol handler and the end-to-end harness both call this with
 * web-standard Request and Response objects, so they answer alike. Pure of Electron.
 */
import type { Result } from '../../shared/errors';
import type { MediaChunk, MediaReadRequest, MediaRef } from '../../shared/media';
import { parseRange } from './byte-range';
import { mediaContentType } from './media-type';

export interface MediaSource {
  resolve(token: string): MediaRef | null;
  read(request: MediaReadRequest): Promise<Result<MediaChunk>>;
}

/** Bytes per engine read while streaming: one blob chunk, so each read decrypts one chunk. */
const PIECE = 1024 * 1024;

/** On every answer: never sniffed into another type, never cached, never run as a page. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Referrer-Policy': 'no-referrer',
};

function status(code: number, extra: Record<string, string> = {}): Response {
  return new Response(null, { status: code, headers: { ...BASE_HEADERS, ...extra } });
}

function failure(result: Extract<Result<unknown>, { ok: false }>): Response {
  switch (result.error.code) {
    case 'NOT_FOUND':
    case 'VAULT_LOCKED':
      return status(404);
    case 'INVALID_ARGUMENT':
      return status(400);
    default:
      return status(500);
  }
}

/** The token is the URL's last path segment: tamga-media://media/<token> or /media/<token> in the harness. */
function tokenOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').pop() ?? '';
  } catch {
    return '';
  }
}

function byteStream(source: MediaSource, ref: MediaRef, start: number, end: number): ReadableStream<Uint8Array> {
  let next = start;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (next > end) {
        controller.close();
        return;
      }
      const result = await source.read({ ...ref, offset: next, length: Math.min(PIECE, end - next + 1) });
      if (!result.ok || result.value.bytes.length === 0) {
        // Locked or damaged mid-stream: the element sees a network error, never wrong bytes.
        controller.error(new Error(result.ok ? 'The medium ended early.' : result.error.code));
        return;
      }
      next += result.value.bytes.length;
      controller.enqueue(result.value.bytes);
    },
  });
}

export async function answerMediaRequest(request: Request, source: MediaSource): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return status(405, { Allow: 'GET, HEAD' });
  const ref = source.resolve(tokenOf(request.url));
  if (ref === null) return status(404);

  // A zero-length read tells the size and format without decrypting anything new.
  const probe = await source.read({ ...ref, offset: 0, length: 0 });
  if (!probe.ok) return failure(probe);
  const { size, format } = probe.value;
  const type = mediaContentType(ref.variant, format);

  const range = parseRange(request.headers.get('range'), size);
  if (range.kind === 'unsatisfiable') return status(416, { 'Content-Range': `bytes */${size}` });
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, size - 1];
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'Content-Type': type,
    'Content-Length': String(Math.max(0, end - start + 1)),
    'Accept-Ranges': 'bytes',
    ...(range.kind === 'partial' ? { 'Content-Range': `bytes ${start}-${end}/${size}` } : {}),
  };
  const body = request.method === 'HEAD' || size === 0 ? null : byteStream(source, ref, start, end);
  return new Response(body, { status: range.kind === 'partial' ? 206 : 200, headers });
}
