/**
 * GoPro's GPS clock: the first `GPSU` (UTC date and time, "yymmddhhmmss.sss") in the first
 * sample of the GPMF telemetry track (a 'meta' track whose sample entry is 'gpmd'). GoPro
 * writes its local clock into mvhd; this is the one UTC time such a file carries, and it
 * checks that clock (capture-time.ts). Only the first sample is read, at most
 * MAX_SAMPLE_BYTES of it: the telemetry of the first second is enough and a hostile size
 * costs nothing.
 *
 * GPMF is KLV: a four-character key, a type byte (0 = nested), a structure size byte and a
 * 16-bit repeat count, then size × repeat bytes padded to four (gopro/gpmf-parser's
 * documentation). A GPSF (fix) of 0 means the receiver had no lock: its clock is not used.
 */
import type { Box, Window } from './boxes';
import { descend, payloadOf } from './boxes';

export const MAX_SAMPLE_BYTES = 256 * 1024;
const MAX_DEPTH = 8;

export interface SampleLocation {
  readonly offset: number;
  readonly size: number;
}

/** Where the first sample of a GPMF track is, from its stsd, stco/co64 and stsz; null for other tracks. */
export function gpmfSampleLocation(win: Window, trak: Box): SampleLocation | null {
  const stbl = descend(trak, ['mdia', 'minf', 'stbl']);
  const stsd = descend(stbl, ['stsd']);
  if (!stbl || !stsd) return null;
  const entries = payloadOf(win, stsd);
  if (entries.length < 16 || entries.toString('latin1', 12, 16) !== 'gpmd') return null;
  const stco = descend(stbl, ['stco']);
  const co64 = descend(stbl, ['co64']);
  const stsz = descend(stbl, ['stsz']);
  if (!stsz || (!stco && !co64)) return null;
  const sizes = payloadOf(win, stsz);
  if (sizes.length < 12) return null;
  const fixed = sizes.readUInt32BE(4);
  const size = fixed !== 0 ? fixed : sizes.length >= 16 && sizes.readUInt32BE(8) > 0 ? sizes.readUInt32BE(12) : 0;
  let offset: number | null = null;
  if (stco) {
    const p = payloadOf(win, stco);
    if (p.length >= 12 && p.readUInt32BE(4) > 0) offset = p.readUInt32BE(8);
  } else if (co64) {
    const p = payloadOf(win, co64);
    if (p.length >= 16 && p.readUInt32BE(4) > 0) offset = Number(p.readBigUInt64BE(8));
  }
  if (offset === null || size === 0 || !Number.isSafeInteger(offset)) return null;
  return { offset, size: Math.min(size, MAX_SAMPLE_BYTES) };
}

interface Found {
  gpsu: string | null;
  fix: number | null;
}

function walk(buf: Buffer, start: number, end: number, depth: number, found: Found): void {
  let pos = start;
  while (pos + 8 <= end && found.gpsu === null) {
    const key = buf.toString('latin1', pos, pos + 4);
    const type = buf[pos + 4] ?? 0;
    const structSize = buf[pos + 5] ?? 0;
    const repeat = buf.readUInt16BE(pos + 6);
    const length = structSize * repeat;
    const next = pos + 8 + Math.ceil(length / 4) * 4;
    if (!/^[A-Z0-9 ]{4}$/.test(key) || next > end) return;
    const data = pos + 8;
    if (type === 0 && depth < MAX_DEPTH) walk(buf, data, data + length, depth + 1, found);
    else if (key === 'GPSF' && type === 0x4c /* L */ && length >= 4) found.fix = buf.readUInt32BE(data);
    else if (key === 'GPSU' && type === 0x55 /* U */ && length >= 16) found.gpsu = buf.toString('latin1', data, data + 16);
    pos = next;
  }
}

/** "yymmddhhmmss.sss" (UTC) as ISO 8601; null when it is not a real time. */
export function gpsuToIso(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})\.(\d{3})$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(2000 + y, mo - 1, d, h, mi, s, ms));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

/** The GPS clock of a GPMF sample; null when it holds none, or no fix. */
export function gpsTimeOfGpmf(sample: Buffer): string | null {
  const found: Found = { gpsu: null, fix: null };
  walk(sample, 0, sample.length, 0, found);
  if (found.gpsu === null || found.fix === 0) return null;
  return gpsuToIso(found.gpsu);
}
