/**
 * A search the engine could not understand (QUERY_INVALID), said where the results would
 * be: which term is at fault, in the window's language, and what terms look like. The
 * engine's own sentence (English) stays under "Technical details". The generic error
 * notice in its place hid the one fact the user needs (which term) behind a disclosure.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { TechnicalDetails } from '../../ui/ErrorNotice';
import { Icon } from '../../ui/icons';

/** The term as typed, `after:10.01.2021`, when the error names it. */
export function termAtFault(error: TamgaError): string | null {
  const operator = error.details?.['operator'];
  const value = error.details?.['value'];
  return typeof operator === 'string' && typeof value === 'string' ? `${operator}:${value}` : null;
}

export function QueryProblem({ error }: { readonly error: TamgaError }): JSX.Element {
  const { t } = useTranslation();
  const term = termAtFault(error);
  return (
    <div className="notice notice-failed" role="alert">
      <Icon name="cross" />
      <div>
        <p className="notice-text">{term === null ? t('errors.QUERY_INVALID') : t('search.invalidTerm', { term })}</p>
        <p>{t('search.invalidHint')}</p>
        <TechnicalDetails error={error} />
      </div>
    </div>
  );
}
