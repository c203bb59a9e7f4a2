/**
 * The people's part of the detail pane: tags, cases, and the description, each change
 * sent to the engine (which records it in the item's custody chain) and then shown.
 */
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { asTamgaError, tamga } from '../../api';
import { useSession } from '../../session/SessionContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { DescriptionEditor } from './DescriptionEditor';
import { TagEditor } from './TagEditor';
import { useItemDescription } from './useItemDescription';

export interface ItemOrganiserProps {
  readonly itemId: string;
  /** The item's name (a draft of its description is listed by it). */
  readonly name: string;
  readonly version: number;
  readonly onChanged: () => void;
}

export function ItemOrganiser({ itemId, name, version, onChanged }: ItemOrganiserProps): JSX.Element | null {
  const { t } = useTranslation();
  const session = useSession();
  const draft = session.state.status === 'unlocked' ? (session.state.drafts.get(itemId) ?? null) : null;
  const description = useItemDescription(itemId, version);
  const [error, setError] = useState<TamgaError | null>(null);
  if (description === null) return null;

  const run = async (call: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await call();
      onChanged();
    } catch (err) {
      setError(asTamgaError(err));
      throw err;
    }
  };
  const items = [itemId];
  const text = { title: description.title, description: description.description, notes: description.notes, place: description.place };

  return (
    <>
      <section aria-labelledby="detail-tags">
        <h3 id="detail-tags">{t('detail.tags')}</h3>
        <TagEditor
          tags={description.tags}
          onAdd={(tags) => void run(() => tamga.tagItems({ items, tags })).catch(() => undefined)}
          onRemove={(tag) => void run(() => tamga.untagItems({ items, tags: [tag] })).catch(() => undefined)}
        />
      </section>
      <section aria-labelledby="detail-cases">
        <h3 id="detail-cases">{t('organise.cases')}</h3>
        {description.cases.length === 0 ? (
          <p className="field-hint">{t('organise.noCases')}</p>
        ) : (
          <ul className="chips">
            {description.cases.map((c) => (
              <li key={c.id} className="chip">
                {c.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="detail-description">
        <h3 id="detail-description">{t('organise.description')}</h3>
        <DescriptionEditor
          itemId={itemId}
          name={name}
          value={text}
          descriptionPrivate={description.descriptionPrivate}
          draft={draft}
          onDraft={(next) => (next === null ? session.dropDraft(itemId) : session.setDraft(next))}
          onSave={(changes) => run(() => tamga.describeItems({ items, ...changes }))}
        />
      </section>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}
