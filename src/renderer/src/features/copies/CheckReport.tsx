/**
 * The report of "Check this copy": the opening sentence (check-summary.ts: what was read,
 * against which manifest, a sample said as a sample), each problem named, objects nobody
 * vouches for counted (never used), and the engine's notes.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplicaCheckReport } from '../../../../shared/replica';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';
import { StatusBadge } from '../../ui/StatusBadge';
import { checkSummary } from './check-summary';
import { ProblemList } from './ProblemList';

export function CheckReport({ report, name }: { readonly report: ReplicaCheckReport; readonly name: string }): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = checkSummary(report);
  const values = Object.fromEntries(Object.entries(summary.values).map(([k, v]) => [k, formatCount(v, locale)]));
  return (
    <div className={report.ok ? 'notice' : 'notice notice-failed'} role="status" data-testid="replica-check-report" data-ok={report.ok}>
      <div>
        <StatusBadge tone={report.ok ? 'safe' : 'failed'} label={report.ok ? t('copies.check.passed') : t('copies.check.problems')} />
        <p className="notice-text">{t(summary.key, { ...values, name, count: summary.values['count'] ?? 0, formatted: values['count'] ?? '' })}</p>
        <ProblemList problems={report.problems} />
        {report.ignored.length > 0 && <p className="field-hint">{t('copies.check.ignored', { count: report.ignored.length, formatted: formatCount(report.ignored.length, locale) })}</p>}
        {report.notes.length > 0 && (
          <details className="notice-details">
            <summary>{t('copies.check.notes')}</summary>
            <p>{t('common.engineWords')}</p>
            <pre className="engine-words" lang="en" translate="no">
              {report.notes.join('\n')}
            </pre>
          </details>
        )}
      </div>
    </div>
  );
}
