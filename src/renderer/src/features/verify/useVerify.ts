/** Verifying a bundle: run, follow verifyProgress events, keep the report or the failure. */
import { useCallback, useEffect, useState } from 'react';
import type { VerifyProgress, VerifyReport } from '../../../../shared/bundle';
import type { TamgaError } from '../../../../shared/errors';
import { asTamgaError, onEngineEvent, tamga } from '../../api';

export type VerifyState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: VerifyProgress | null }
  | { readonly phase: 'done'; readonly report: VerifyReport }
  | { readonly phase: 'failed'; readonly error: TamgaError };

export function useVerify() {
  const [state, setState] = useState<VerifyState>({ phase: 'idle' });
  useEffect(() => onEngineEvent('verifyProgress', ({ progress }) => setState((s) => (s.phase === 'running' ? { phase: 'running', progress } : s))), []);
  const run = useCallback(async (path: string, key: string) => {
    setState({ phase: 'running', progress: null });
    try {
      setState({ phase: 'done', report: await tamga.verifyBundle({ path, ...(key === '' ? {} : { key }) }) });
    } catch (error) {
      setState({ phase: 'failed', error: asTamgaError(error) });
    }
  }, []);
  return { state, run };
}
