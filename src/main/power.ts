/**
 * Electron's side of auto-lock: polls the system idle time and listens for suspend and
 * screen lock. The decisions are auto-lock.ts's.
 */
import { powerMonitor } from 'electron';
import type { AutoLock } from './auto-lock';

/** How often the idle time is checked: a lock comes at most this late. */
const POLL_MS = 15_000;

export function watchPower(autoLock: AutoLock): () => void {
  const timer = setInterval(() => autoLock.check(), POLL_MS);
  const suspend = (): void => autoLock.suspend();
  powerMonitor.on('suspend', suspend);
  powerMonitor.on('lock-screen', suspend);
  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', suspend);
    powerMonitor.off('lock-screen', suspend);
  };
}
