/**
 * Title, place, description and notes of one item, edited in place and saved together.
 * Saving records each changed field as a `described` custody event (old and new value),
 * which the form says, so nobody thinks an edit leaves no trace. Notes, and a description
 * marked private here, are recorded as commitments only and never exported: the form
 * says that too, so nobody thinks a private note goes into a bundle.
 */
import { useEffect, useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { DescribeRequest, ItemText } from '../../../../shared/organise';
import { StatusBadge } from '../../ui/StatusBadge';

export interface DescriptionEditorProps {
  readonly value: Required<ItemText>;
  readonly descriptionPrivate: boolean;
  readonly onSave: (changes: Omit<DescribeRequest, 'items'>) => Promise<void>;
}

const FIELDS = ['title', 'place', 'description', 'notes'] as const;

export function DescriptionEditor({ value, descriptionPrivate, onSave }: DescriptionEditorProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [privateDraft, setPrivateDraft] = useState(descriptionPrivate);
  useEffect(() => setDraft(value), [value]);
  useEffect(() => setPrivateDraft(descriptionPrivate), [descriptionPrivate]);
  const changed = FIELDS.filter((field) => draft[field] !== value[field]);
  const privacyChanged = privateDraft !== descriptionPrivate;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (changed.length === 0 && !privacyChanged) return;
    setState('saving');
    const texts = Object.fromEntries(changed.map((field) => [field, draft[field]])) as ItemText;
    void onSave(privacyChanged ? { ...texts, descriptionPrivate: privateDraft } : texts).then(
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
          {field === 'description' && (
            <label className="checkbox">
              <input type="checkbox" checked={privateDraft} onChange={(e) => (setPrivateDraft(e.target.checked), setState('idle'))} />
              {t('organise.descriptionPrivate')}
            </label>
          )}
          {field === 'notes' && <p className="field-hint">{t('organise.notesPrivate')}</p>}
        </div>
      ))}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={(changed.length === 0 && !privacyChanged) || state === 'saving'}>
          {t('organise.save')}
        </button>
        {state === 'saved' && <StatusBadge tone="safe" label={t('organise.saved')} />}
      </div>
      <p className="field-hint">{t('organise.recorded')}</p>
    </form>
  );
}
