/**
 * Settings → Operator: who is at the keyboard, as they stated it; change or clear it. Each
 * change is a custody event on the vault's chain (the engine writes it) and names them in
 * every event written after; the status bar follows (the session's vault info is refreshed).
 */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { operatorText, type Operator, type OperatorInput } from '../../../../shared/operator';
import { asTamgaError, tamga } from '../../api';
import { useSession } from '../../session/SessionContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { draftOf, draftProblems, draftToInput, OperatorFields, type OperatorDraft } from '../operator/OperatorFields';

export function OperatorSettings({ operator }: { readonly operator: Operator | null }): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const { refreshInfo } = useSession();
  const [draft, setDraft] = useState<OperatorDraft>(() => draftOf(operator));
  const [error, setError] = useState<TamgaError | null>(null);
  /** After a change: the name now recorded, '' when cleared; null before any change. */
  const [done, setDone] = useState<string | null>(null);
  const input = draftToInput(draft);
  const canSave = input !== null && Object.keys(draftProblems(draft)).length === 0;

  const change = (next: OperatorInput | null): void =>
    void tamga.setOperator(next).then(
      async (stored) => {
        setError(null);
        setDone(stored === null ? '' : stored.name);
        setDraft(draftOf(stored));
        await refreshInfo();
      },
      (e: unknown) => {
        setDone(null);
        setError(asTamgaError(e));
      },
    );
  const save = (event: FormEvent): void => {
    event.preventDefault();
    if (canSave) change(input);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="operator-settings">
      <h3 id={`${id}-title`}>{t('operator.settingsTitle')}</h3>
      <p className="field-hint">{t('operator.settingsIntro')}</p>
      {operator === null ? (
        <p data-testid="operator-current">{t('operator.none')}</p>
      ) : (
        <dl className="facts">
          <div className="fact">
            <dt>{t('operator.current')}</dt>
            <dd data-testid="operator-current">{operatorText(operator)}</dd>
          </div>
        </dl>
      )}
      <form onSubmit={save} className="settings-form" aria-labelledby={`${id}-title`}>
        <OperatorFields draft={draft} onChange={setDraft} />
        <div className="button-row">
          <button type="submit" className="button" disabled={!canSave}>
            {t('operator.save')}
          </button>
          {operator !== null && (
            <button type="button" className="button" onClick={() => change(null)}>
              {t('operator.clear')}
            </button>
          )}
        </div>
      </form>
      {done !== null && (
        <p className="note" role="status">
          {done === '' ? t('operator.cleared') : t('operator.saved', { name: done })}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
