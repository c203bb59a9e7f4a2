/**
 * What a manual lock asks first, one question at a time: unsaved descriptions (save them,
 * discard them, or stay unlocked), then a running import or export (let it finish and lock
 * then, stop it now, or stay unlocked). Each says what the choice does to the evidence: a
 * stopped import keeps every file it finished and the next unlock lists the rest.
 */
import type { JSX } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../session/drafts';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';

export type LockQuestion =
  | { readonly kind: 'drafts'; readonly drafts: readonly Draft[]; readonly saving: boolean; readonly failed: boolean }
  | { readonly kind: 'work' };

/** What runs now, as the dialog describes it (live: it changes while the dialog is open). */
export type RunningWork = { readonly kind: 'import'; readonly done: number; readonly total: number } | { readonly kind: 'export' } | null;

export interface LockDialogProps {
  readonly question: LockQuestion | null;
  readonly work: RunningWork;
  readonly onCancel: () => void;
  readonly onSaveDrafts: () => void;
  readonly onDiscardDrafts: () => void;
  readonly onFinishFirst: () => void;
  readonly onLockNow: () => void;
}

export function LockDialog({ question, work, onCancel, onSaveDrafts, onDiscardDrafts, onFinishFirst, onLockNow }: LockDialogProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ModalOverlay className="overlay" isOpen={question !== null} onOpenChange={(open) => !open && onCancel()}>
      <Modal className="modal">
        <Dialog className="dialog" aria-label={t('lockAsk.title')} data-testid="lock-dialog">
          <Heading slot="title" className="dialog-title">
            {t('lockAsk.title')}
          </Heading>
          {question?.kind === 'drafts' && (
            <>
              <p>{t('lockAsk.drafts', { count: question.drafts.length })}</p>
              <ul className="file-list">
                {question.drafts.map((d) => (
                  <li key={d.itemId}>
                    <code className="path">{d.name}</code>
                  </li>
                ))}
              </ul>
              {question.failed && (
                <p className="note note-warning" role="alert">
                  {t('lockAsk.saveFailed')}
                </p>
              )}
              <div className="button-row">
                <button type="button" className="button" onClick={onCancel} autoFocus>
                  {t('lockAsk.stayUnlocked')}
                </button>
                <button type="button" className="button" onClick={onDiscardDrafts} disabled={question.saving}>
                  {t('lockAsk.discardAndLock')}
                </button>
                <button type="button" className="button button-primary" onClick={onSaveDrafts} disabled={question.saving}>
                  {t('lockAsk.saveAndLock')}
                </button>
              </div>
            </>
          )}
          {question?.kind === 'work' && (
            <>
              <p role="status">
                {work === null
                  ? t('lockAsk.workEnded')
                  : work.kind === 'import'
                    ? t('lockAsk.import', { done: formatCount(work.done, locale), total: formatCount(work.total, locale), count: work.total })
                    : t('lockAsk.export')}
              </p>
              {work !== null && <p className="field-hint">{work.kind === 'import' ? t('lockAsk.importStopHint') : t('lockAsk.exportStopHint')}</p>}
              <div className="button-row">
                <button type="button" className="button" onClick={onCancel} autoFocus>
                  {t('lockAsk.stayUnlocked')}
                </button>
                {work !== null && (
                  <button type="button" className="button" onClick={onFinishFirst}>
                    {t('lockAsk.finishFirst')}
                  </button>
                )}
                <button type="button" className="button button-primary" onClick={onLockNow}>
                  {work === null ? t('toolbar.lock') : t('lockAsk.stopNow')}
                </button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
