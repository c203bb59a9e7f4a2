/**
 * "Forgot the passphrase?": the vault opened with its recovery key (the 24 words, or
 * enough shares, pasted or typed) and given a new passphrase in one engine call
 * (recoverVault). Nothing changes on disk unless the key opens the vault; what is wrong
 * with the words or shares is named (RecoveryProblem).
 */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultInfo } from '../../../../shared/api';
import type { TamgaError } from '../../../../shared/errors';
import { passphraseProblem } from '../../../../shared/passphrase-policy';
import { asTamgaError, tamga } from '../../api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PassphraseField } from '../vault/PassphraseField';
import { StrengthMeter } from '../vault/StrengthMeter';
import { REQUIRED_SCORE } from '../vault/strength';
import { usePassphraseStrength } from '../vault/usePassphraseStrength';
import { VaultPathField } from '../vault/VaultPathField';
import { RecoveryProblem } from './RecoveryProblem';
import type { RecoverVaultRequest } from '../../../../shared/recovery';
import { sharesOf } from '../../../../shared/recovery-text';

export interface RecoverFormProps {
  readonly path: string;
  /** Absent when the folder is fixed (a vault just rebuilt by a restore): it is then shown, not asked. */
  readonly onPathChange?: (path: string) => void;
  readonly onChooseFolder?: () => void;
  /** What the form is for, instead of the general introduction. */
  readonly intro?: string;
  /** How the key opens the vault; recoverVault unless given (a restore checks the rebuilt vault's log first). */
  readonly open?: (request: RecoverVaultRequest) => Promise<VaultInfo>;
  readonly onOpened: (info: VaultInfo) => Promise<void>;
  readonly onBack: () => void;
}

export function RecoverForm(props: RecoverFormProps): JSX.Element {
  const { t } = useTranslation();
  const keyId = useId();
  const hintId = useId();
  const strengthId = useId();
  const [kind, setKind] = useState<'words' | 'shares'>('words');
  const [secret, setSecret] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<TamgaError | null>(null);
  const strength = usePassphraseStrength(next);
  const tooShort = next !== '' && passphraseProblem(next) !== null;
  const mismatch = confirm !== '' && confirm !== next;
  const ready = props.path.trim() !== '' && secret.trim() !== '' && !tooShort && strength !== null && strength.score >= REQUIRED_SCORE && confirm === next && !busy;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    const request = kind === 'words' ? { words: secret } : { shares: sharesOf(secret) };
    void (async () => {
      try {
        const recover: RecoverVaultRequest = { path: props.path.trim(), newPassphrase: next, ...request };
        const info = props.open !== undefined ? await props.open(recover) : await tamga.recoverVault(recover);
        setSecret('');
        await props.onOpened(info);
      } catch (err) {
        // The words stay for correcting the one named; the new passphrase is typed again.
        setError(asTamgaError(err));
      } finally {
        setNext('');
        setConfirm('');
        setBusy(false);
      }
    })();
  };

  return (
    <form className="gate-form" onSubmit={submit} aria-label={t('recovery.title')}>
      <h2>{t('recovery.title')}</h2>
      <p className="field-hint">{props.intro ?? t('recovery.intro')}</p>
      {props.onPathChange !== undefined && props.onChooseFolder !== undefined && (
        <VaultPathField value={props.path} onChange={props.onPathChange} onChoose={props.onChooseFolder} hint={t('vault.unlockFolderHint')} />
      )}
      <fieldset className="recovery-choice">
        <legend>{t('recovery.kind')}</legend>
        {(['words', 'shares'] as const).map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="recovery-kind"
              checked={kind === value}
              onChange={() => {
                setKind(value);
                setError(null);
              }}
            />
            {t(value === 'words' ? 'recovery.withWords' : 'recovery.withShares')}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={keyId}>{t(kind === 'words' ? 'recovery.wordsLabel' : 'recovery.sharesLabel')}</label>
        <textarea
          id={keyId}
          rows={kind === 'words' ? 4 : 5}
          value={secret}
          onChange={(e) => {
            setSecret(e.target.value);
            setError(null);
          }}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          aria-invalid={error !== null && error.code !== 'WEAK_PASSPHRASE' ? true : undefined}
        />
        <p className="field-hint" id={hintId}>
          {t(kind === 'words' ? 'recovery.wordsHint' : 'recovery.sharesHint')}
        </p>
      </div>
      <PassphraseField name="new-passphrase" label={t('vault.newPassphrase')} value={next} onChange={setNext} describedBy={strengthId} />
      <StrengthMeter id={strengthId} strength={strength} tooShort={tooShort} />
      <PassphraseField name="confirm-passphrase" label={t('vault.confirmPassphrase')} value={confirm} onChange={setConfirm} invalid={mismatch} />
      {mismatch && <p className="note note-warning">{t('vault.mismatch')}</p>}
      {error !== null && <RecoveryProblem error={error} />}
      {error !== null && <ErrorNotice error={error} />}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!ready} aria-busy={busy}>
          {busy ? t('recovery.submitting') : t('recovery.submit')}
        </button>
        <button type="button" className="button" onClick={props.onBack}>
          {t('recovery.back')}
        </button>
      </div>
    </form>
  );
}
