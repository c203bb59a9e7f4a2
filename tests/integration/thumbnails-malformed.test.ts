// Hostile and broken inputs: every one gives a placeholder or `none` (or, for files that are
// only broken in their metadata, a real thumbnail), never an exception, each within the engine's time limits.
import { afterAll, describe, expect, it } from 'vitest';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { closeHeicWorkers } from '../../src/main/engine/thumbnails/heic';
import { HEIC_TIME_LIMIT_MS } from '../../src/main/engine/thumbnails/limits';
import { makeThumbnails } from '../../src/main/engine/thumbnails/make-thumbnails';
import { expectCleanJpeg, fixtureFiles, requestFor } from '../helpers/thumbnail-fixtures';

afterAll(closeHeicWorkers);

describe('malformed fixtures', () => {
  const files = fixtureFiles('malformed');

  it.each(files)('%s', async (name) => {
    const request = requestFor(name, { durationSeconds: 10 });
    const started = Date.now();
    const result = await makeThumbnails(request);
    // No hang: within the longest of the engine's own per-file limits (not a speed check).
    expect(Date.now() - started).toBeLessThan(HEIC_TIME_LIMIT_MS);
    if (request.kind === 'other') {
      expect(result.status).toBe('none');
      return;
    }
    expect(['ok', 'placeholder']).toContain(result.status);
    if (result.status === 'none') return;
    if (result.status === 'placeholder') expect(result.reason.length).toBeGreaterThan(10);
    await expectCleanJpeg(result.grid, 256);
    await expectCleanJpeg(result.preview, 1280);
  });
});

describe('inputs the importer should not send, handled anyway', () => {
  const photo = (bytes: Buffer, format: string | null) => makeThumbnails({ source: bufferByteSource(bytes), kind: 'photo', format });

  it('treats HTML or text labelled as a photo as an image it cannot decode', async () => {
    for (const [bytes, format] of [
      [Buffer.from('<html><body>hello</body></html>'), 'jpeg'],
      [Buffer.from('just text'), null],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'), null],
    ] as const) {
      const result = await photo(bytes, format);
      expect(result.status).toBe('placeholder');
    }
  });

  it('says so when the file is empty', async () => {
    const result = await photo(Buffer.alloc(0), 'jpeg');
    expect(result.status).toBe('placeholder');
    if (result.status === 'placeholder') expect(result.reason).toBe('The file is empty.');
  });

  it('says so when the stored copy cannot be read', async () => {
    const result = await makeThumbnails({
      source: { size: 5000, read: () => Promise.reject(new Error('chunk 0 did not authenticate')) },
      kind: 'photo',
      format: 'jpeg',
    });
    expect(result.status).toBe('placeholder');
    if (result.status === 'placeholder') expect(result.reason).toBe('The stored copy could not be read.');
  });

  it('refuses images above the pixel limit without decoding them', async () => {
    const result = await makeThumbnails(requestFor('malformed/struct/png_ihdr_2Gx2G.png'));
    expect(result.status).toBe('placeholder');
  });

  it('gives `none` for kinds it does not make previews of', async () => {
    const result = await makeThumbnails({ source: bufferByteSource(Buffer.from('PK\x03\x04')), kind: 'other', format: null });
    expect(result).toEqual({ status: 'none', reason: 'Tamga makes previews only for photos and videos.' });
  });

  it('stops when the caller has already cancelled', async () => {
    const result = await makeThumbnails({ ...requestFor('real/mei/HTC Desire.jpg'), signal: AbortSignal.abort() });
    expect(result.status).toBe('placeholder');
    if (result.status === 'placeholder') expect(result.reason).toContain('stopped');
  });

  it('never throws, even for a source that throws synchronously', async () => {
    const source = {
      get size(): number {
        throw new Error('boom');
      },
      read: () => Promise.resolve(Buffer.alloc(0)),
    };
    for (const kind of ['photo', 'video', 'other'] as const) {
      await expect(makeThumbnails({ source, kind, format: 'jpeg' })).resolves.toHaveProperty('status');
    }
  });
});
