/**
 * A manual lock (the Lock button, Ctrl+L) as a short conversation: unsaved descriptions
 * are saved or discarded first (never lost unasked), then a running import or export is
 * let finish ("Finish first": the vault locks the moment it ends) or stopped now; with
 * neither, the vault locks at once. The automatic locks do not ask (auto-lock.ts): idle
 * waits for an import or export to end, sleep stops it, and neither saves a draft.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { tamga } from '../../api';
import { draftChanges, type Draft } from '../../session/drafts';
import type { Session } from '../../session/SessionContext';
import type { LockQuestion, RunningWork } from './LockDialog';

export function useLockFlow(session: Session, work: RunningWork) {
  const [question, setQuestion] = useState<LockQuestion | null>(null);
  /** "Finish first" was chosen: lock when the work ends. */
  const [afterWork, setAfterWork] = useState(false);
  const draftMap = session.state.status === 'unlocked' ? session.state.drafts : null;
  const drafts: readonly Draft[] = useMemo(() => (draftMap === null ? [] : [...draftMap.values()]), [draftMap]);
  const working = work !== null;
  const { lock } = session;

  const askOrLock = useCallback(
    (pending: readonly Draft[], busy: boolean) => {
      if (pending.length > 0) setQuestion({ kind: 'drafts', drafts: pending, saving: false, failed: false });
      else if (busy) setQuestion({ kind: 'work' });
      else void lock();
    },
    [lock],
  );

  const requestLock = useCallback(() => askOrLock(drafts, working), [askOrLock, drafts, working]);

  // "Finish first": once the work has ended, lock (asking again about drafts made meanwhile).
  useEffect(() => {
    if (afterWork && !working) {
      setAfterWork(false);
      askOrLock(drafts, false);
    }
  }, [afterWork, working, askOrLock, drafts]);

  const saveDrafts = useCallback(async () => {
    if (question?.kind !== 'drafts') return;
    setQuestion({ ...question, saving: true, failed: false });
    try {
      for (const draft of question.drafts) {
        const changes = draftChanges(draft);
        if (changes !== null) await tamga.describeItems({ items: [draft.itemId], ...changes });
        session.dropDraft(draft.itemId);
      }
    } catch {
      // What was saved is saved (and its draft gone); the rest stays, and nothing locks.
      setQuestion({ ...question, saving: false, failed: true });
      return;
    }
    setQuestion(null);
    askOrLock([], working);
  }, [question, session, askOrLock, working]);

  const discardDrafts = useCallback(() => {
    if (question?.kind !== 'drafts') return;
    for (const draft of question.drafts) session.dropDraft(draft.itemId);
    setQuestion(null);
    askOrLock([], working);
  }, [question, session, askOrLock, working]);

  return {
    question,
    afterWork,
    requestLock,
    saveDrafts: () => void saveDrafts(),
    discardDrafts,
    finishFirst: () => (setQuestion(null), setAfterWork(true)),
    lockNow: () => (setQuestion(null), void lock()),
    cancel: () => (setQuestion(null), setAfterWork(false)),
  };
}
