/** Unlocking a vault: its folder (with what vault.json says about it) and the passphrase. */
import type { FormEvent, JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PassphraseField } from './PassphraseField';
import { VaultPathField } from './VaultPathField';
import { VaultPreviewNote } from './VaultPreviewNote';
import type { VaultPreview } from './useVaultPreview';

export interface UnlockFormProps {
  readonly path: string;
  readonly onPathChange: (path: string) => void;
  readonly onChooseFolder: () => void;
  readonly preview: VaultPreview;
  readonly passphrase: string;
  readonly onPassphraseChange: (value: string) => void;
  readonly busy: boolean;
  readonly error: TamgaError | null;
  readonly onSubmit: () => void;
}

export function UnlockForm(props: UnlockFormProps): JSX.Element {
  const { t } = useTranslation();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    props.onSubmit();
  };
  const ready = props.path.trim() !== '' && props.passphrase !== '' && !props.busy;
  return (
    <form className="gate-form" onSubmit={submit} aria-label={t('vault.unlockTitle')}>
      <VaultPathField value={props.path} onChange={props.onPathChange} onChoose={props.onChooseFolder} hint={t('vault.unlockFolderHint')} />
      <VaultPreviewNote preview={props.preview} />
      <PassphraseField name="passphrase" label={t('vault.passphrase')} value={props.passphrase} onChange={props.onPassphraseChange} autoFocus invalid={props.error?.code === 'WRONG_PASSPHRASE'} />
      {props.error !== null && <ErrorNotice error={props.error} />}
      <button type="submit" className="button button-primary" disabled={!ready} aria-busy={props.busy}>
        {props.busy ? t('vault.unlocking') : t('vault.unlock')}
      </button>
    </form>
  );
}
