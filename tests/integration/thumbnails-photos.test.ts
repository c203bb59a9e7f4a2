// Thumbnails of every real photo fixture: upright, within size, clean JPEG, no metadata;
// the few that cannot be shown get a placeholder for the reason listed here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { bufferByteSource, type ByteSource } from '../../src/main/engine/metadata/byte-source';
import { closeHeicWorkers } from '../../src/main/engine/thumbnails/heic';
import { makeThumbnails, type ThumbnailResult } from '../../src/main/engine/thumbnails/make-thumbnails';
import { expectCleanJpeg, FIXTURES, fixtureFiles, meanColour, requestFor } from '../helpers/thumbnail-fixtures';
import { rawWithPreview } from '../helpers/thumbnail-raw-fixture';

afterAll(closeHeicWorkers);

/** Real photos that get a placeholder, and why that is right. */
const EXPECTED_PLACEHOLDERS: Readonly<Record<string, string>> = {
  // Its frame header says height 0 and gives the height later in a DNL marker, which neither
  // libjpeg (sharp) nor ffmpeg supports.
  'real/mei/beach.jpg': 'could not be decoded',
  // ExifTool's sample: every image in it (the preview JPEGs included) is replaced by "<Dummy>".
  'real/exiftool/CanonRaw.cr2': 'raw file holds no preview',
  // ExifTool's sample: HEIF boxes with a stub in place of the coded image.
  'real/exiftool/QuickTime.heic': 'could not be decoded',
};

const photos = fixtureFiles('real').filter((f) => requestFor(f).kind === 'photo');

function expectOk(result: ThumbnailResult, name: string): asserts result is Extract<ThumbnailResult, { status: 'ok' }> {
  expect(result.status, `${name}: ${result.status === 'ok' ? '' : result.reason}`).toBe('ok');
}

describe('real photos', () => {
  it('finds the photo fixtures (83 per the fixtures README)', () => {
    expect(photos.length).toBeGreaterThanOrEqual(80);
  });

  it.each(photos)('%s', async (name) => {
    const started = Date.now();
    const result = await makeThumbnails(requestFor(name));
    expect(Date.now() - started).toBeLessThan(10_000);
    const expected = EXPECTED_PLACEHOLDERS[name];
    if (expected !== undefined) {
      expect(result.status).toBe('placeholder');
      if (result.status === 'placeholder') expect(result.reason).toContain(expected);
    } else {
      expectOk(result, name);
    }
    if (result.status === 'none') return;
    await expectCleanJpeg(result.grid, 256);
    await expectCleanJpeg(result.preview, 1280);
    // Same picture at two sizes: the same shape (within rounding).
    const gridRatio = result.grid.width / result.grid.height;
    const previewRatio = result.preview.width / result.preview.height;
    expect(Math.abs(gridRatio - previewRatio) / previewRatio).toBeLessThan(0.05);
  });
});

describe('sizes', () => {
  it('gives 256 and 1280 on the long side for a large photo, and never enlarges a small one', async () => {
    const big = await makeThumbnails(requestFor('real/mei/Apple iPhone 5.jpg'));
    expectOk(big, 'iPhone 5');
    expect(Math.max(big.grid.width, big.grid.height)).toBe(256);
    expect(Math.max(big.preview.width, big.preview.height)).toBe(1280);

    const small = await makeThumbnails(requestFor('real/mei/Issue 609.jpg')); // 250 × 250
    expectOk(small, 'Issue 609');
    expect([small.grid.width, small.grid.height]).toEqual([250, 250]);
    expect([small.preview.width, small.preview.height]).toEqual([250, 250]);

    const mid = await makeThumbnails(requestFor('real/mei/Nikon D5000.jpg')); // 858 × 570
    expectOk(mid, 'Nikon D5000');
    expect([mid.preview.width, mid.preview.height]).toEqual([858, 570]);
    expect(mid.grid.width).toBe(256);
  });
});

describe('orientation', () => {
  const oriented = fixtureFiles('real/orientation');

  it.each(oriented)('%s comes out the right way round at both sizes', async (name) => {
    const result = await makeThumbnails(requestFor(name));
    expectOk(result, name);
    const landscape = name.includes('Landscape_');
    for (const thumb of [result.grid, result.preview]) {
      if (landscape) expect(thumb.width).toBeGreaterThan(thumb.height);
      else expect(thumb.height).toBeGreaterThan(thumb.width);
    }
  });

  it('applies the HEIF rotation of a HEIC that also carries EXIF Orientation 6, once', async () => {
    // Stored 4032 × 3024 with irot 270° and EXIF Orientation 6 (both say "portrait"): applying
    // both would give a landscape picture again.
    for (const name of ['real/mei/Issue 263 dotnet.heic', 'real/mei/Issue 487.heic']) {
      const result = await makeThumbnails(requestFor(name));
      expectOk(result, name);
      expect(result.decoder).toBe('heic-decode');
      expect([result.grid.width, result.grid.height]).toEqual([192, 256]);
      expect([result.preview.width, result.preview.height]).toEqual([960, 1280]);
    }
  });

  it('keeps an unrotated HEIC as stored', async () => {
    const result = await makeThumbnails(requestFor('real/exif-samples/HMD_Nokia_8.3_5G_hdr.heif'));
    expectOk(result, 'Nokia');
    expect([result.preview.width, result.preview.height]).toEqual([1280, 960]);
  });
});

describe('decoders', () => {
  it('uses heic-decode for HEIC, sharp for AVIF, ffmpeg for BMP', async () => {
    const heic = await makeThumbnails(requestFor('real/mei/cheers_1440x960.heic'));
    expectOk(heic, 'heic');
    expect(heic.decoder).toBe('heic-decode');
    const avif = await makeThumbnails(requestFor('real/mei/32Bit-72dpi-sRGB-800x600.avif'));
    expectOk(avif, 'avif');
    expect(avif.decoder).toBe('sharp');
    const bmp = await makeThumbnails(requestFor('real/exiftool/BMP.bmp'));
    expectOk(bmp, 'bmp');
    expect(bmp.decoder).toBe('ffmpeg');
  });

  it('shows a truncated JPEG as far as it goes', async () => {
    const result = await makeThumbnails(requestFor('malformed/trunc/jpeg_cut_half.jpg'));
    expectOk(result, 'jpeg_cut_half');
    expect(result.preview.width).toBeGreaterThan(1000);
  });

  it('lays transparent pixels on grey', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const result = await makeThumbnails({ source: bufferByteSource(png), kind: 'photo', format: 'png' });
    expectOk(result, 'transparent');
    const [r, g, b] = await meanColour(result.grid.bytes, { left: 0, top: 0, width: 40, height: 30 });
    for (const c of [r, g, b]) expect(Math.abs((c ?? 0) - 128)).toBeLessThan(8);
  });

  it('does not copy EXIF or GPS from a photo that has them', async () => {
    const name = 'real/exiftool/GPS.jpg';
    expect((await sharp(readFileSync(join(FIXTURES, name))).metadata()).exif).toBeDefined();
    const result = await makeThumbnails(requestFor(name));
    expectOk(result, name);
    for (const thumb of [result.grid, result.preview]) {
      expect(thumb.bytes.includes(Buffer.from('Exif\0\0'))).toBe(false);
      expect(thumb.bytes.includes(Buffer.from('GPS'))).toBe(false);
    }
  });
});

describe('raw files', () => {
  it('uses the embedded preview, turned by IFD0 Orientation, over the tiny IFD0 thumbnail', async () => {
    const raw = await rawWithPreview({ width: 1600, height: 1200, orientation: 6, withSensorData: true });
    const result = await makeThumbnails({ source: bufferByteSource(raw.bytes), kind: 'photo', format: 'dng' });
    expectOk(result, 'dng');
    expect(result.decoder).toBe('sharp:embedded-preview');
    expect([result.preview.width, result.preview.height]).toEqual([960, 1280]);
    expect([result.grid.width, result.grid.height]).toEqual([192, 256]);
    // Orientation 6 turns the picture 90° clockwise: its red left half ends up on top.
    const top = await meanColour(result.grid.bytes, { left: 40, top: 20, width: 100, height: 60 });
    const bottom = await meanColour(result.grid.bytes, { left: 40, top: 180, width: 100, height: 60 });
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });

  it('reads only the headers and the preview of a raw file, not its sensor data', async () => {
    const raw = await rawWithPreview({ width: 800, height: 600, orientation: 1, withSensorData: true });
    const inner = bufferByteSource(raw.bytes);
    let bytesRead = 0;
    const source: ByteSource = {
      size: inner.size,
      read(offset, length) {
        bytesRead += Math.min(length, Math.max(0, inner.size - offset));
        return inner.read(offset, length);
      },
    };
    const result = await makeThumbnails({ source, kind: 'photo', format: 'dng' });
    expectOk(result, 'dng');
    // Headers plus the preview read twice (its header to learn the size, then all of it).
    const previewLength = raw.bytes.length - 8000 - 16 * 12 * 3;
    expect(bytesRead).toBeLessThan(raw.bytes.length + previewLength);
  });

  it('falls back to the TIFF image when a raw file has no usable preview', async () => {
    const result = await makeThumbnails(requestFor('real/exiftool/DNG.dng', { format: 'dng' }));
    expectOk(result, 'DNG.dng');
    expect(result.decoder).toBe('sharp');
  });
});
