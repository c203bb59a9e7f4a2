/**
 * The running import for the whole window (the status bar, the import panel and the
 * library all follow it): start with paths, follow progress events, cancel, and keep the
 * summary until the person dismisses it. `version` ticks whenever files finished, so the
 * library reads its items again (at most about once a second).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { ImportProgress, ImportSummary } from '../../../../shared/import';
import { asTamgaError, onEngineEvent, tamga } from '../../api';
import { addSample, type Sample } from './rate';

export type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: ImportProgress | null; readonly samples: readonly Sample[]; readonly cancelling: boolean }
  | { readonly phase: 'done'; readonly summary: ImportSummary }
  | { readonly phase: 'failed'; readonly error: TamgaError };

const REFRESH_MS = 1000;

export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const [version, setVersion] = useState(0);
  const lastRefresh = useRef(0);
  const filesDone = useRef(0);

  useEffect(
    () =>
      onEngineEvent('importProgress', ({ progress }) => {
        setState((s) => (s.phase === 'running' ? { ...s, progress, samples: addSample(s.samples, { at: performance.now(), bytes: progress.bytesDone }) } : s));
        const now = performance.now();
        if (progress.filesDone > filesDone.current && now - lastRefresh.current > REFRESH_MS) {
          filesDone.current = progress.filesDone;
          lastRefresh.current = now;
          setVersion((v) => v + 1);
        }
      }),
    [],
  );

  const start = useCallback(async (paths: readonly string[], tags: readonly string[] = []) => {
    if (paths.length === 0) return;
    filesDone.current = 0;
    setState({ phase: 'running', progress: null, samples: [], cancelling: false });
    try {
      const summary = await tamga.importFiles({ paths, ...(tags.length > 0 ? { tags } : {}) });
      setState({ phase: 'done', summary });
    } catch (error) {
      setState({ phase: 'failed', error: asTamgaError(error) });
    } finally {
      setVersion((v) => v + 1);
    }
  }, []);

  const cancel = useCallback(async () => {
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    await tamga.cancelImport();
  }, []);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, version, start, cancel, dismiss };
}
