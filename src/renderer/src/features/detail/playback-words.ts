/** The sentence that says why the window cannot play a video, from a Playback verdict. */
import type { TFunction } from 'i18next';
import type { Playback } from '../../../../shared/playback';

export function cannotPlaySentence(playback: Exclude<Playback, { kind: 'try' }>, t: TFunction): string {
  switch (playback.kind) {
    case 'codec':
      return t('playback.cannotCodec', { codec: playback.codec });
    case 'format':
      return t('playback.cannotFormat', { format: playback.format });
    case 'no-video':
      return t('playback.noVideo');
    case 'failed':
      return t('playback.failed');
  }
}
