/**
 * Passphrase strength as a bar of five steps with a word (and what to do about it), and
 * the policy's length rule, in the window's language. Colour is never the only signal.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/passphrase-policy';
import { StatusBadge } from '../../ui/StatusBadge';
import { REQUIRED_SCORE, type Strength } from './strength';

export interface StrengthMeterProps {
  readonly id: string;
  readonly strength: Strength | null;
  readonly tooShort: boolean;
}

const SCORE_KEYS = ['strength.score0', 'strength.score1', 'strength.score2', 'strength.score3', 'strength.score4'] as const;

export function StrengthMeter({ id, strength, tooShort }: StrengthMeterProps): JSX.Element {
  const { t, i18n } = useTranslation();
  const score = strength?.score ?? 0;
  const enough = strength !== null && score >= REQUIRED_SCORE && !tooShort;
  const known = (group: 'warnings' | 'suggestions', key: string): string | null =>
    i18n.exists(`strength.${group}.${key}`) ? t(`strength.${group}.${key}` as 'strength.warnings.common') : null;
  const advice = [strength?.warning ? known('warnings', strength.warning) : null, ...(strength?.suggestions ?? []).map((s) => known('suggestions', s))].filter(
    (line): line is string => line !== null,
  );

  return (
    <div className="strength" id={id} aria-live="polite">
      <div className={`strength-bar strength-${score}`} aria-hidden="true">
        {[0, 1, 2, 3, 4].map((step) => (
          <span key={step} className={step <= score && strength !== null ? 'on' : ''} />
        ))}
      </div>
      {strength !== null && <StatusBadge tone={enough ? 'safe' : score >= 2 ? 'warning' : 'failed'} label={t(SCORE_KEYS[score])} />}
      <ul className="strength-advice">
        {tooShort && <li>{t('strength.tooShort', { count: MIN_PASSPHRASE_LENGTH })}</li>}
        {!tooShort && strength !== null && !enough && <li>{t('strength.notEnough')}</li>}
        {advice.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
