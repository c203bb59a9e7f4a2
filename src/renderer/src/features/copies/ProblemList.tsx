/**
 * Replica problems in plain words: one sentence per code (docs/formats.md, "Replicas",
 * problem codes), then the objects it concerns, by name (the first few, then how many
 * more), and the engine's own message under the details.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineWords } from '../../ui/ErrorNotice';
import type { ReplicaProblem } from '../../../../shared/replica';

const SHOWN = 10;

export function ProblemList({ problems }: { readonly problems: readonly ReplicaProblem[] }): JSX.Element | null {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list" data-testid="replica-problems">
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${index}`} data-code={problem.code}>
          <p className="notice-text">{t(`copies.problem.${problem.code}`)}</p>
          {problem.objects.length > 0 && (
            <ul className="file-list">
              {problem.objects.slice(0, SHOWN).map((name) => (
                <li key={name}>
                  <code>{name}</code>
                </li>
              ))}
              {problem.objects.length > SHOWN && <li>{t('copies.moreObjects', { count: problem.objects.length - SHOWN })}</li>}
            </ul>
          )}
          <details className="notice-details">
            <summary>{t('common.technicalDetails')}</summary>
            <EngineWords code={problem.code} message={problem.message} />
          </details>
        </li>
      ))}
    </ul>
  );
}
