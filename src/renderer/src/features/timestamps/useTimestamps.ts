/**
 * The window's trusted-time state: the vault's timestamp status (re-read when the library
 * changes, e.g. after an export, when Settings saves servers, and when the connection comes
 * back), whether the computer says it is online, and one round of "Get timestamps now". The
 * round runs in the engine (the window stays usable); its report stays until dismissed.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { StampResult, TimestampStatus } from '../../../../shared/timestamp';
import { asTamgaError, tamga } from '../../api';

export type StampReport = { readonly kind: 'done'; readonly result: StampResult } | { readonly kind: 'failed'; readonly error: TamgaError } | null;

export interface Timestamps {
  readonly status: TimestampStatus | null;
  readonly online: boolean;
  readonly running: boolean;
  readonly report: StampReport;
  readonly refresh: () => void;
  readonly run: () => void;
  readonly dismiss: () => void;
}

export function useTimestamps(version: number): Timestamps {
  const [status, setStatus] = useState<TimestampStatus | null>(null);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<StampReport>(null);
  // A status that cannot be read shows no line: it is a hint, never a claim about safety.
  const refresh = useCallback(() => void tamga.timestampStatus().then(setStatus, () => setStatus(null)), []);
  useEffect(() => refresh(), [refresh, version]);

  useEffect(() => {
    const up = (): void => {
      setOnline(true);
      refresh();
    };
    const down = (): void => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, [refresh]);

  const run = useCallback(() => {
    setRunning(true);
    setReport(null);
    const asking = tamga.getTimestamps();
    void asking
      .then(
        (result) => setReport({ kind: 'done', result }),
        (error: unknown) => setReport({ kind: 'failed', error: asTamgaError(error) }),
      )
      .finally(() => {
        setRunning(false);
        refresh();
      });
  }, [refresh]);

  const dismiss = useCallback(() => setReport(null), []);
  return { status, online, running, report, refresh, run, dismiss };
}
