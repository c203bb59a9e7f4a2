/**
 * Title, place, description and notes of one item, edited in place and saved together.
 * Saving records each changed field as a `described` custody event (old and new value),
 * which the form says, so nobody thinks an edit leaves no trace.
 */
import { useEffect, useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemText } from '../../../../shared/organise';
import { StatusBadge } from '../../ui/StatusBadge';

export interface DescriptionEditorProps {
  readonly value: Required<ItemText>;
  readonly onSave: (changes: ItemText) => Promise<void>;
}

const FIELDS = ['title', 'place', 'description', 'notes'] as const;

export function DescriptionEditor({ value, onSave }: DescriptionEditorProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  useEffect(() => setDraft(value), [value]);
  const changed = FIELDS.filter((field) => draft[field] !== value[field]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (changed.length === 0) return;
    setState('saving');
    void onSave(Object.fromEntries(changed.map((field) => [field, draft[field]])) as ItemText).then(
      () => setState('saved'),
      () => setState('idle'),
    );
  };

  return (
    <form className="describe" onSubmit={submit}>
      {FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(`organise.fields.${field}`)}</label>
          {field === 'title' || field === 'place' ? (
            <input id={`${id}-${field}`} type="text" value={draft[field]} onChange={(e) => (setDraft({ ...draft, [field]: e.target.value }), setState('idle'))} />
          ) : (
            <textarea id={`${id}-${field}`} rows={field === 'description' ? 3 : 2} value={draft[field]} onChange={(e) => (setDraft({ ...draft, [field]: e.target.value }), setState('idle'))} />
          )}
        </div>
      ))}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={changed.length === 0 || state === 'saving'}>
          {t('organise.save')}
        </button>
        {state === 'saved' && <StatusBadge tone="safe" label={t('organise.saved')} />}
      </div>
      <p className="field-hint">{t('organise.recorded')}</p>
    </form>
  );
}
