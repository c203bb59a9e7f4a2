/**
 * Creating a vault: an empty or new folder, a passphrase typed twice with its strength
 * explained, whether imports also compute the legacy hashes, and who operates it
 * (optional, with why it matters and what it is: their own statement, not an identity
 * check). Nothing is created until the passphrase is long and strong enough, both copies
 * match and the operator's fields can be stored.
 */
import { useId, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { draftProblems, OperatorFields, type OperatorDraft } from '../operator/OperatorFields';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';
import { VaultPathField } from './VaultPathField';
import type { Strength } from './strength';

export interface CreateFormProps {
  readonly path: string;
  readonly onPathChange: (path: string) => void;
  readonly onChooseFolder: () => void;
  readonly passphrase: string;
  readonly onPassphraseChange: (value: string) => void;
  readonly confirm: string;
  readonly onConfirmChange: (value: string) => void;
  readonly strength: Strength | null;
  readonly tooShort: boolean;
  readonly acceptable: boolean;
  readonly legacyHashes: boolean;
  readonly onLegacyHashesChange: (on: boolean) => void;
  readonly operator: OperatorDraft;
  readonly onOperatorChange: (draft: OperatorDraft) => void;
  readonly busy: boolean;
  readonly error: TamgaError | null;
  readonly onSubmit: () => void;
}

export function CreateForm(props: CreateFormProps): JSX.Element {
  const { t } = useTranslation();
  const strengthId = useId();
  const legacyId = useId();
  const operatorId = useId();
  const mismatch = props.confirm !== '' && props.confirm !== props.passphrase;
  const operatorOk = Object.keys(draftProblems(props.operator)).length === 0;
  const ready = props.path.trim() !== '' && props.acceptable && props.confirm === props.passphrase && operatorOk && !props.busy;
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (ready) props.onSubmit();
  };
  return (
    <form className="gate-form" onSubmit={submit} aria-label={t('vault.createTitle')}>
      <VaultPathField value={props.path} onChange={props.onPathChange} onChoose={props.onChooseFolder} hint={t('vault.createFolderHint')} />
      <PassphraseField name="new-passphrase" label={t('vault.newPassphrase')} value={props.passphrase} onChange={props.onPassphraseChange} describedBy={strengthId} />
      <StrengthMeter id={strengthId} strength={props.strength} tooShort={props.tooShort} />
      <PassphraseField name="confirm-passphrase" label={t('vault.confirmPassphrase')} value={props.confirm} onChange={props.onConfirmChange} invalid={mismatch} />
      {mismatch && <p className="note note-warning">{t('vault.mismatch')}</p>}
      <div className="check">
        <input id={legacyId} type="checkbox" checked={props.legacyHashes} onChange={(e) => props.onLegacyHashesChange(e.target.checked)} />
        <label htmlFor={legacyId}>{t('settings.legacyHashes')}</label>
      </div>
      <p className="field-hint">{t('vault.passphraseWarning')}</p>
      <fieldset className="operator-section" aria-labelledby={operatorId}>
        <legend id={operatorId}>{t('operator.title')}</legend>
        <p className="field-hint">{t('operator.intro')}</p>
        <OperatorFields draft={props.operator} onChange={props.onOperatorChange} />
      </fieldset>
      {props.error !== null && <ErrorNotice error={props.error} />}
      <button type="submit" className="button button-primary" disabled={!ready} aria-busy={props.busy}>
        {props.busy ? t('vault.creating') : t('vault.create')}
      </button>
    </form>
  );
}
