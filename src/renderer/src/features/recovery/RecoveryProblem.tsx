/**
 * What exactly is wrong with the recovery words or shares given, in the window's language,
 * from the engine error's details: which word is not on the list, how many words there
 * are, which share belongs elsewhere, how many shares are needed. Nothing when the error
 * carries no such detail (ErrorNotice still explains the code).
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';

export function RecoveryProblem({ error }: { readonly error: TamgaError }): JSX.Element | null {
  const { t } = useTranslation();
  const details = error.details ?? {};
  const value = (name: string): string => String(details[name] ?? '');
  const sentence = ((): string | null => {
    if (error.code === 'NOT_ENOUGH_SHARES') return typeof details['k'] === 'number' ? t('recovery.problem.notEnough', { k: value('k'), n: value('n'), given: value('given') }) : null;
    switch (details['reason']) {
      case 'unknown-word':
        return t('recovery.problem.unknownWord', { position: value('position'), word: value('word') });
      case 'word-count':
        return t('recovery.problem.wordCount', { count: value('count') });
      case 'checksum':
        return t('recovery.problem.checksum');
      case 'share-length':
        return t('recovery.problem.shareLength', { given: value('given'), length: value('length') });
      case 'share-character':
        return t('recovery.problem.shareCharacter', { given: value('given'), position: value('position') });
      case 'share-checksum':
        return t('recovery.problem.shareChecksum', { given: value('given') });
      case 'share-conflict':
        return t('recovery.problem.shareConflict', { number: value('number') });
      case 'other-vault':
        return t('recovery.problem.otherVault', { given: value('given') });
      case 'mixed-sets':
        return t('recovery.problem.mixedSets', { given: value('given') });
      case 'old-set':
        return t('recovery.problem.oldSet');
      default:
        return null;
    }
  })();
  if (sentence === null) return null;
  return (
    <p className="note note-warning" data-testid="recovery-problem">
      {sentence}
    </p>
  );
}
