/** Step 3: a folder or one .zip file, where, and under what name (it must not exist yet). */
import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleFormat } from '../../../../shared/bundle';
import { Icon } from '../../ui/icons';

export interface DestinationValue {
  readonly format: BundleFormat;
  readonly folder: string;
  readonly name: string;
}

export interface ExportDestinationProps {
  readonly value: DestinationValue;
  readonly onChange: (next: DestinationValue) => void;
  readonly onChooseFolder: () => void;
}

export function ExportDestination({ value, onChange, onChooseFolder }: ExportDestinationProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div>
      <fieldset className="field">
        <legend>{t('export.format')}</legend>
        {(['zip', 'directory'] as const).map((format) => (
          <div className="check" key={format}>
            <input id={`${id}-${format}`} type="radio" name={`${id}-format`} checked={value.format === format} onChange={() => onChange({ ...value, format })} />
            <label htmlFor={`${id}-${format}`}>{t(format === 'zip' ? 'export.formatZip' : 'export.formatFolder')}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-folder`}>{t('export.folder')}</label>
        <div className="field-row">
          <input id={`${id}-folder`} type="text" value={value.folder} onChange={(e) => onChange({ ...value, folder: e.target.value })} spellCheck={false} />
          <button type="button" className="button" onClick={onChooseFolder}>
            <Icon name="folder" />
            <span>{t('vault.chooseFolder')}</span>
          </button>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('export.name')}</label>
        <input id={`${id}-name`} type="text" value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} spellCheck={false} />
        <p className="field-hint">{t('export.nameHint')}</p>
      </div>
    </div>
  );
}
