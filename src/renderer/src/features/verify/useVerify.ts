/**
 * Verifying a bundle: run, follow verifyProgress events, keep the report or the failure.
 * A cancelled check ends as 'cancelled', not with its incomplete report: the person asked
 * it to stop, and a page of "not checked in full" problems would read like a finding.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VerifyProgress, VerifyReport } from '../../../../shared/bundle';
import type { TamgaError } from '../../../../shared/errors';
import { asTamgaError, onEngineEvent, tamga } from '../../api';

export type VerifyState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: VerifyProgress | null }
  | { readonly phase: 'cancelled' }
  | { readonly phase: 'done'; readonly report: VerifyReport }
  | { readonly phase: 'failed'; readonly error: TamgaError };

export function useVerify() {
  const [state, setState] = useState<VerifyState>({ phase: 'idle' });
  const cancelled = useRef(false);
  useEffect(() => onEngineEvent('verifyProgress', ({ progress }) => setState((s) => (s.phase === 'running' ? { phase: 'running', progress } : s))), []);
  const run = useCallback(async (path: string, key: string) => {
    cancelled.current = false;
    setState({ phase: 'running', progress: null });
    try {
      const report = await tamga.verifyBundle({ path, ...(key === '' ? {} : { key }) });
      setState(cancelled.current && !report.complete ? { phase: 'cancelled' } : { phase: 'done', report });
    } catch (error) {
      setState({ phase: 'failed', error: asTamgaError(error) });
    }
  }, []);
  const cancel = useCallback(() => {
    cancelled.current = true;
    void tamga.cancelVerify();
  }, []);
  return { state, run, cancel };
}
