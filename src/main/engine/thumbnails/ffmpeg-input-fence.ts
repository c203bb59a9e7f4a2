/**
 * The options every ffmpeg run of Tamga's starts with (a poster frame, a playable preview):
 * quiet, no stdin, a bounded number of decoding threads, no frame larger than any photo we
 * decode (a hostile header could otherwise make it allocate gigabytes), only the http and
 * tcp protocols (to reach Tamga's own loopback server) and only the demuxers named.
 */
import { MAX_INPUT_PIXELS } from './limits';

export function ffmpegInputFence(threads: number, demuxers: readonly string[]): string[] {
  if (demuxers.length === 0 || demuxers.some((d) => !/^[a-z0-9_]+$/.test(d))) throw new RangeError('bad demuxer list');
  return ['-nostdin', '-hide_banner', '-nostats', '-loglevel', 'error', '-threads', String(threads), '-max_pixels', String(MAX_INPUT_PIXELS), '-protocol_whitelist', 'http,tcp', '-format_whitelist', demuxers.join(',')];
}
