/**
 * An engine failure explained: one sentence in the window's language chosen by the
 * error's code, and the engine's own message (English, possibly naming a file) under
 * "Technical details", as text.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../shared/errors';
import { Icon } from './icons';

export function ErrorNotice({ error, id }: { readonly error: TamgaError; readonly id?: string }): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="notice notice-failed" role="alert" id={id}>
      <Icon name="cross" />
      <div>
        <p className="notice-text">{t(`errors.${error.code}`)}</p>
        <TechnicalDetails error={error} />
      </div>
    </div>
  );
}

/** The engine's own code and sentence (English), behind a disclosure, as text. */
export function TechnicalDetails({ error }: { readonly error: TamgaError }): JSX.Element {
  const { t } = useTranslation();
  return (
    <details className="notice-details">
      <summary>{t('common.technicalDetails')}</summary>
      <p>
        {error.code}: {error.message}
      </p>
    </details>
  );
}
