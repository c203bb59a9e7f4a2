/** The tags of one item: each removable, and a field to add more (commas separate tags). */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseTag } from '../../../../shared/tags';
import { Icon } from '../../ui/icons';

export interface TagEditorProps {
  readonly tags: readonly string[];
  readonly onAdd: (tags: string[]) => void;
  readonly onRemove: (tag: string) => void;
}

export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map(normaliseTag).filter((tag): tag is string => tag !== null))];
}

export function TagEditor({ tags, onAdd, onRemove }: TagEditorProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const added = parseTags(text);
    if (added.length > 0) onAdd(added);
    setText('');
  };
  return (
    <div className="tag-editor">
      {tags.length === 0 ? (
        <p className="field-hint">{t('detail.noTags')}</p>
      ) : (
        <ul className="chips" aria-label={t('detail.tags')}>
          {tags.map((tag) => (
            <li key={tag} className="chip chip-removable">
              <span translate="no">{tag}</span>
              <button type="button" className="chip-remove" aria-label={t('organise.removeTag', { tag })} onClick={() => onRemove(tag)}>
                <Icon name="cross" size={12} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="field-row" onSubmit={submit}>
        <label htmlFor={id} className="visually-hidden">
          {t('organise.addTagLabel')}
        </label>
        <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('organise.addTagPlaceholder')} />
        <button type="submit" className="button button-small" disabled={parseTags(text).length === 0}>
          {t('organise.addTag')}
        </button>
      </form>
    </div>
  );
}
