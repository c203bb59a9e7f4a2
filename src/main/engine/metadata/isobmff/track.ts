/**
 * What one `trak` says about itself: its header, its handler (which tells a video track
 * from sound, timecode or metadata tracks) and the coded size in its first visual sample
 * description (a fallback when the track header states no size).
 */
import type { Problems } from '../problems';
import { type Box, type Window, child, descend, payloadOf, payloadStart } from './boxes';
import { Cursor, TruncatedError } from './cursor';
import { parseTkhd, type Tkhd } from './tkhd';

export interface TrackInfo {
  readonly tkhd: Tkhd | null;
  /** Four-character handler type: 'vide', 'soun', 'meta', 'tmcd'…; null when unreadable. */
  readonly handler: string | null;
  /** The first sample description's format ('avc1', 'hvc1'…) and its coded size, for video. */
  readonly sampleFormat: string | null;
  readonly codedWidth: number | null;
  readonly codedHeight: number | null;
}

/** The handler type of an `hdlr` box (ISO: after version and pre_defined; QuickTime: the same place). */
export function handlerType(payload: Buffer): string | null {
  return payload.length >= 12 ? payload.toString('latin1', 8, 12) : null;
}

function firstSampleEntry(payload: Buffer, base: number, problems: Problems): { format: string; width: number | null; height: number | null } | null {
  const c = new Cursor(payload, base);
  try {
    c.fullBox();
    const count = c.u32();
    if (count === 0) return null;
    const size = c.u32();
    const format = c.latin1(4);
    if (size < 8 + 28) return { format, width: null, height: null };
    c.skip(6 + 2 + 16); // reserved, data reference index, pre_defined/reserved
    return { format, width: c.u16(), height: c.u16() };
  } catch (err) {
    if (err instanceof TruncatedError) {
      problems.add(`A sample description (stsd) is truncated (${err.message}).`);
      return null;
    }
    throw err;
  }
}

export function readTrack(win: Window, trak: Box, problems: Problems): TrackInfo {
  const tkhdBox = child(trak, 'tkhd');
  const tkhd = tkhdBox ? parseTkhd(payloadOf(win, tkhdBox), payloadStart(tkhdBox), problems) : null;
  const hdlr = descend(trak, ['mdia', 'hdlr']);
  const handler = hdlr ? handlerType(payloadOf(win, hdlr)) : null;
  const stsd = descend(trak, ['mdia', 'minf', 'stbl', 'stsd']);
  const entry = stsd && handler === 'vide' ? firstSampleEntry(payloadOf(win, stsd), payloadStart(stsd), problems) : null;
  return {
    tkhd,
    handler,
    sampleFormat: entry?.format ?? null,
    codedWidth: entry?.width ?? null,
    codedHeight: entry?.height ?? null,
  };
}
