/**
 * Settings → Recovery key: whether this vault has one (made when, words or k-of-n shares),
 * making one (or replacing it: the old one stops working here), shown once by
 * RecoveryKeyShown, and removing it after a confirmation. The engine records each on the
 * vault chain, never the key.
 */
import { useId, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultInfo } from '../../../../shared/api';
import type { TamgaError } from '../../../../shared/errors';
import type { RecoveryKeyMade } from '../../../../shared/recovery';
import { asTamgaError, tamga } from '../../api';
import { formatInstant } from '../../format/dates';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { RecoveryKeyShown } from './RecoveryKeyShown';

export interface RecoverySettingsProps {
  readonly info: VaultInfo;
  /** After a key is made or removed (the vault's info says whether it has one). */
  readonly onChanged: () => Promise<void>;
}

type Step = { readonly kind: 'idle' } | { readonly kind: 'choosing' } | { readonly kind: 'removing' } | { readonly kind: 'shown'; readonly made: RecoveryKeyMade };

export function RecoverySettings({ info, onChanged }: RecoverySettingsProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const kId = useId();
  const nId = useId();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [split, setSplit] = useState(false);
  const [k, setK] = useState(2);
  const [n, setN] = useState(3);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TamgaError | null>(null);
  const recovery = info.recovery;

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(asTamgaError(err));
    } finally {
      setBusy(false);
    }
  };
  const make = (): Promise<void> =>
    run(async () => {
      const made = await tamga.createRecoveryKey({ shares: split ? { k, n } : null });
      setStep({ kind: 'shown', made });
      await onChanged();
    });
  const remove = (): Promise<void> =>
    run(async () => {
      await tamga.removeRecoveryKey();
      setStep({ kind: 'idle' });
      await onChanged();
    });
  const splitOk = !split || (Number.isInteger(k) && Number.isInteger(n) && k >= 2 && n >= k && n <= 16);

  return (
    <section aria-labelledby="recovery-section" className="recovery-settings">
      <h3 id="recovery-section">{t('recovery.settingsTitle')}</h3>
      <p className="field-hint">{t('recovery.settingsIntro')}</p>
      <p data-testid="recovery-status">
        {recovery === null
          ? t('recovery.none')
          : recovery.shares === null
            ? t('recovery.exists', { date: formatInstant(recovery.createdAt, locale) })
            : t('recovery.existsShares', { date: formatInstant(recovery.createdAt, locale), k: recovery.shares.k, n: recovery.shares.n })}
      </p>
      {step.kind === 'shown' && <RecoveryKeyShown made={step.made} onDone={() => setStep({ kind: 'idle' })} />}
      {step.kind === 'idle' && (
        <div className="button-row">
          <button type="button" className="button" disabled={info.readOnly} onClick={() => setStep({ kind: 'choosing' })}>
            {recovery === null ? t('recovery.create') : t('recovery.replace')}
          </button>
          {recovery !== null && (
            <button type="button" className="button" disabled={info.readOnly} onClick={() => setStep({ kind: 'removing' })}>
              {t('recovery.remove')}
            </button>
          )}
        </div>
      )}
      {step.kind === 'choosing' && (
        <div className="recovery-choose">
          {recovery !== null && <p className="note note-warning">{t('recovery.replaceWarning')}</p>}
          <label className="check">
            <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
            {t('recovery.split')}
          </label>
          {split && (
            <div className="recovery-split">
              <div className="field">
                <label htmlFor={kId}>{t('recovery.k')}</label>
                <input id={kId} type="number" min={2} max={16} value={k} onChange={(e) => setK(Number(e.target.value))} />
              </div>
              <div className="field">
                <label htmlFor={nId}>{t('recovery.n')}</label>
                <input id={nId} type="number" min={2} max={16} value={n} onChange={(e) => setN(Number(e.target.value))} />
              </div>
              {!splitOk && <p className="note note-warning">{t('recovery.splitRule')}</p>}
            </div>
          )}
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={busy || !splitOk} aria-busy={busy} onClick={() => void make()}>
              {t('recovery.make')}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('recovery.cancel')}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'removing' && (
        <div className="recovery-remove">
          <p className="note note-warning">{t('recovery.removeConfirm')}</p>
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={busy} aria-busy={busy} onClick={() => void remove()}>
              {t('recovery.removeYes')}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('recovery.cancel')}
            </button>
          </div>
        </div>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
