/** An empty vault teaches: what importing does, and the way to start. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';

export function EmptyLibrary({ onImport }: { readonly onImport: () => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="empty" aria-labelledby="empty-title">
      <Icon name="import" size={40} />
      <h2 id="empty-title">{t('library.emptyTitle')}</h2>
      <p>{t('library.emptyBody')}</p>
      <p className="field-hint">{t('library.emptySafety')}</p>
      <button type="button" className="button button-primary" onClick={onImport}>
        <Icon name="import" />
        <span>{t('import.button')}</span>
      </button>
    </section>
  );
}
