// Whether the window can play a video: the rule from the engine's facts and the player's
// canPlayType, the rule from the player's own events, the facts as the engine reads them
// from real files (ProRes, H.264, MPEG-4 Part 2 in 3GP, a file whose 'moov' is missing),
// the keyed name of a cached preview (docs/formats.md "Playable previews"), and the
// ffmpeg arguments of a preview (allow-lists, bounds, no metadata carried over).
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewBlobId, PREVIEW_RECIPE } from '../../src/main/engine/media/video-previews';
import { deriveSubkey } from '../../src/main/engine/crypto/subkeys';
import { videoFactsOf } from '../../src/main/engine/items/video-facts';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { extractMetadata } from '../../src/main/engine/metadata/extract';
import { transcodeArgs } from '../../src/main/engine/thumbnails/ffmpeg-transcode';
import { mediaContentType } from '../../src/main/media/media-type';
import { codecName, playbackFromElement, playbackFromFacts, type VideoFacts } from '../../src/shared/playback';

const ROOT = join(import.meta.dirname, '..', 'fixtures');
const facts = (codec: string | null, hasVideoTrack = true): VideoFacts => ({ codec, hasVideoTrack, previewReady: false });
/** A player like Debian's Chromium: H.264, VP9 and AV1, no HEVC, no MPEG-4 Part 2. */
const chromium = (type: string): string => (/avc[13]|vp09|av01/.test(type) ? 'probably' : '');
const everything = (): string => 'probably';

describe('playback from the engine facts', () => {
  it('says cannot for codecs no browser player decodes, whatever the player answers', () => {
    expect(playbackFromFacts(facts('apcn'), everything)).toEqual({ kind: 'codec', codec: 'ProRes' });
    expect(playbackFromFacts(facts('s263'), everything)).toEqual({ kind: 'codec', codec: 'H.263' });
    expect(playbackFromFacts(facts('jpeg'), everything)).toEqual({ kind: 'codec', codec: 'Motion JPEG' });
  });

  it('asks the player about codecs some players decode', () => {
    expect(playbackFromFacts(facts('hvc1'), chromium)).toEqual({ kind: 'codec', codec: 'HEVC' });
    expect(playbackFromFacts(facts('hvc1'), everything)).toEqual({ kind: 'try' });
    expect(playbackFromFacts(facts('mp4v'), chromium)).toEqual({ kind: 'codec', codec: 'MPEG-4 Part 2' });
    expect(playbackFromFacts(facts('avc1'), chromium)).toEqual({ kind: 'try' });
  });

  it('says no video for a file without a video track, and tries what it does not know', () => {
    expect(playbackFromFacts(facts(null, false), everything)).toEqual({ kind: 'no-video' });
    expect(playbackFromFacts(facts(null), () => '')).toEqual({ kind: 'try' });
    expect(playbackFromFacts(facts('zzzz'), () => '')).toEqual({ kind: 'try' });
    expect(codecName('zzzz')).toBeNull();
    expect(codecName('constructor')).toBeNull();
  });
});

describe('playback from the player events', () => {
  it('turns "not supported" into the codec, or into the file kind when the codec is H.264 or unknown', () => {
    expect(playbackFromElement({ error: 4 }, facts('hvc1'), 'mp4')).toEqual({ kind: 'codec', codec: 'HEVC' });
    expect(playbackFromElement({ error: 4 }, facts('avc1'), '3gp')).toEqual({ kind: 'format', format: '3GP' });
    expect(playbackFromElement({ error: 4 }, facts(null), null)).toEqual({ kind: 'failed' });
    // A code the table does not know is named as the file names it.
    expect(playbackFromElement({ error: 4 }, facts('zzzz'), 'mp4')).toEqual({ kind: 'codec', codec: 'zzzz' });
    expect(playbackFromElement({ error: 4 }, facts('    '), 'mp4')).toEqual({ kind: 'format', format: 'MP4' });
  });

  it('turns a decode error into failed, and is silent about network errors (a lock is no verdict on the file)', () => {
    expect(playbackFromElement({ error: 3 }, facts('avc1'), 'mp4')).toEqual({ kind: 'failed' });
    expect(playbackFromElement({ error: 2 }, facts('avc1'), 'mp4')).toBeNull();
  });

  it('says a video that loads with no picture has none it can show', () => {
    expect(playbackFromElement({ loaded: { videoWidth: 0, videoHeight: 0 } }, facts('hvc1'), 'mp4')).toEqual({ kind: 'codec', codec: 'HEVC' });
    expect(playbackFromElement({ loaded: { videoWidth: 0, videoHeight: 0 } }, facts(null), 'mp4')).toEqual({ kind: 'no-video' });
    expect(playbackFromElement({ loaded: { videoWidth: 0, videoHeight: 0 } }, facts('zzzz'), 'mp4')).toEqual({ kind: 'codec', codec: 'zzzz' });
    expect(playbackFromElement({ loaded: { videoWidth: 0, videoHeight: 0 } }, facts('avc1'), 'mp4')).toEqual({ kind: 'failed' });
    expect(playbackFromElement({ loaded: { videoWidth: 640, videoHeight: 480 } }, facts('avc1'), 'mp4')).toBeNull();
  });
});

describe('video facts from real files', () => {
  const read = async (path: string) => {
    const metadata = await extractMetadata(bufferByteSource(await readFile(join(ROOT, path))), { name: basename(path) });
    return videoFactsOf(metadata.kind, metadata);
  };

  it('reads the video track codec', async () => {
    expect(await read('real/jcodec/test.prores.mov')).toEqual({ codec: 'apcn', hasVideoTrack: true });
    expect(await read('real/mei/with-gps.mov')).toEqual({ codec: 'avc1', hasVideoTrack: true });
    // The sound track comes first in this file: the video track is still the one read.
    expect(await read('real/mei/sample.3gp')).toEqual({ codec: 'mp4v', hasVideoTrack: true });
  });

  it('has no video track when the movie header is missing, and nothing for a photo', async () => {
    expect(await read('malformed/trunc/mp4_cut_in_mdat_no_moov.mp4')).toEqual({ codec: null, hasVideoTrack: false });
    expect(await read('real/mei/Apple iPhone 4.jpg')).toBeNull();
    expect(videoFactsOf('video', null)).toEqual({ codec: null, hasVideoTrack: false });
  });
});

describe('the cached preview', () => {
  it('is named by HMAC-SHA256 under the preview-name subkey (the docs/formats.md worked example)', () => {
    const key = deriveSubkey(Buffer.alloc(32, 0x42), '00000000-0000-4000-8000-000000000001', 'previewName');
    expect(key.toString('hex')).toBe('10d28db66df58f6cf18ed1c3b8e0e699765f95c289784759b1ee6760b032864c');
    expect(PREVIEW_RECIPE).toBe('webm-vp8-opus-640px-30s-v1');
    expect(previewBlobId(key, '11111111-2222-4333-8444-555555555555')).toBe('b21197c5788ec17972ade8132c60caca');
  });

  it('is served as WebM only under its own variant', () => {
    expect(mediaContentType('playable', 'webm')).toBe('video/webm');
    expect(mediaContentType('preview', 'webm')).toBe('application/octet-stream');
    expect(mediaContentType('playable', 'mp4')).toBe('application/octet-stream');
  });

  it('is made by ffmpeg reading only over http from the mov demuxer, bounded, without the file metadata', () => {
    const args = transcodeArgs('http://127.0.0.1:9/x');
    const after = (flag: string): string | undefined => args[args.indexOf(flag) + 1];
    expect(after('-protocol_whitelist')).toBe('http,tcp');
    expect(after('-format_whitelist')).toBe('mov');
    expect(after('-t')).toBe('30');
    // An input option (before -i): as an output option it would be written as the WebM's duration.
    expect(args.indexOf('-t')).toBeLessThan(args.indexOf('-i'));
    expect(after('-map_metadata')).toBe('-1');
    expect(after('-c:v')).toBe('libvpx');
    expect(after('-f')).toBe('webm');
    expect(args.at(-1)).toBe('pipe:1');
    expect(after('-vf')).toContain('640');
  });
});
