/**
 * What "Get timestamps now" did, in plain words, one line per server: how many seals it
 * stamped, or that it could not be reached (or gave no timestamp, and why) and that nothing
 * was recorded for it. Each line carries an icon and a word, never colour alone. Bundles
 * already sent do not change by this; the report says how they get theirs.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge } from '../../ui/StatusBadge';
import { summariseByServer } from './stamp-summary';
import type { StampReport } from './useTimestamps';

export function TimestampReport({ report, onDismiss }: { readonly report: StampReport; readonly onDismiss: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  if (report === null) return null;
  const close = (
    <button type="button" className="button button-small" onClick={onDismiss}>
      {t('common.close')}
    </button>
  );
  if (report.kind === 'failed') {
    return (
      <section className="timestamp-report" aria-label={t('timestamps.reportTitle')}>
        <ErrorNotice error={report.error} />
        {close}
      </section>
    );
  }
  const { result } = report;
  const servers = summariseByServer(result);
  return (
    <section className="timestamp-report" aria-label={t('timestamps.reportTitle')} aria-live="polite">
      <h2 className="timestamp-report-title">{t('timestamps.reportTitle')}</h2>
      {result.outcomes.length === 0 ? (
        <p>{t('timestamps.nothingToDo')}</p>
      ) : (
        <ul className="timestamp-servers-outcome">
          {servers.map((server) => (
            <li key={server.tsa} data-testid="timestamp-outcome">
              {server.stamped > 0 && (
                <StatusBadge tone="safe" label={t('timestamps.stamped', { server: server.tsa, count: server.stamped, formatted: formatCount(server.stamped, locale) })} />
              )}
              {server.error !== null &&
                (server.error.code === 'TSA_UNREACHABLE' ? (
                  <StatusBadge tone="warning" label={t('timestamps.unreachable', { server: server.tsa })} />
                ) : (
                  <>
                    <StatusBadge tone="failed" label={t('timestamps.noTimestamp', { server: server.tsa })} />
                    <span className="field-hint"> {t(`errors.${server.error.code}`)}</span>
                  </>
                ))}
            </li>
          ))}
        </ul>
      )}
      <p className="note">
        {t('timestamps.total', { count: result.seals, stamped: formatCount(result.stamped, locale), formatted: formatCount(result.seals, locale) })} {t('timestamps.sentBundles')}
      </p>
      {close}
    </section>
  );
}
