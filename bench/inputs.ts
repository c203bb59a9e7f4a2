/**
 * Benchmark inputs, generated (never committed): a large video-like file of random bytes,
 * and 12 MP JPEGs with camera EXIF made with sharp.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';

/** Writes `size` pseudo-random bytes (AES-CTR keystream: incompressible, fast) to `path`. */
export async function writeRandomFile(path: string, size: number): Promise<void> {
  const cipher = createCipheriv('aes-256-ctr', randomBytes(32), randomBytes(16));
  const block = Buffer.alloc(4 * 1024 * 1024);
  let left = size;
  const source = Readable.from(
    (function* () {
      while (left > 0) {
        const n = Math.min(left, block.length);
        left -= n;
        yield cipher.update(block.subarray(0, n));
      }
    })(),
  );
  await pipeline(source, createWriteStream(path));
}

/** `count` distinct 4000×3000 JPEGs with EXIF (make, model, date, GPS), in `dir`. */
export async function writePhotos(dir: string, count: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  // One noisy base image, blurred to look like a photo's detail rather than pure noise.
  const base = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .blur(1.2)
    .raw()
    .toBuffer();
  for (let i = 0; i < count; i++) {
    // Stamp the photo's number into a 16×16 corner block: large enough that JPEG
    // quantisation cannot erase it, so every photo is distinct content (not a duplicate).
    for (let y = 0; y < 16; y++) base.fill((i * 53) & 0xff, y * 12000, y * 12000 + 24).fill((i >> 8) * 97, y * 12000 + 24, y * 12000 + 48);
    const jpeg = await sharp(base, { raw: { width: 4000, height: 3000, channels: 3 } })
      .jpeg({ quality: 88 })
      .withExif({
        IFD0: { Make: 'BenchCam', Model: `Model ${i % 7}`, DateTime: '2021:01:10 08:14:00' },
        IFD2: { DateTimeOriginal: '2021:01:10 08:14:00', OffsetTimeOriginal: '+06:00' },
      })
      .toBuffer();
    bytes += jpeg.length;
    await writeFile(join(dir, `IMG_${String(i).padStart(4, '0')}.JPG`), jpeg);
  }
  return bytes;
}

/** `count` distinct small JPEGs (640×480, phone-message sized, about 100 KB), in `dir`. */
export async function writeSmallPhotos(dir: string, count: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  const base = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .blur(1.2)
    .raw()
    .toBuffer();
  for (let i = 0; i < count; i++) {
    // The photo's number in a 16×16 corner block, as in writePhotos: every photo distinct.
    for (let y = 0; y < 16; y++) base.fill((i * 53) & 0xff, y * 1920, y * 1920 + 24).fill((i >> 8) * 97, y * 1920 + 24, y * 1920 + 48);
    const jpeg = await sharp(base, { raw: { width: 640, height: 480, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
    bytes += jpeg.length;
    await writeFile(join(dir, `MSG_${String(i).padStart(4, '0')}.JPG`), jpeg);
  }
  return bytes;
}

/**
 * `count` distinct files of random bytes (1–200 KiB, sizes spread evenly: documents, chat
 * attachments), named `DOC_<n>.bin`, in `dir`. Returns their total size.
 */
export async function writeSmallFiles(dir: string, count: number): Promise<number> {
  await mkdir(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const size = 1024 + ((i * 7919) % 200) * 1024;
    bytes += size;
    await writeFile(join(dir, `DOC_${String(i).padStart(5, '0')}.bin`), randomBytes(size));
  }
  return bytes;
}
