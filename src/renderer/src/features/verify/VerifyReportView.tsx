/**
 * A bundle's verification, for a person: the verdict, who sealed it (and whether that is
 * the key they expected or a known sender), then each exhibit with PASS, UNCONFIRMED or
 * FAIL and one sentence, then the problems that concern the bundle as a whole. Icon, word
 * and colour together. A bundle sealed by a key nobody confirmed is never a green PASS: a
 * forger who replaced every file and re-signed everything with their own key gets exactly
 * that, so it is amber, "Intact — sender not confirmed", with the way to confirm it.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { utcMinute, type ExhibitStatus, type VerifyReport } from '../../../../shared/bundle';
import { StatusBadge, type Tone } from '../../ui/StatusBadge';
import { groupHex } from '../vault/Fingerprint';
import { RememberSender } from './RememberSender';
import { bundleProblems, exhibitSentence, operatorsLine, problemSentence } from './verdict-words';
import { anyOperatorStated } from '../../../../shared/operator';

const TRUST_KEYS = {
  trusted: 'verify.trust.trusted',
  'known-sender': 'verify.trust.knownSender',
  untrusted: 'verify.trust.untrusted',
  unconfirmed: 'verify.trust.unconfirmed',
  unknown: 'verify.trust.unknown',
} as const;

const EXHIBIT_TONES: Record<ExhibitStatus, Tone> = { PASS: 'safe', UNCONFIRMED: 'warning', FAIL: 'failed' };
const EXHIBIT_WORDS = { PASS: 'verify.pass', UNCONFIRMED: 'verify.unconfirmed', FAIL: 'verify.fail' } as const;

function Verdict({ report }: { readonly report: VerifyReport }): JSX.Element {
  const { t } = useTranslation();
  switch (report.verdict) {
    case 'valid':
      return (
        <h3 className="verdict" data-verdict="valid">
          <StatusBadge tone="safe" label={t('verify.pass')} />
          <span>
            {t('verify.validLine', { count: report.exhibits.length })}
            {report.signer.trust === 'known-sender' && ` ${t('verify.validByLine', { name: report.signer.name ?? '' })}`}
          </span>
        </h3>
      );
    case 'intact-unconfirmed-signer':
      return (
        <h3 className="verdict" data-verdict="intact-unconfirmed-signer">
          <StatusBadge tone="warning" label={t('verify.unconfirmed')} />
          <span>{t('verify.unconfirmedLine')}</span>
        </h3>
      );
    case 'invalid':
      return (
        <h3 className="verdict" data-verdict="invalid">
          <StatusBadge tone="failed" label={t('verify.fail')} />
          <span>{t('verify.invalidLine', { count: Object.values(report.problemCounts).reduce((sum, n) => sum + (n ?? 0), 0) })}</span>
        </h3>
      );
  }
}

/** One problem or note of the whole bundle: its sentence and the file it concerns. */
function Finding({ sentence, path }: { readonly sentence: string; readonly path: string | undefined }): JSX.Element {
  return (
    <li>
      {sentence}
      {path !== undefined && (
        <>
          {' '}
          <code className="path">{path}</code>
        </>
      )}
    </li>
  );
}

export function VerifyReportView({ report, onRemembered }: { readonly report: VerifyReport; readonly onRemembered?: (name: string) => void }): JSX.Element {
  const { t } = useTranslation();
  // The unconfirmed signer has its own panel below; listing it again would read as a second finding.
  const general = bundleProblems(report.problems).filter((p) => p.code !== 'SIGNER_NOT_CONFIRMED');
  const { signer } = report;
  return (
    <section className="verify-report" aria-label={t('verify.reportLabel')}>
      <Verdict report={report} />
      {!report.complete && <p className="note note-warning">{t('verify.incomplete')}</p>}
      <p>
        {t(TRUST_KEYS[signer.trust], { name: signer.name ?? '' })}
        {signer.fingerprint !== null && (
          <>
            {' '}
            <code>{groupHex(signer.fingerprint)}</code>
          </>
        )}
      </p>
      {signer.trust === 'unconfirmed' && signer.fingerprint !== null && onRemembered !== undefined && <RememberSender fingerprint={signer.fingerprint} onRemembered={onRemembered} />}
      {report.externalIdentifier !== null && <p className="field-hint">{t('verify.caseLine', { id: report.externalIdentifier })}</p>}
      {report.custodyLog !== null && !report.problems.some((p) => p.code.startsWith('LOG_')) && <p data-testid="custody-log">{t('verify.custodyLogComplete', { count: report.custodyLog.size })}</p>}
      {report.timestamps.length === 0 ? (
        <p className="field-hint" data-testid="timestamp-line">{t('verify.noTimestamp')}</p>
      ) : (
        report.timestamps.map((stamp) => (
          <p key={stamp.path} className="field-hint" data-testid="timestamp-line">
            {t(stamp.trusted ? 'verify.timestampLine' : 'verify.timestampUnconfirmed', { time: utcMinute(stamp.genTime), tsa: stamp.tsa })}
          </p>
        ))
      )}
      <ol className="exhibits" aria-label={t('verify.exhibits')}>
        {report.exhibits.map((exhibit) => (
          <li key={exhibit.number} className="exhibit" data-status={exhibit.status}>
            <StatusBadge tone={EXHIBIT_TONES[exhibit.status]} label={t(EXHIBIT_WORDS[exhibit.status])} />
            <strong>{exhibit.number}</strong>
            <span className="exhibit-name" translate="no">
              {exhibit.originalName ?? exhibit.path ?? ''}
            </span>
            <span className="exhibit-sentence">{exhibitSentence(t, exhibit, signer)}</span>
            {anyOperatorStated(exhibit.custodyOperators) && (
              <span className="exhibit-sentence exhibit-operators" data-testid="exhibit-operators">
                {t('verify.operatorsLine', { operators: operatorsLine(t, exhibit.custodyOperators, exhibit.custodyOperatorsOmitted) })}
              </span>
            )}
          </li>
        ))}
      </ol>
      {general.length > 0 && (
        <>
          <h4>{t('verify.bundleProblems')}</h4>
          <ul className="file-list">
            {general.map((problem, index) => (
              <Finding key={`${problem.code}-${index}`} sentence={problemSentence(t, problem.code, problem.message, signer.fingerprint)} path={problem.path} />
            ))}
          </ul>
        </>
      )}
      {report.noteCount > 0 && (
        <>
          <h4>{t('verify.notes', { count: report.noteCount })}</h4>
          <ul className="file-list">
            {report.notes.map((note, index) => (
              <Finding key={`${note.code}-${index}`} sentence={t(`verify.noteWords.${note.code}`)} path={note.path} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
