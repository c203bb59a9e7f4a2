/**
 * Turns decodable pixels into the two thumbnails with sharp (libvips): the ≤1280 px preview
 * and the ≤256 px grid image, both sRGB JPEG with no metadata at all (no EXIF, GPS, XMP or
 * ICC profile is ever copied from the evidence into a thumbnail).
 *
 * The source is decoded once, straight into the preview JPEG; the grid image is made from
 * the preview (decoding a 1280 px JPEG at 1/4 scale costs ~2 ms more than resizing raw
 * pixels). Not handing the 1280 px pixels to JavaScript matters more: V8 counts every
 * output Buffer as external memory, and on our small JS heap ~3.7 MB more per photo made it
 * run a full mark-compact about once per photo (--trace-gc, one import lane). libvips runs
 * with sequential access (sharp's default), so it never spills pixels to a temporary file.
 */
import sharp, { type OutputInfo, type Sharp, type SharpOptions } from 'sharp';
import type { Thumbnail } from './make-thumbnails';
import { ThumbnailFailure, throwIfStopped } from './failure';
import { GRID_LONG_SIDE, JPEG_QUALITY, MAX_INPUT_PIXELS, PREVIEW_LONG_SIDE, SHARP_TIMEOUT_SECONDS } from './limits';

export type PixelSource =
  /** A whole encoded image file (JPEG, PNG, WebP, TIFF, AVIF, GIF) or one frame from ffmpeg. */
  | { readonly kind: 'encoded'; readonly bytes: Buffer }
  /** Decoded 8-bit pixels, e.g. RGBA from the HEIC decoder. */
  | { readonly kind: 'raw'; readonly pixels: Buffer; readonly width: number; readonly height: number; readonly channels: 1 | 2 | 3 | 4 };

/**
 * How to turn the pixels upright:
 * - 'exif': as the image's own EXIF/TIFF Orientation says (JPEG, TIFF, WebP, PNG eXIf);
 * - 1…8: this EXIF orientation value, read elsewhere (e.g. a raw file's IFD0 for its preview);
 * - 'none': already upright (HEIC after its irot/imir, ffmpeg frames after autorotate).
 */
export type Orientation = 'exif' | 'none' | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export interface TwoSizes {
  readonly grid: Thumbnail;
  readonly preview: Thumbnail;
}

/**
 * Transparent images are laid on mid-grey: JPEG has no alpha, and on grey neither black
 * nor white strokes (a logo, a screenshot of text) disappear.
 */
const FLATTEN_BACKGROUND = { r: 128, g: 128, b: 128 };

let configured = false;
/**
 * sharp's operation cache would keep decoded evidence pixels in memory after we are done and
 * gives nothing here (every image is opened once). Process-wide, so done once.
 */
function configureSharp(): void {
  if (configured) return;
  configured = true;
  sharp.cache(false);
}

function inputOptions(): SharpOptions {
  return {
    // Decode what is there: a truncated JPEG still gives its top part (grey below), which is
    // what a person wants to see of a damaged file.
    failOn: 'none',
    limitInputPixels: MAX_INPUT_PIXELS,
    // Sequential is sharp's default; said here because it is what keeps libvips from
    // decoding large images into a temporary file on disk.
    sequentialRead: true,
  };
}

function open(source: PixelSource): Sharp {
  if (source.kind === 'encoded') return sharp(source.bytes, inputOptions());
  return sharp(source.pixels, {
    ...inputOptions(),
    raw: { width: source.width, height: source.height, channels: source.channels },
  });
}

/** sharp's own mapping of EXIF orientation to rotate-then-flop (see its pipeline.cc). */
function orientationOps(value: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8): { angle: 0 | 90 | 180 | 270; flop: boolean } {
  switch (value) {
    case 1:
      return { angle: 0, flop: false };
    case 2:
      return { angle: 0, flop: true };
    case 3:
      return { angle: 180, flop: false };
    case 4:
      return { angle: 180, flop: true };
    case 5:
      return { angle: 270, flop: true };
    case 6:
      return { angle: 90, flop: false };
    case 7:
      return { angle: 90, flop: true };
    case 8:
      return { angle: 270, flop: false };
  }
}

function orient(image: Sharp, orientation: Orientation): Sharp {
  if (orientation === 'none') return image;
  if (orientation === 'exif') return image.autoOrient();
  const { angle, flop } = orientationOps(orientation);
  const rotated = angle === 0 ? image : image.rotate(angle);
  return flop ? rotated.flop() : rotated;
}

function fitInside(longSide: number) {
  return { width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true } as const;
}

/** Reads the size of an encoded image from its header, without decoding pixels. */
export async function imageSize(bytes: Buffer): Promise<{ width: number; height: number } | null> {
  configureSharp();
  try {
    const meta = await sharp(bytes, inputOptions()).metadata();
    if (meta.width > 0 && meta.height > 0) return { width: meta.width, height: meta.height };
    return null;
  } catch {
    return null;
  }
}

/**
 * Makes both sizes. Throws ThumbnailFailure when the pixels cannot be decoded; the reason
 * says so in words, and the decoder's own message is kept as the cause for logs.
 */
export async function twoSizes(source: PixelSource, orientation: Orientation, signal?: AbortSignal): Promise<TwoSizes> {
  configureSharp();
  throwIfStopped(signal);
  let preview: { data: Buffer; info: OutputInfo };
  try {
    preview = await orient(open(source), orientation)
      .resize(fitInside(PREVIEW_LONG_SIDE))
      .flatten({ background: FLATTEN_BACKGROUND })
      .toColourspace('srgb')
      .timeout({ seconds: SHARP_TIMEOUT_SECONDS })
      // No optimised Huffman tables for the preview: that second pass over 1.2 MP cost ~8 ms
      // of a photo's ~70 ms for a file ~7 % smaller. The grid image keeps them (tiny to
      // encode, and hundreds are loaded at once).
      .jpeg({ quality: JPEG_QUALITY, optimiseCoding: false })
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new ThumbnailFailure(decodeFailureReason(err), { cause: err });
  }
  throwIfStopped(signal);
  try {
    // Our own upright sRGB JPEG without metadata: nothing to orient or flatten again.
    const grid = await sharp(preview.data).resize(fitInside(GRID_LONG_SIDE)).jpeg({ quality: JPEG_QUALITY }).toBuffer({ resolveWithObject: true });
    return {
      preview: { bytes: preview.data, mime: 'image/jpeg', width: preview.info.width, height: preview.info.height },
      grid: { bytes: grid.data, mime: 'image/jpeg', width: grid.info.width, height: grid.info.height },
    };
  } catch (err) {
    // Decoding our own in-memory JPEG should not fail; if it does, it is not the file's fault.
    throw new ThumbnailFailure('The preview could not be encoded.', { cause: err });
  }
}

/** Encodes an image we made ourselves (a placeholder SVG) at both sizes. */
export async function twoSizesOfOwnImage(svg: { grid: Buffer; preview: Buffer }): Promise<TwoSizes> {
  configureSharp();
  const encode = async (bytes: Buffer): Promise<Thumbnail> => {
    const out = await sharp(bytes).flatten({ background: '#000000' }).jpeg({ quality: JPEG_QUALITY }).toBuffer({ resolveWithObject: true });
    return { bytes: out.data, mime: 'image/jpeg', width: out.info.width, height: out.info.height };
  };
  return { grid: await encode(svg.grid), preview: await encode(svg.preview) };
}

function decodeFailureReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) {
    return `The image is larger than Tamga makes previews for (over ${String(MAX_INPUT_PIXELS / 1_000_000)} megapixels).`;
  }
  if (/unsupported image format/i.test(message)) return 'Tamga cannot show images in this format.';
  if (/timeout/i.test(message)) return 'Decoding the image took too long and was stopped.';
  return 'This image could not be decoded; the file may be damaged.';
}
