/**
 * A bundle's verification, for a person: the verdict, who sealed it (and whether that is
 * the key they expected), then each exhibit with PASS or FAIL and one sentence, then the
 * problems that concern the bundle as a whole. Icon, word and colour together.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyReport } from '../../../../shared/bundle';
import { StatusBadge } from '../../ui/StatusBadge';
import { groupHex } from '../vault/Fingerprint';
import { bundleProblems, exhibitSentence, problemSentence } from './verdict-words';

const TRUST_KEYS = { trusted: 'verify.trust.trusted', untrusted: 'verify.trust.untrusted', 'not-compared': 'verify.trust.notCompared', unknown: 'verify.trust.unknown' } as const;

export function VerifyReportView({ report }: { readonly report: VerifyReport }): JSX.Element {
  const { t } = useTranslation();
  const general = bundleProblems(report.problems);
  return (
    <section className="verify-report" aria-label={t('verify.reportLabel')}>
      <h3 className="verdict">
        {report.valid ? <StatusBadge tone="safe" label={t('verify.pass')} /> : <StatusBadge tone="failed" label={t('verify.fail')} />}
        <span>{report.valid ? t('verify.validLine', { count: report.exhibits.length }) : t('verify.invalidLine', { count: report.problems.length })}</span>
      </h3>
      {!report.complete && <p className="note note-warning">{t('verify.incomplete')}</p>}
      <p>
        {t(TRUST_KEYS[report.signer.trust])}
        {report.signer.fingerprint !== null && (
          <>
            {' '}
            <code>{groupHex(report.signer.fingerprint)}</code>
          </>
        )}
      </p>
      {report.externalIdentifier !== null && <p className="field-hint">{t('verify.caseLine', { id: report.externalIdentifier })}</p>}
      <ol className="exhibits" aria-label={t('verify.exhibits')}>
        {report.exhibits.map((exhibit) => (
          <li key={exhibit.number} className="exhibit" data-status={exhibit.status}>
            <StatusBadge tone={exhibit.status === 'PASS' ? 'safe' : 'failed'} label={exhibit.status === 'PASS' ? t('verify.pass') : t('verify.fail')} />
            <strong>{exhibit.number}</strong>
            <span className="exhibit-name">{exhibit.originalName ?? exhibit.path ?? ''}</span>
            <span className="exhibit-sentence">{exhibitSentence(t, exhibit, report.signer)}</span>
          </li>
        ))}
      </ol>
      {general.length > 0 && (
        <>
          <h4>{t('verify.bundleProblems')}</h4>
          <ul className="file-list">
            {general.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>
                {problemSentence(t, problem.code, problem.message, report.signer.fingerprint)}
                {problem.path !== undefined && (
                  <>
                    {' '}
                    <code className="path">{problem.path}</code>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
