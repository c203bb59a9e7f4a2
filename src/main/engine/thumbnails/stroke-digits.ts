/**
 * Digits and the colon drawn as SVG strokes, for the duration on video placeholders. Paths
 * rather than <text>: the picture then needs no font (none may be installed for librsvg on
 * the user's machine) and looks the same everywhere.
 */

/** Glyph box: digits are 6 units wide and 10 high; the colon is 2 wide. */
export const GLYPH_HEIGHT = 10;
const GAP = 2;

interface Glyph {
  readonly width: number;
  /** Stroked path data in glyph units (origin top left). */
  readonly path: string;
  /** Filled dots (cx, cy, r), for the colon. */
  readonly dots?: readonly (readonly [number, number, number])[];
}

const GLYPHS: Readonly<Record<string, Glyph>> = {
  '0': { width: 6, path: 'M3 0C1 0 0 1.8 0 5S1 10 3 10 6 8.2 6 5 5 0 3 0Z' },
  '1': { width: 6, path: 'M1.2 2.2L3.8 0V10' },
  '2': { width: 6, path: 'M0.4 2.2C0.9 0.7 1.9 0 3.1 0 4.8 0 5.9 1.1 5.9 2.7 5.9 4.4 4.7 5.4 3.2 6.6L0 10H6' },
  '3': { width: 6, path: 'M0.4 1C1.1 0.3 2 0 3 0 4.7 0 5.7 1 5.7 2.4S4.6 4.8 3 4.8C4.9 4.8 6 5.9 6 7.4 6 9 4.7 10 3 10 1.9 10 0.9 9.6 0.2 8.8' },
  '4': { width: 6, path: 'M4.6 10V0L0 7H6' },
  '5': { width: 6, path: 'M5.6 0H1.1L0.7 4.3C1.4 3.8 2.2 3.6 3 3.6 4.9 3.6 6 4.9 6 6.8S4.7 10 3 10C1.9 10 0.9 9.5 0.2 8.7' },
  '6': { width: 6, path: 'M5.3 0.7C4.7 0.2 4 0 3.2 0 1.2 0 0 2.2 0 6 0 8.7 1.2 10 3 10S6 8.8 6 7 4.8 4 3.1 4C1.6 4 0.5 5 0 6.2' },
  '7': { width: 6, path: 'M0 0H6L2.2 10' },
  '8': {
    width: 6,
    path: 'M3 4.6C1.5 4.6 0.5 3.7 0.5 2.3S1.5 0 3 0 5.5 0.9 5.5 2.3 4.5 4.6 3 4.6C1.2 4.6 0 5.7 0 7.3S1.2 10 3 10 6 8.9 6 7.3 4.8 4.6 3 4.6Z',
  },
  '9': { width: 6, path: 'M0.7 9.3C1.3 9.8 2 10 2.8 10 4.8 10 6 7.8 6 4 6 1.3 4.8 0 3 0S0 1.2 0 3 1.2 6 2.9 6C4.4 6 5.5 5 6 3.8' },
  ':': { width: 2, path: '', dots: [[1, 2.8, 0.9], [1, 7.6, 0.9]] },
};

/** Width in glyph units of `text` as drawn by `strokeText`. */
export function strokeTextWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (glyph === undefined) throw new RangeError(`No glyph for ${JSON.stringify(ch)}`);
    width += (width === 0 ? 0 : GAP) + glyph.width;
  }
  return width;
}

const num = (n: number): string => (Number.isFinite(n) ? String(Math.round(n * 1000) / 1000) : '0');

/**
 * SVG elements drawing `text` (digits and ':' only; anything else is a programming error and
 * throws) with its top-left corner at (x, y), `scale` pixels per glyph unit.
 */
export function strokeText(text: string, x: number, y: number, scale: number, colour: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(colour)) throw new RangeError('colour must be #rrggbb');
  const parts: string[] = [];
  let at = 0;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (glyph === undefined) throw new RangeError(`No glyph for ${JSON.stringify(ch)}`);
    const transform = `translate(${num(x + at * scale)} ${num(y)}) scale(${num(scale)})`;
    if (glyph.path !== '') {
      parts.push(
        `<path transform="${transform}" d="${glyph.path}" fill="none" stroke="${colour}" stroke-width="1.1" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    }
    for (const [cx, cy, r] of glyph.dots ?? []) {
      parts.push(`<circle transform="${transform}" cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${colour}"/>`);
    }
    at += glyph.width + GAP;
  }
  return parts.join('');
}
