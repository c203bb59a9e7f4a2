/**
 * Changing the vault passphrase: the current one, a new one (with the same strength
 * rules as at creation) typed twice. Only the key wrapping changes; no data is rewritten.
 */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { passphraseProblem } from '../../../../shared/passphrase-policy';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge } from '../../ui/StatusBadge';
import { PassphraseField } from '../vault/PassphraseField';
import { StrengthMeter } from '../vault/StrengthMeter';
import { REQUIRED_SCORE } from '../vault/strength';
import { usePassphraseStrength } from '../vault/usePassphraseStrength';

export interface ChangePassphraseFormProps {
  readonly onChange: (oldPassphrase: string, newPassphrase: string) => Promise<void>;
  readonly error: TamgaError | null;
  readonly done: boolean;
}

export function ChangePassphraseForm({ onChange, error, done }: ChangePassphraseFormProps): JSX.Element {
  const { t } = useTranslation();
  const strengthId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const strength = usePassphraseStrength(next);
  const tooShort = next !== '' && passphraseProblem(next) !== null;
  const ready = current !== '' && !tooShort && strength !== null && strength.score >= REQUIRED_SCORE && confirm === next && !busy;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    void onChange(current, next).finally(() => {
      setCurrent('');
      setNext('');
      setConfirm('');
      setBusy(false);
    });
  };
  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="passphrase-title">
      <h3 id="passphrase-title">{t('settings.passphraseTitle')}</h3>
      <PassphraseField name="current-passphrase" label={t('settings.currentPassphrase')} value={current} onChange={setCurrent} />
      <PassphraseField name="new-passphrase" label={t('vault.newPassphrase')} value={next} onChange={setNext} describedBy={strengthId} />
      <StrengthMeter id={strengthId} strength={strength} tooShort={tooShort} />
      <PassphraseField name="confirm-passphrase" label={t('vault.confirmPassphrase')} value={confirm} onChange={setConfirm} invalid={confirm !== '' && confirm !== next} />
      {error !== null && <ErrorNotice error={error} />}
      {done && <StatusBadge tone="safe" label={t('settings.passphraseChanged')} />}
      <button type="submit" className="button button-primary" disabled={!ready} aria-busy={busy}>
        {busy ? t('settings.changing') : t('settings.changePassphrase')}
      </button>
    </form>
  );
}
