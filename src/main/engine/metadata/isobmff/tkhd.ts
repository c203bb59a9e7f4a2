/**
 * The track header (`trak/tkhd`): the track's presentation size (16.16 fixed point) and its
 * transformation matrix, from which the display rotation is read. Rotation is reported in
 * clockwise degrees, the way ExifTool reports it (ffprobe's sign is the opposite).
 */
import type { Problems } from '../problems';
import { Cursor, TruncatedError } from './cursor';

export interface Tkhd {
  readonly version: number;
  readonly enabled: boolean;
  readonly trackId: number;
  readonly width: number;
  readonly height: number;
  /** a, b, c, d of the matrix as real numbers (the 2.30 terms are not needed). */
  readonly matrix: readonly [number, number, number, number];
  /** 0, 90, 180 or 270 clockwise; null when the matrix is not a right-angle turn. */
  readonly rotation: number | null;
  readonly mirrored: boolean;
}

/** Reads the turn from the matrix's [a b; c d] part: x' = a·x + c·y, y' = b·x + d·y. */
export function matrixRotation(a: number, b: number, c: number, d: number): { rotation: number | null; mirrored: boolean } {
  const det = a * d - b * c;
  const mirrored = det < 0;
  // For a mirrored matrix, undo the horizontal flip first so that the angle is the turn.
  const [ra, rb] = mirrored ? [-a, -b] : [a, b];
  const degrees = (Math.atan2(rb, ra) * 180) / Math.PI;
  const normalized = ((degrees % 360) + 360) % 360;
  const nearest = Math.round(normalized / 90) * 90;
  if (Math.abs(normalized - nearest) > 0.5 || det === 0) return { rotation: null, mirrored };
  return { rotation: nearest % 360, mirrored };
}

export function parseTkhd(payload: Buffer, base: number, problems: Problems): Tkhd | null {
  const c = new Cursor(payload, base);
  try {
    const { version, flags } = c.fullBox();
    if (version > 1) {
      problems.add(`A track header (tkhd) has unknown version ${version}; it was not read.`);
      return null;
    }
    c.skip(version === 1 ? 16 : 8); // creation and modification times
    const trackId = c.u32();
    c.skip(4); // reserved
    c.skip(version === 1 ? 8 : 4); // duration
    c.skip(8 + 2 + 2 + 2 + 2); // reserved, layer, alternate group, volume, reserved
    const a = c.fixed16();
    const b = c.fixed16();
    c.skip(4); // u
    const cc = c.fixed16();
    const d = c.fixed16();
    c.skip(4 * 4); // v, x, y, w
    const width = c.u32() / 65536;
    const height = c.u32() / 65536;
    const { rotation, mirrored } = matrixRotation(a, b, cc, d);
    if (rotation === null) problems.add(`Track ${trackId}'s matrix is not a right-angle turn (a=${a}, b=${b}, c=${cc}, d=${d}); its rotation is unknown.`);
    return { version, enabled: (flags & 1) === 1, trackId, width, height, matrix: [a, b, cc, d], rotation, mirrored };
  } catch (err) {
    if (err instanceof TruncatedError) {
      problems.add(`A track header (tkhd) is truncated (${err.message}).`);
      return null;
    }
    throw err;
  }
}
