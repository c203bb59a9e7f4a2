/**
 * A recovery key just made, shown this once: the 24 words (numbered, as on the printed
 * page) or the k-of-n shares; a printable page written by the engine into a folder the
 * person picks; and, for words, three of them typed back before "Done", so that nobody
 * leaves with a key they did not write down.
 */
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import type { RecoveryKeyMade } from '../../../../shared/recovery';
import { asTamgaError, shell, tamga } from '../../api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge } from '../../ui/StatusBadge';
import { confirmPositions, inFolder, sameWord } from '../../../../shared/recovery-text';

export interface RecoveryKeyShownProps {
  readonly made: RecoveryKeyMade;
  readonly onDone: () => void;
}

/** The share as printed: 16 groups of five. */
const grouped = (code: string): string => (code.match(/.{1,5}/g) ?? []).join(' ');

export function RecoveryKeyShown({ made, onDone }: RecoveryKeyShownProps): JSX.Element {
  const { t } = useTranslation();
  const positions = useMemo(() => confirmPositions(made.words?.length ?? 0), [made]);
  const [typed, setTyped] = useState<Record<number, string>>({});
  const [sharesKept, setSharesKept] = useState(false);
  const [saved, setSaved] = useState<readonly string[] | null>(null);
  const [error, setError] = useState<TamgaError | null>(null);
  const words = made.words;
  const confirmed = words !== null ? positions.every((p) => sameWord(typed[p] ?? '', words[p - 1] ?? '')) : sharesKept;

  const savePage = async (): Promise<void> => {
    setError(null);
    try {
      const folder = await shell.chooseFolder({ title: t('recovery.chooseFolderTitle') });
      if (folder === null) return;
      setSaved(await tamga.writeRecoveryPage({ made, outPath: inFolder(folder, `tamga-recovery-key-${made.createdAt.slice(0, 10)}.pdf`) }));
    } catch (err) {
      setError(asTamgaError(err));
    }
  };

  return (
    <div className="recovery-shown" role="region" aria-label={t('recovery.shownTitle')}>
      <p className="note note-warning">{t('recovery.shownOnce')}</p>
      {words !== null && (
        <ol className="recovery-words" aria-label={t('recovery.wordsHeading')}>
          {words.map((word, i) => (
            <li key={i}>
              <span className="recovery-number">{i + 1}.</span> <code>{word}</code>
            </li>
          ))}
        </ol>
      )}
      {made.shares !== null && (
        <ul className="recovery-shares">
          {made.shares.codes.map((code, i) => (
            <li key={i}>
              <p>{t('recovery.shareHeading', { number: i + 1, n: made.shares?.n ?? 0, k: made.shares?.k ?? 0 })}</p>
              <code>{grouped(code)}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void savePage()}>
          {t('recovery.savePage')}
        </button>
      </div>
      {saved !== null && <StatusBadge tone="safe" label={t('recovery.pageSaved', { paths: saved.join(', ') })} />}
      {error !== null && <ErrorNotice error={error} />}
      {words !== null ? (
        <fieldset className="recovery-confirm">
          <legend>{t('recovery.confirmIntro')}</legend>
          {positions.map((p) => {
            const value = typed[p] ?? '';
            const wrong = value.trim().length >= 4 && !sameWord(value, words[p - 1] ?? '');
            return (
              <div className="field" key={p}>
                <label htmlFor={`recovery-confirm-${p}`}>{t('recovery.confirmWord', { position: p })}</label>
                <input id={`recovery-confirm-${p}`} value={value} onChange={(e) => setTyped({ ...typed, [p]: e.target.value })} autoComplete="off" spellCheck={false} aria-invalid={wrong ? true : undefined} />
                {wrong && <p className="note note-warning">{t('recovery.confirmWrong', { position: p })}</p>}
              </div>
            );
          })}
        </fieldset>
      ) : (
        <label className="check">
          <input type="checkbox" checked={sharesKept} onChange={(e) => setSharesKept(e.target.checked)} />
          {t('recovery.confirmShares')}
        </label>
      )}
      <p className="field-hint">{t('recovery.pushHint')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={!confirmed} onClick={onDone}>
          {t('recovery.done')}
        </button>
      </div>
    </div>
  );
}
