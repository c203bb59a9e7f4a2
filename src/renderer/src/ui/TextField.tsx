/** A labelled one-line text field with an optional hint under it (names, paths, S3 locations: never spell-checked or autofilled). */
import { useId, type JSX } from 'react';

export interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly name: string;
  readonly hint?: string;
}

export function TextField({ label, value, onChange, name, hint }: TextFieldProps): JSX.Element {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" value={value} onChange={(e) => onChange(e.target.value)} spellCheck={false} autoComplete="off" />
      {hint !== undefined && <p className="field-hint">{hint}</p>}
    </div>
  );
}
