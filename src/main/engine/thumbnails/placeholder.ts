/**
 * Placeholder pictures for items whose real picture cannot be made: a calm dark frame with a
 * struck-through film frame (and the duration, when known) for videos, never a play symbol, a picture symbol for images. Drawn
 * from SVG we write ourselves: nothing from the evidence goes into it, only our own numbers
 * (the duration), and those are drawn as strokes, not text.
 */
import type { Thumbnail } from './make-thumbnails';
import { GRID_LONG_SIDE, PREVIEW_LONG_SIDE } from './limits';
import { twoSizesOfOwnImage } from './sharp-thumbnails';
import { GLYPH_HEIGHT, strokeText, strokeTextWidth } from './stroke-digits';

const BACKGROUND = '#1f2125';
const SYMBOL = '#aab0b8';
const BADGE = '#000000';
const BADGE_TEXT = '#e6e8eb';

/** Design canvas; both sizes are the same drawing scaled. */
const VIDEO_BOX = { width: 1280, height: 720 };
const PHOTO_BOX = { width: 1280, height: 960 };

/**
 * "0:42", "12:05", "1:02:03": how players show a duration. Null for anything that is not a
 * finite, non-negative number of seconds (we would rather show nothing than a wrong time).
 */
export function formatDuration(seconds: number | null | undefined): string | null {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > 999 * 3600) return null;
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${String(h)}:${two(m)}:${two(s)}` : `${String(m)}:${two(s)}`;
}

function svgDocument(box: { width: number; height: number }, longSide: number, body: string): Buffer {
  const scale = longSide / Math.max(box.width, box.height);
  const width = Math.round(box.width * scale);
  const height = Math.round(box.height * scale);
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(box.width)} ${String(box.height)}">` +
      `<rect width="${String(box.width)}" height="${String(box.height)}" fill="${BACKGROUND}"/>${body}</svg>`,
  );
}

function videoBody(duration: string | null): string {
  const { width, height } = VIDEO_BOX;
  const cx = width / 2;
  const cy = height / 2;
  // A frame of film struck through: a video of which no picture could be made. Never a
  // play symbol: this stands for a file no frame could be decoded from, which would
  // look playable where it most likely is not (a cut-short or stripped video).
  const w = 360;
  const h = 240;
  const x = cx - w / 2;
  const y = cy - h / 2;
  const stroke = `fill="none" stroke="${SYMBOL}" stroke-width="14" stroke-linejoin="round" stroke-linecap="round"`;
  let holes = '';
  for (let i = 0; i < 6; i++) {
    const hx = x + 30 + i * 56;
    holes += `<rect x="${String(hx)}" y="${String(y + 18)}" width="22" height="22" rx="4" fill="${SYMBOL}"/>`;
    holes += `<rect x="${String(hx)}" y="${String(y + h - 40)}" width="22" height="22" rx="4" fill="${SYMBOL}"/>`;
  }
  let body =
    `<rect x="${String(x)}" y="${String(y)}" width="${String(w)}" height="${String(h)}" rx="24" ${stroke}/>` +
    holes +
    `<path d="M${String(x - 40)} ${String(y - 30)}L${String(x + w + 40)} ${String(y + h + 30)}" ${stroke}/>`;
  if (duration !== null) {
    // Bottom-right badge, as video players and phone galleries show it; large enough to be
    // read in the 256 px grid image (glyphs ~17 px high there).
    const scale = 8.5;
    const textWidth = strokeTextWidth(duration) * scale;
    const textHeight = GLYPH_HEIGHT * scale;
    const padX = 34;
    const padY = 26;
    const badgeWidth = textWidth + 2 * padX;
    const badgeHeight = textHeight + 2 * padY;
    const bx = width - 40 - badgeWidth;
    const by = height - 40 - badgeHeight;
    body +=
      `<rect x="${String(bx)}" y="${String(by)}" width="${String(badgeWidth)}" height="${String(badgeHeight)}" rx="22" fill="${BADGE}" fill-opacity="0.72"/>` +
      strokeText(duration, bx + padX, by + padY, scale, BADGE_TEXT);
  }
  return body;
}

function photoBody(): string {
  const { width, height } = PHOTO_BOX;
  const w = 360;
  const h = 270;
  const x = (width - w) / 2;
  const y = (height - h) / 2;
  const stroke = `fill="none" stroke="${SYMBOL}" stroke-width="14" stroke-linejoin="round" stroke-linecap="round"`;
  return (
    `<rect x="${String(x)}" y="${String(y)}" width="${String(w)}" height="${String(h)}" rx="26" ${stroke}/>` +
    `<path d="M${String(x + 30)} ${String(y + h - 40)}L${String(x + 140)} ${String(y + 120)}L${String(x + 215)} ${String(y + 195)}L${String(x + 255)} ${String(y + 155)}L${String(x + w - 30)} ${String(y + h - 40)}" ${stroke}/>` +
    `<circle cx="${String(x + w - 95)}" cy="${String(y + 80)}" r="30" fill="${SYMBOL}"/>`
  );
}

export async function videoPlaceholder(durationSeconds: number | null | undefined): Promise<{ grid: Thumbnail; preview: Thumbnail }> {
  const body = videoBody(formatDuration(durationSeconds));
  return twoSizesOfOwnImage({
    grid: svgDocument(VIDEO_BOX, GRID_LONG_SIDE, body),
    preview: svgDocument(VIDEO_BOX, PREVIEW_LONG_SIDE, body),
  });
}

export async function photoPlaceholder(): Promise<{ grid: Thumbnail; preview: Thumbnail }> {
  const body = photoBody();
  return twoSizesOfOwnImage({
    grid: svgDocument(PHOTO_BOX, GRID_LONG_SIDE, body),
    preview: svgDocument(PHOTO_BOX, PREVIEW_LONG_SIDE, body),
  });
}
