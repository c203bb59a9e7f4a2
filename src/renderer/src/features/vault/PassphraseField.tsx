/** A passphrase input with a label and an optional description (never autocompleted or spell-checked). */
import { useId, type JSX } from 'react';

export interface PassphraseFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
  readonly describedBy?: string;
  readonly invalid?: boolean;
  readonly name: string;
}

export function PassphraseField({ label, value, onChange, autoFocus, describedBy, invalid, name }: PassphraseFieldProps): JSX.Element {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-describedby={describedBy}
        aria-invalid={invalid === true ? true : undefined}
      />
    </div>
  );
}
