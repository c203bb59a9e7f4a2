/**
 * Export progress as events: at most one every PROGRESS_INTERVAL_MS while bytes flow, and
 * always at a phase change or an exhibit boundary, so a 4 GiB video moves the bar smoothly
 * without flooding the window with a message per megabyte.
 */
import type { ExportPhase, ExportProgress } from '../../../../shared/bundle';

const PROGRESS_INTERVAL_MS = 100;

export interface ProgressReporter {
  phase(phase: ExportPhase): void;
  startExhibit(exhibit: string): void;
  bytes(count: number): void;
  endExhibit(): void;
}

export function progressReporter(
  base: Pick<ExportProgress, 'bundleId' | 'exhibitsTotal' | 'bytesTotal'>,
  onProgress: ((progress: ExportProgress) => void) | undefined,
): ProgressReporter {
  const state: { -readonly [K in keyof ExportProgress]: ExportProgress[K] } = {
    ...base,
    phase: 'preparing',
    exhibitsDone: 0,
    bytesDone: 0,
    currentExhibit: null,
  };
  let last = 0;
  const send = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - last < PROGRESS_INTERVAL_MS) return;
    last = now;
    onProgress?.({ ...state });
  };
  send(true);
  return {
    phase(phase) {
      state.phase = phase;
      state.currentExhibit = null;
      send(true);
    },
    startExhibit(exhibit) {
      state.currentExhibit = exhibit;
      send(true);
    },
    bytes(count) {
      state.bytesDone += count;
      send(false);
    },
    endExhibit() {
      state.exhibitsDone += 1;
      state.currentExhibit = null;
      send(true);
    },
  };
}
