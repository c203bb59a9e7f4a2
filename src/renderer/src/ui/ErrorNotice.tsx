/**
 * An engine failure explained: one sentence in the window's language chosen by the
 * error's code, and under "Technical details" the engine's own report — its code, its
 * message (English, as the log and the CLI have it, possibly naming a file) and its details
 * — raw, as text, introduced in the window's language as what it is.
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

/** The engine's own code, sentence and details, raw (English), said to be so in the window's language. */
export function EngineWords({ code, message, details }: { readonly code: string; readonly message: string; readonly details?: Readonly<Record<string, unknown>> | undefined }): JSX.Element {
  const { t } = useTranslation();
  const raw = `${code}: ${message}${details === undefined ? '' : `\n${JSON.stringify(details, null, 2)}`}`;
  return (
    <>
      <p>{t('common.engineWords')}</p>
      <pre className="engine-words" lang="en" translate="no">
        {raw}
      </pre>
    </>
  );
}

/** The engine's own report behind a disclosure. */
export function TechnicalDetails({ error }: { readonly error: TamgaError }): JSX.Element {
  const { t } = useTranslation();
  return (
    <details className="notice-details">
      <summary>{t('common.technicalDetails')}</summary>
      <EngineWords code={error.code} message={error.message} details={error.details} />
    </details>
  );
}
