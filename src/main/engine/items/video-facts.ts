/**
 * What the window needs to decide whether it can play a video, from the metadata the
 * import read (metadata/video.ts keeps every track's handler and sample entry under
 * raw.container.tracks): the video track's codec, and whether there is a readable video
 * track at all. A file whose 'moov' is missing (cut short, or stripped) has none.
 */
import type { ExtractedMetadata, JsonValue } from '../../../shared/metadata';
import type { VideoFacts } from '../../../shared/playback';

interface TrackJson {
  readonly handler: string | null;
  readonly enabled: boolean | null;
  readonly width: number | null;
  readonly sampleFormat: string | null;
}

function tracksOf(metadata: ExtractedMetadata): TrackJson[] | null {
  const container = metadata.raw['container'] as { [key: string]: JsonValue } | undefined;
  const tracks = container?.['tracks'];
  if (!Array.isArray(tracks)) return null;
  return tracks.filter((t): t is { [key: string]: JsonValue } => typeof t === 'object' && t !== null && !Array.isArray(t)).map((t) => ({
    handler: typeof t['handler'] === 'string' ? t['handler'] : null,
    enabled: typeof t['enabled'] === 'boolean' ? t['enabled'] : null,
    width: typeof t['width'] === 'number' ? t['width'] : null,
    sampleFormat: typeof t['sampleFormat'] === 'string' ? t['sampleFormat'] : null,
  }));
}

/** Null for anything that is not a video; `previewReady` is the caller's to fill in. */
export function videoFactsOf(kind: string, metadata: ExtractedMetadata | null): Omit<VideoFacts, 'previewReady'> | null {
  if (kind !== 'video') return null;
  const tracks = metadata === null ? null : tracksOf(metadata);
  // No metadata or no track list: the 'moov' was never read, so nothing in the file says how to play it.
  if (tracks === null) return { codec: null, hasVideoTrack: false };
  // The same choice as metadata/video.ts: an enabled video track with a size, else the first.
  const video = tracks.filter((t) => t.handler === 'vide');
  const track = video.find((t) => t.enabled === true && (t.width ?? 0) > 0) ?? video[0];
  if (track === undefined) return { codec: null, hasVideoTrack: false };
  return { codec: track.sampleFormat, hasVideoTrack: true };
}
