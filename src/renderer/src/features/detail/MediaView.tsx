/**
 * The item itself: a photo's preview (already upright: the importer applied the
 * orientation), or a video streamed from the original through the media protocol, with
 * its preview as the poster. The video loads nothing until the person presses play, so
 * that merely looking at the list does not count as viewing the original.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineSentence } from '../../ui/EngineSentence';
import type { ItemDetail } from '../../../../shared/items';
import { Icon } from '../../ui/icons';

export interface MediaViewProps {
  readonly item: ItemDetail;
  readonly previewUrl: string | undefined;
  readonly originalUrl: string | undefined;
  /** The video started playing: the engine has recorded a viewing of the original. */
  readonly onPlaying?: () => void;
}

export function MediaView({ item, previewUrl, originalUrl, onPlaying }: MediaViewProps): JSX.Element {
  const { t } = useTranslation();
  const hasPreview = item.thumbStatus === 'ok' || item.thumbStatus === 'placeholder';
  if (item.kind === 'video' && originalUrl !== undefined) {
    return (
      <div className="media">
        <video className="media-video" controls preload="none" src={originalUrl} poster={hasPreview ? previewUrl : undefined} aria-label={t('detail.videoLabel', { name: item.originalName })} onPlaying={onPlaying} />
      </div>
    );
  }
  if (hasPreview && previewUrl !== undefined) {
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
