// The pure parts of the media protocol: opaque tokens that die on lock, Range parsing,
// the Content-Type allowlist, and whole answers (200, 206, 404, 416, headers) over a fake engine.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../src/shared/errors';
import type { MediaChunk, MediaReadRequest } from '../../src/shared/media';
import { parseRange } from '../../src/main/media/byte-range';
import { answerMediaRequest, type MediaSource } from '../../src/main/media/media-response';
import { createMediaService } from '../../src/main/media/media-service';
import { MediaTokens } from '../../src/main/media/media-tokens';
import { OPAQUE_TYPE, mediaContentType } from '../../src/main/media/media-type';
import { mediaUrl } from '../../src/main/media/media-scheme';

const ITEM = '0b9e5f3c-4a1d-4e2b-9c7a-1d2e3f4a5b6c';
const OTHER = '1c8d4e2b-3a0c-4d1a-8b6f-0c1d2e3f4a5b';

describe('media tokens', () => {
  it('are random, opaque and stable per item and variant', () => {
    const tokens = new MediaTokens();
    const grid = tokens.issue({ item: ITEM, variant: 'grid' });
    expect(grid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(grid).not.toContain(ITEM.slice(0, 8));
    expect(tokens.issue({ item: ITEM, variant: 'grid' })).toBe(grid);
    expect(tokens.issue({ item: ITEM, variant: 'original' })).not.toBe(grid);
    expect(tokens.issue({ item: OTHER, variant: 'grid' })).not.toBe(grid);
    expect(tokens.resolve(grid)).toEqual({ item: ITEM, variant: 'grid' });
  });

  it('resolve nothing malformed or unknown, and nothing after revokeAll', () => {
    const tokens = new MediaTokens();
    const token = tokens.issue({ item: ITEM, variant: 'preview' });
    expect(tokens.resolve('')).toBeNull();
    expect(tokens.resolve('../../etc/passwd')).toBeNull();
    expect(tokens.resolve('A'.repeat(43))).toBeNull();
    tokens.revokeAll();
    expect(tokens.resolve(token)).toBeNull();
    expect(tokens.size).toBe(0);
  });
});

describe('Range header', () => {
  it('reads one range in each of its three forms', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ kind: 'partial', start: 990, end: 999 });
  });

  it('sends the whole file for no, several or malformed ranges', () => {
    for (const header of [null, 'bytes=0-1,5-9', 'items=0-1', 'bytes=9-1', 'bytes=-', 'bytes=a-b', 'bytes=99999999999999999999-']) {
      expect(parseRange(header, 1000)).toEqual({ kind: 'full' });
    }
  });

  it('refuses a range past the end', () => {
    expect(parseRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('Content-Type allowlist', () => {
  it('names image and video types from the sniffed format only', () => {
    expect(mediaContentType('grid', 'jpeg')).toBe('image/jpeg');
    expect(mediaContentType('original', 'mp4')).toBe('video/mp4');
    expect(mediaContentType('original', 'mov')).toBe('video/quicktime');
    expect(mediaContentType('original', 'webp')).toBe('image/webp');
  });

  it('never serves a document, a script or an SVG: octet-stream instead', () => {
    for (const format of ['html', 'svg', 'xml', 'text', 'pdf', null, 'heic', '__proto__', 'constructor', 'toString']) {
      expect(mediaContentType('original', format)).toBe(OPAQUE_TYPE);
    }
    // A thumbnail is only ever a JPEG, PNG or WebP, whatever the original was.
    expect(mediaContentType('grid', 'mp4')).toBe(OPAQUE_TYPE);
  });
});

/** A fake engine holding one medium of `size` bytes (byte i = i mod 251). */
function fakeSource(size: number, format: string | null, known = true): MediaSource & { reads: MediaReadRequest[] } {
  const reads: MediaReadRequest[] = [];
  return {
    reads,
    resolve: (token) => (known && token === 'tok' ? { item: ITEM, variant: 'original' } : null),
    async read(request): Promise<Result<MediaChunk>> {
      reads.push(request);
      const end = Math.min(size, request.offset + request.length);
      const bytes = Uint8Array.from({ length: Math.max(0, end - request.offset) }, (_, i) => (request.offset + i) % 251);
      return { ok: true, value: { bytes, offset: request.offset, size, format } };
    },
  };
}

const get = (range?: string, method = 'GET'): Request =>
  new Request('tamga-media://media/tok', { method, headers: range === undefined ? {} : { range } });

describe('media answers', () => {
  it('answers a Range request with 206, Content-Range and exactly those bytes', async () => {
    const response = await answerMediaRequest(get('bytes=1000-1999'), fakeSource(3_000_000, 'mp4'));
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe('bytes 1000-1999/3000000');
    expect(response.headers.get('content-length')).toBe('1000');
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    const body = new Uint8Array(await response.arrayBuffer());
    expect(body.length).toBe(1000);
    expect(body[0]).toBe(1000 % 251);
  });

  it('streams a whole file in pieces, with the safety headers', async () => {
    const source = fakeSource(2_500_000, 'jpeg');
    const response = await answerMediaRequest(get(), source);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect((await response.arrayBuffer()).byteLength).toBe(2_500_000);
    expect(source.reads.slice(1).every((r) => r.length <= 1024 * 1024)).toBe(true);
  });

  it('serves an HTML "photo" as octet-stream', async () => {
    const response = await answerMediaRequest(get(), fakeSource(100, 'html'));
    expect(response.headers.get('content-type')).toBe(OPAQUE_TYPE);
  });

  it('answers 404 for unknown tokens, 416 past the end, 405 for other methods, HEAD without a body', async () => {
    expect((await answerMediaRequest(get(), fakeSource(10, 'jpeg', false))).status).toBe(404);
    const past = await answerMediaRequest(get('bytes=50-'), fakeSource(10, 'jpeg'));
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */10');
    expect((await answerMediaRequest(get(undefined, 'POST'), fakeSource(10, 'jpeg'))).status).toBe(405);
    const head = await answerMediaRequest(get(undefined, 'HEAD'), fakeSource(10, 'jpeg'));
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('maps engine failures to 404 (locked, missing) and 500, never with details', async () => {
    const failing = (code: 'VAULT_LOCKED' | 'CORRUPT'): MediaSource => ({
      resolve: () => ({ item: ITEM, variant: 'original' }),
      read: async () => ({ ok: false, error: { code, message: 'secret detail /home/x' } }),
    });
    expect((await answerMediaRequest(get(), failing('VAULT_LOCKED'))).status).toBe(404);
    const broken = await answerMediaRequest(get(), failing('CORRUPT'));
    expect(broken.status).toBe(500);
    expect(await broken.text()).toBe('');
  });
});

describe('media service', () => {
  const service = () => createMediaService({ read: fakeSource(10, 'jpeg').read, urlFor: mediaUrl });

  it('issues URLs only while unlocked, and revokes them all on lock', async () => {
    const media = service();
    expect(() => media.urls([{ item: ITEM, variant: 'grid' }])).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));
    media.onEngineEvent({ type: 'vaultUnlocked', settings: { autoLockMinutes: 10, legacyHashes: false } });
    const [url] = media.urls([{ item: ITEM, variant: 'grid' }]);
    expect(url).toMatch(/^tamga-media:\/\/media\/[A-Za-z0-9_-]{43}$/);
    expect((await media.answer(new Request(url!))).status).toBe(200);
    media.onEngineEvent({ type: 'vaultLocked', reason: 'idle' });
    expect((await media.answer(new Request(url!))).status).toBe(404);
  });

  it('refuses malformed refs', () => {
    const media = service();
    media.onEngineEvent({ type: 'vaultUnlocked', settings: { autoLockMinutes: 10, legacyHashes: false } });
    for (const refs of ['x', [{ item: '../x', variant: 'grid' }], [{ item: ITEM, variant: 'raw' }], [null], Array(1001).fill({ item: ITEM, variant: 'grid' })]) {
      expect(() => media.urls(refs)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

describe('the window may load media from the scheme, and only as images and video', async () => {
  const { contentSecurityPolicy } = await import('../../src/main/csp');
  const { isAllowedRequestUrl, resolveAppLocation } = await import('../../src/main/app-location');
  it('names the scheme in img-src and media-src only', () => {
    const directives = contentSecurityPolicy({ delivery: 'header' }).split('; ');
    expect(directives.filter((d) => d.includes('tamga-media:')).map((d) => d.split(' ')[0])).toEqual(['img-src', 'media-src']);
  });
  it('lets requests to the scheme through the session filter', () => {
    const location = resolveAppLocation({ isPackaged: true, devServerUrl: undefined, rendererDir: '/app/out/renderer' });
    expect(isAllowedRequestUrl(mediaUrl('A'.repeat(43)), location)).toBe(true);
  });
});
