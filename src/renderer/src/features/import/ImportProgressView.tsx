/**
 * A running import: files and bytes in total, the file in progress with its own bar,
 * the speed and the time left, and Cancel (what finished stays in the vault).
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { ImportProgress } from '../../../../shared/import';
import { formatBytes, formatCount, formatDuration } from '../../format/numbers';
import { secondsLeft, speedOf, type Sample } from './rate';

export interface ImportProgressViewProps {
  readonly progress: ImportProgress | null;
  readonly samples: readonly Sample[];
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function ImportProgressView({ progress, samples, cancelling, onCancel }: ImportProgressViewProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const speed = speedOf(samples);
  const left = progress === null ? null : secondsLeft(progress.bytesTotal - progress.bytesDone, speed);
  const scanning = progress === null || progress.phase === 'scanning';
  return (
    <div className="import-progress">
      <h2 className="panel-title">{cancelling ? t('import.cancelling') : t('import.running')}</h2>
      {scanning ? (
        <p>{t('import.scanning')}</p>
      ) : (
        <>
          <label className="progress-label">
            <span>
              {t('import.filesProgress', { done: formatCount(progress.filesDone, locale), total: formatCount(progress.filesTotal, locale) })} ·{' '}
              {t('import.bytesProgress', { done: formatBytes(progress.bytesDone, locale), total: formatBytes(progress.bytesTotal, locale) })}
            </span>
            <progress max={Math.max(1, progress.bytesTotal)} value={progress.bytesDone} aria-label={t('import.totalProgress')} />
          </label>
          {progress.currentPath !== null && (
            <label className="progress-label">
              <span className="current-file">{t('import.currentFile', { name: fileName(progress.currentPath) })}</span>
              <progress max={Math.max(1, progress.currentBytesTotal)} value={progress.currentBytesDone} aria-label={t('import.fileProgress')} />
            </label>
          )}
          <p className="import-rate" data-testid="import-rate">
            {speed === null ? t('import.measuring') : t('import.speed', { speed: formatBytes(speed, locale) })}
            {' · '}
            {left === null ? t('import.timeLeftUnknown') : t('import.timeLeft', { time: formatDuration(left) })}
          </p>
        </>
      )}
      <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
        {t('import.cancel')}
      </button>
      <p className="field-hint">{t('import.cancelHint')}</p>
    </div>
  );
}
