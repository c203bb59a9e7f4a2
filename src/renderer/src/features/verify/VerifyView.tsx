/**
 * The verify screen, for bundles received from others: a bundle folder or .zip (chosen,
 * typed or dropped), optionally the fingerprint its sender published, then the report.
 * Without a fingerprint the open vault's known senders are the confirmed keys; a sender
 * confirmed from the report is remembered and the same bundle checked again. Verifying
 * never changes the bundle.
 */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { shell } from '../../api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Icon } from '../../ui/icons';
import { VerifyProgressView } from './VerifyProgressView';
import { VerifyReportView } from './VerifyReportView';
import { useVerify } from './useVerify';

const FINGERPRINT = /^[0-9a-f]{64}$/;

export function VerifyView(): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const verify = useVerify();
  const [path, setPath] = useState('');
  const [key, setKey] = useState('');
  const [lastRun, setLastRun] = useState<{ path: string; key: string } | null>(null);
  const [remembered, setRemembered] = useState<string | null>(null);
  const cleanKey = key.replace(/[\s:]/g, '').toLowerCase();
  const keyProblem = cleanKey !== '' && !FINGERPRINT.test(cleanKey);
  const running = verify.state.phase === 'running';
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (path.trim() === '' || keyProblem) return;
    setLastRun({ path: path.trim(), key: cleanKey });
    setRemembered(null);
    void verify.run(path.trim(), cleanKey);
  };
  const onRemembered = (name: string): void => {
    setRemembered(name);
    if (lastRun !== null) void verify.run(lastRun.path, lastRun.key);
  };
  const choose = (zip: boolean): void =>
    void (zip ? shell.chooseImportSources({ title: t('verify.chooseZip'), folders: false }).then((p) => p[0] ?? null) : shell.chooseFolder({ title: t('verify.chooseFolder') }))
      .then((chosen) => chosen !== null && setPath(chosen))
      .catch(() => undefined);

  return (
    <div className="verify">
      <h2>{t('verify.title')}</h2>
      <p>{t('verify.intro')}</p>
      <form onSubmit={submit} className="settings-form">
        <div className="field">
          <label htmlFor={`${id}-path`}>{t('verify.bundle')}</label>
          <div className="field-row">
            <input id={`${id}-path`} type="text" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} autoComplete="off" />
          </div>
          <div className="button-row">
            <button type="button" className="button button-small" onClick={() => choose(false)}>
              <Icon name="folder" size={14} />
              <span>{t('verify.chooseFolder')}</span>
            </button>
            <button type="button" className="button button-small" onClick={() => choose(true)}>
              <Icon name="file" size={14} />
              <span>{t('verify.chooseZip')}</span>
            </button>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>{t('verify.key')}</label>
          <input id={`${id}-key`} type="text" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} autoComplete="off" aria-invalid={keyProblem || undefined} aria-describedby={`${id}-key-hint`} />
          <p className="field-hint" id={`${id}-key-hint`}>
            {keyProblem ? t('verify.keyInvalid') : t('verify.keyHint')}
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={path.trim() === '' || keyProblem || running}>
          {t('verify.run')}
        </button>
      </form>
      {verify.state.phase === 'running' && (
        <div>
          <VerifyProgressView progress={verify.state.progress} />
          <button type="button" className="button" onClick={verify.cancel}>
            {t('verify.cancel')}
          </button>
        </div>
      )}
      {verify.state.phase === 'cancelled' && <p role="status">{t('verify.cancelled')}</p>}
      {verify.state.phase === 'failed' && <ErrorNotice error={verify.state.error} />}
      {remembered !== null && verify.state.phase === 'done' && (
        <p role="status" className="note">
          {t('verify.remember.saved', { name: remembered })}
        </p>
      )}
      {verify.state.phase === 'done' && <VerifyReportView report={verify.state.report} onRemembered={onRemembered} />}
    </div>
  );
}
