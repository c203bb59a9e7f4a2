/** Step 2: what the bundle is and who it is for; every field is optional and goes into bag-info.txt. */
import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';

export interface ExportDetailsValue {
  readonly caseIdentifier: string;
  readonly recipient: string;
  readonly organization: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly description: string;
}

export const EMPTY_DETAILS: ExportDetailsValue = { caseIdentifier: '', recipient: '', organization: '', contactName: '', contactEmail: '', description: '' };

const FIELDS = ['caseIdentifier', 'recipient', 'organization', 'contactName', 'contactEmail', 'description'] as const;

export function ExportDetails({ value, onChange }: { readonly value: ExportDetailsValue; readonly onChange: (next: ExportDetailsValue) => void }): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div>
      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(`export.fields.${field}`)}</label>
          {field === 'description' ? (
            <textarea id={`${id}-${field}`} rows={3} value={value[field]} onChange={(e) => onChange({ ...value, [field]: e.target.value })} />
          ) : (
            <input id={`${id}-${field}`} type={field === 'contactEmail' ? 'email' : 'text'} value={value[field]} onChange={(e) => onChange({ ...value, [field]: e.target.value })} />
          )}
        </div>
      ))}
    </div>
  );
}
