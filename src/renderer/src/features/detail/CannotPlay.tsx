/**
 * A video this window cannot play: the plain reason, a still frame when a real one was
 * decoded at import (labelled a still, never dressed as a player), the way to watch it
 * elsewhere (a saved copy in another player), and the playable preview: offered, being
 * made, or shown, always labelled as a preview and not the original.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../../shared/items';
import type { Playback } from '../../../../shared/playback';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Icon } from '../../ui/icons';
import { cannotPlaySentence } from './playback-words';
import type { VideoPreviewState } from './useVideoPreview';

/** As in src/main/engine/thumbnails/ffmpeg-transcode.ts. */
const PREVIEW_SECONDS = 30;

export interface CannotPlayProps {
  readonly item: ItemDetail;
  readonly playback: Exclude<Playback, { kind: 'try' }>;
  /** A real frame decoded at import; undefined when none was. */
  readonly stillUrl: string | undefined;
  readonly playableUrl: string | undefined;
  readonly state: VideoPreviewState;
  readonly onMake: () => void;
}

export function CannotPlay({ item, playback, stillUrl, playableUrl, state, onMake }: CannotPlayProps): JSX.Element {
  const { t } = useTranslation();
  // A file with no video track has nothing to preview.
  const previewable = playback.kind !== 'no-video';
  return (
    <div className="media media-cannot-play" data-testid="cannot-play">
      {state.kind === 'ready' && playableUrl !== undefined ? (
        <figure className="media-figure">
          <video className="media-video" controls preload="metadata" src={playableUrl} poster={stillUrl} aria-label={t('playback.previewVideoLabel', { name: item.originalName })} />
          <figcaption className="media-caption">
            <Icon name="info" /> {t('playback.previewLabel', { seconds: PREVIEW_SECONDS })}
          </figcaption>
        </figure>
      ) : stillUrl !== undefined ? (
        <figure className="media-figure">
          <img className="media-image" src={stillUrl} alt={t('playback.stillAlt', { name: item.originalName })} />
          <figcaption className="media-caption">{t('playback.stillCaption')}</figcaption>
        </figure>
      ) : (
        <Icon name="video" size={40} />
      )}
      <div className="notice notice-warning" role="status">
        <Icon name="warning" />
        <div>
          <p className="notice-text">{cannotPlaySentence(playback, t)}</p>
          <p className="note">{t('playback.otherPlayer')}</p>
        </div>
      </div>
      {previewable && state.kind !== 'ready' && (
        <div className="preview-offer">
          <button type="button" className="button button-small" onClick={onMake} disabled={state.kind === 'making'}>
            {t('playback.makePreview')}
          </button>
          <p className="note">{t('playback.makePreviewHint', { seconds: PREVIEW_SECONDS })}</p>
          {state.kind === 'making' && <p className="note" role="status">{t('playback.making')}</p>}
          {state.kind === 'refused' && <p className="note note-warning" role="status">{t(`playback.refused.${state.why}`)}</p>}
          {state.kind === 'error' && <ErrorNotice error={state.error} />}
        </div>
      )}
    </div>
  );
}
