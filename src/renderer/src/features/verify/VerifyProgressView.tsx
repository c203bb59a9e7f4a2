/** A verification in progress: its phase and the bytes hashed so far. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyProgress } from '../../../../shared/bundle';
import { formatBytes } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';

export function VerifyProgressView({ progress }: { readonly progress: VerifyProgress | null }): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="progress-label" role="status">
      <span>
        {t('verify.checking')}
        {progress !== null && progress.bytesTotal > 0 && ` ${t('import.bytesProgress', { done: formatBytes(progress.bytesDone, locale), total: formatBytes(progress.bytesTotal, locale) })}`}
      </span>
      <progress max={Math.max(1, progress?.bytesTotal ?? 1)} value={progress?.bytesDone ?? 0} aria-label={t('verify.checking')} />
    </div>
  );
}
