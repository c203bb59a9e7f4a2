/**
 * The status bar's quiet trusted-time line, shown only when seals wait for a timestamp on
 * a vault that can record one: with servers saved and the computer online, how many wait
 * and "Get timestamps now"; offline, the same count and "waiting for a connection" (nothing
 * is offered, nothing is sent); with no server saved, a hint that leads to Settings. A
 * read-only vault cannot record a timestamp, so it shows nothing.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimestampStatus } from '../../../../shared/timestamp';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';

export interface TimestampLineProps {
  readonly status: TimestampStatus | null;
  readonly online: boolean;
  readonly running: boolean;
  readonly readOnly: boolean;
  readonly onRun: () => void;
  readonly onOpenSettings: () => void;
}

export function TimestampLine({ status, online, running, readOnly, onRun, onOpenSettings }: TimestampLineProps): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  if (readOnly || status === null || (status.waiting === 0 && !running)) return null;
  const count = status.waiting;
  const formatted = formatCount(count, locale);
  if (status.servers.length === 0) {
    return (
      <span className="status-item status-timestamps" data-testid="status-timestamps">
        {t('timestamps.noServers', { count, formatted })}{' '}
        <button type="button" className="button button-small" onClick={onOpenSettings}>
          {t('timestamps.addServer')}
        </button>
      </span>
    );
  }
  return (
    <span className="status-item status-timestamps" data-testid="status-timestamps">
      {running ? (
        t('timestamps.running')
      ) : (
        <>
          {t('timestamps.waiting', { count, formatted })}
          {' — '}
          {online ? (
            <button type="button" className="button button-small" onClick={onRun}>
              {t('timestamps.getNow')}
            </button>
          ) : (
            t('timestamps.offline')
          )}
        </>
      )}
    </span>
  );
}
