/**
 * The movie header (`moov/mvhd`, versions 0 and 1): creation time (seconds since 1904,
 * UTC by the standard, 0 when the writer did not set it) and duration in timescale units.
 */
import { isoFrom1904 } from '../datetime';
import type { Problems } from '../problems';
import { Cursor, TruncatedError } from './cursor';

export interface Mvhd {
  readonly version: number;
  /** ISO UTC, or null when zero or unrepresentable. */
  readonly createdAt: string | null;
  readonly modifiedAt: string | null;
  readonly timescale: number;
  readonly duration: number | null;
  readonly durationSeconds: number | null;
}

export function parseMvhd(payload: Buffer, base: number, problems: Problems): Mvhd | null {
  const c = new Cursor(payload, base);
  try {
    const { version } = c.fullBox();
    if (version > 1) {
      problems.add(`The movie header (mvhd) has unknown version ${version}; it was not read.`);
      return null;
    }
    const created = version === 1 ? c.u64() : c.u32();
    const modified = version === 1 ? c.u64() : c.u32();
    const timescale = c.u32();
    const duration = version === 1 ? c.u64() : c.u32();
    // All ones means "unknown" (fragmented files); a zero timescale cannot be divided by.
    const unknownDuration = duration === null || (version === 0 ? duration === 0xffffffff : false);
    if (timescale === 0) problems.add('The movie header (mvhd) has a timescale of 0; the duration is unknown.');
    const durationSeconds = !unknownDuration && timescale > 0 && duration !== null ? duration / timescale : null;
    const createdAt = created === null ? null : isoFrom1904(created);
    if (created === null || (created !== 0 && createdAt === null)) problems.add('The movie header (mvhd) creation time is out of range; it was ignored.');
    return {
      version,
      createdAt,
      modifiedAt: modified === null ? null : isoFrom1904(modified),
      timescale,
      duration: unknownDuration ? null : duration,
      durationSeconds,
    };
  } catch (err) {
    if (err instanceof TruncatedError) {
      problems.add(`The movie header (mvhd) is truncated (${err.message}).`);
      return null;
    }
    throw err;
  }
}
