/**
 * An export from start to proof: write the bundle (following exportProgress events),
 * then verify what was written against this vault's own key, so the person sees the
 * bundle pass before they hand it over.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ExportProgress, ExportRequest, ExportResult, VerifyReport } from '../../../../shared/bundle';
import type { TamgaError } from '../../../../shared/errors';
import { asTamgaError, onEngineEvent, tamga } from '../../api';

export type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'exporting'; readonly progress: ExportProgress | null }
  | { readonly phase: 'verifying'; readonly result: ExportResult }
  | { readonly phase: 'done'; readonly result: ExportResult; readonly report: VerifyReport }
  | { readonly phase: 'failed'; readonly error: TamgaError };

export function useExport(onExported: () => void) {
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  useEffect(() => onEngineEvent('exportProgress', ({ progress }) => setState((s) => (s.phase === 'exporting' ? { phase: 'exporting', progress } : s))), []);

  const start = useCallback(
    async (request: ExportRequest) => {
      setState({ phase: 'exporting', progress: null });
      try {
        const result = await tamga.exportBundle(request);
        onExported();
        setState({ phase: 'verifying', result });
        const report = await tamga.verifyBundle({ path: result.outPath, key: result.keyFingerprint });
        setState({ phase: 'done', result, report });
      } catch (error) {
        setState({ phase: 'failed', error: asTamgaError(error) });
      }
    },
    [onExported],
  );

  return { state, start, cancel: () => void tamga.cancelExport(), reset: () => setState({ phase: 'idle' }) };
}
