/**
 * The item itself: a photo's preview (already upright: the importer applied the
 * orientation), or a video streamed from the original through the media protocol, with
 * its preview as the poster. The video loads nothing until the person presses play, so
 * that merely looking at the list does not count as viewing the original.
 *
 * A video the window cannot play says so and why instead of a grey player (CannotPlay):
 * decided from what the engine read (the codec, or no video track) before anything loads,
 * or from the player's own error and metadata events once it tries, whichever comes first.
 * Only a real frame is ever a poster or a still: the placeholder of a video no frame could
 * be decoded from is not shown as if it could play.
 */
import { useMemo, useState, type JSX, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineSentence } from '../../ui/EngineSentence';
import type { ItemDetail } from '../../../../shared/items';
import { playbackFromElement, playbackFromFacts, type Playback, type VideoFacts } from '../../../../shared/playback';
import { Icon } from '../../ui/icons';
import { CannotPlay } from './CannotPlay';
import type { VideoPreviewState } from './useVideoPreview';

export interface MediaViewProps {
  readonly item: ItemDetail;
  readonly previewUrl: string | undefined;
  readonly originalUrl: string | undefined;
  /** The playable preview's URL, once there is one. */
  readonly playableUrl: string | undefined;
  readonly videoPreview: VideoPreviewState;
  readonly onMakePreview: () => void;
  /** The video started playing: the engine has recorded a viewing of the original. */
  readonly onPlaying?: () => void;
}

const NO_FACTS: VideoFacts = { codec: null, hasVideoTrack: true, previewReady: false };

function canPlayType(type: string): string {
  return document.createElement('video').canPlayType(type);
}

export function MediaView({ item, previewUrl, originalUrl, playableUrl, videoPreview, onMakePreview, onPlaying }: MediaViewProps): JSX.Element {
  const { t } = useTranslation();
  const facts = item.video ?? NO_FACTS;
  const known = useMemo(() => playbackFromFacts(facts, canPlayType), [facts]);
  // What the player said when it tried (the parent keys this view by item).
  const [reported, setReported] = useState<Playback | null>(null);
  const playback = known.kind === 'try' ? (reported ?? known) : known;
  const realFrame = item.thumbStatus === 'ok' ? previewUrl : undefined;
  const hasPreview = item.thumbStatus === 'ok' || item.thumbStatus === 'placeholder';

  if (item.kind === 'video' && playback.kind !== 'try') {
    return <CannotPlay item={item} playback={playback} stillUrl={realFrame} playableUrl={playableUrl} state={videoPreview} onMake={onMakePreview} />;
  }
  if (item.kind === 'video' && originalUrl !== undefined) {
    const onError = (event: SyntheticEvent<HTMLVideoElement>): void => {
      const code = event.currentTarget.error?.code;
      if (code !== undefined) setReported(playbackFromElement({ error: code }, facts, item.format));
    };
    const onLoaded = (event: SyntheticEvent<HTMLVideoElement>): void => {
      const { videoWidth, videoHeight } = event.currentTarget;
      setReported(playbackFromElement({ loaded: { videoWidth, videoHeight } }, facts, item.format));
    };
    return (
      <div className="media">
        <video
          className="media-video"
          controls
          preload="none"
          src={originalUrl}
          poster={realFrame}
          aria-label={t('detail.videoLabel', { name: item.originalName })}
          onPlaying={onPlaying}
          onError={onError}
          onLoadedMetadata={onLoaded}
        />
      </div>
    );
  }
  if (hasPreview && previewUrl !== undefined && item.kind !== 'video') {
    return (
      <div className="media">
        <img className="media-image" src={previewUrl} alt={t('detail.previewAlt', { name: item.originalName })} />
        {item.thumbStatus === 'placeholder' && <p className="field-hint">{item.thumbReason === null ? t('detail.placeholder') : <EngineSentence text={item.thumbReason} group="previewReason" />}</p>}
      </div>
    );
  }
  return (
    <div className="media media-none">
      <Icon name="file" size={40} />
      <p className="field-hint">{item.thumbReason === null ? t('detail.noPreview') : <EngineSentence text={item.thumbReason} group="previewReason" />}</p>
    </div>
  );
}
