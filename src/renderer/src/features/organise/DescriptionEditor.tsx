/**
 * Title, place, description and notes of one item, edited in place and saved together.
 * Saving records each changed field as a `described` custody event (old and new value),
 * which the form says, so nobody thinks an edit leaves no trace. Notes, and a description
 * marked private here, are recorded as commitments only and never exported: the form
 * says that too, so nobody thinks a private note goes into a bundle.
 */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { DescribeRequest, ItemText } from '../../../../shared/organise';
import { DRAFT_FIELDS, draftChanges, type Draft } from '../../session/drafts';
import { StatusBadge } from '../../ui/StatusBadge';

export interface DescriptionEditorProps {
  readonly itemId: string;
  readonly name: string;
  readonly value: Required<ItemText>;
  readonly descriptionPrivate: boolean;
  /** The unsaved edit of this item kept for the session (drafts.ts), or null. */
  readonly draft: Draft | null;
  /** A new edit (null: it equals what is saved again, or was discarded). */
  readonly onDraft: (draft: Draft | null) => void;
  readonly onSave: (changes: Omit<DescribeRequest, 'items'>) => Promise<void>;
}

export function DescriptionEditor({ itemId, name, value, descriptionPrivate, draft, onDraft, onSave }: DescriptionEditorProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const text = draft?.text ?? value;
  const privateDraft = draft?.descriptionPrivate ?? descriptionPrivate;
  const changes = draft === null ? null : draftChanges(draft);

  const edit = (next: Partial<Required<ItemText>>, nextPrivate = privateDraft): void => {
    setState('idle');
    // Changes are taken against what was saved when the editing began, as that is what the person saw.
    const saved = draft?.saved ?? value;
    const savedPrivate = draft?.savedPrivate ?? descriptionPrivate;
    const edited: Draft = { itemId, name, saved, savedPrivate, text: { ...text, ...next }, descriptionPrivate: nextPrivate };
    onDraft(draftChanges(edited) === null ? null : edited);
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (changes === null) return;
    setState('saving');
    void onSave(changes).then(
      () => {
        onDraft(null);
        setState('saved');
      },
      () => setState('idle'),
    );
  };

  return (
    <form className="describe" onSubmit={submit}>
      {DRAFT_FIELDS.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{t(`organise.fields.${field}`)}</label>
          {field === 'title' || field === 'place' ? (
            <input id={`${id}-${field}`} type="text" value={text[field]} onChange={(e) => edit({ [field]: e.target.value })} />
          ) : (
            <textarea id={`${id}-${field}`} rows={field === 'description' ? 3 : 2} value={text[field]} onChange={(e) => edit({ [field]: e.target.value })} />
          )}
          {field === 'description' && (
            <label className="checkbox">
              <input type="checkbox" checked={privateDraft} onChange={(e) => edit({}, e.target.checked)} />
              {t('organise.descriptionPrivate')}
            </label>
          )}
          {field === 'notes' && <p className="field-hint">{t('organise.notesPrivate')}</p>}
        </div>
      ))}
      {changes !== null && (
        <p className="note note-warning" data-testid="draft-note">
          {t('drafts.unsavedHere')}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={changes === null || state === 'saving'}>
          {t('organise.save')}
        </button>
        {changes !== null && (
          <button type="button" className="button button-small" onClick={() => onDraft(null)}>
            {t('drafts.discard')}
          </button>
        )}
        {state === 'saved' && <StatusBadge tone="safe" label={t('organise.saved')} />}
      </div>
      <p className="field-hint">{t('organise.recorded')}</p>
    </form>
  );
}
