/**
 * The vault's folder: chosen with the system's folder dialog, or typed (the fallback,
 * and the way tests and keyboard users get there fastest).
 */
import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';

export interface VaultPathFieldProps {
  readonly value: string;
  readonly onChange: (path: string) => void;
  readonly onChoose: () => void;
  readonly hint: string;
}

export function VaultPathField({ value, onChange, onChoose, hint }: VaultPathFieldProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('vault.folder')}</label>
      <div className="field-row">
        <input id={id} name="vault-path" type="text" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" aria-describedby={`${id}-hint`} />
        <button type="button" className="button" onClick={onChoose}>
          <Icon name="folder" />
          <span>{t('vault.chooseFolder')}</span>
        </button>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
