/**
 * The operator's four fields (name; role, organisation, contact optional), checked as they
 * are typed with the engine's own rules (src/shared/operator.ts), and the sentence that
 * says what the record is: the operator's own statement, signed by the vault key, not an
 * identity check. Used by the create form and by Settings.
 */
import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { checkOperatorField, OPERATOR_FIELDS, type Operator, type OperatorField, type OperatorInput, type OperatorProblem } from '../../../../shared/operator';

export type OperatorDraft = Readonly<Record<OperatorField, string>>;

export const EMPTY_OPERATOR_DRAFT: OperatorDraft = { name: '', role: '', organisation: '', contact: '' };

export function draftOf(operator: Operator | null): OperatorDraft {
  return operator === null ? EMPTY_OPERATOR_DRAFT : { name: operator.name, role: operator.role ?? '', organisation: operator.organisation ?? '', contact: operator.contact ?? '' };
}

/** Each field's problem; an all-empty draft has none (it states no operator). */
export function draftProblems(draft: OperatorDraft): Partial<Record<OperatorField, OperatorProblem>> {
  const problems: Partial<Record<OperatorField, OperatorProblem>> = {};
  const empty = OPERATOR_FIELDS.every((f) => draft[f].trim() === '');
  if (empty) return problems;
  for (const field of OPERATOR_FIELDS) {
    const checked = checkOperatorField(field, draft[field]);
    if ('reason' in checked) problems[field] = checked.reason;
  }
  return problems;
}

/** What to send: null when the draft names nobody. */
export function draftToInput(draft: OperatorDraft): OperatorInput | null {
  if (draft.name.trim() === '') return null;
  return { name: draft.name, role: draft.role, organisation: draft.organisation, contact: draft.contact };
}

export interface OperatorFieldsProps {
  readonly draft: OperatorDraft;
  readonly onChange: (draft: OperatorDraft) => void;
}

export function OperatorFields({ draft, onChange }: OperatorFieldsProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const problems = draftProblems(draft);
  const hints: Partial<Record<OperatorField, string>> = { name: t('operator.nameHint'), role: t('operator.roleHint'), contact: t('operator.contactHint') };
  return (
    <div className="operator-fields">
      {OPERATOR_FIELDS.map((field) => {
        const problem = problems[field];
        const hint = problem !== undefined ? t(`operator.problem.${problem}`) : hints[field];
        return (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{t(`operator.${field}`)}</label>
            <input
              id={`${id}-${field}`}
              type="text"
              value={draft[field]}
              onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
              autoComplete="off"
              aria-invalid={problem !== undefined || undefined}
              aria-describedby={hint === undefined ? undefined : `${id}-${field}-hint`}
            />
            {hint !== undefined && (
              <p className="field-hint" id={`${id}-${field}-hint`}>
                {hint}
              </p>
            )}
          </div>
        );
      })}
      <p className="note">{t('operator.statement')}</p>
    </div>
  );
}
