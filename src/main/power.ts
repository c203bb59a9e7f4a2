/**
 * Electron's side of auto-lock and of keeping the machine awake: polls the system idle
 * time, listens for suspend and screen lock, and holds a power-save blocker while long
 * work runs. The decisions are auto-lock.ts's and work-in-progress.ts's.
 */
import { powerMonitor, powerSaveBlocker } from 'electron';
import type { AutoLock } from './auto-lock';

/** How often the idle time is checked: a lock comes at most this late. */
const POLL_MS = 15_000;

export function watchPower(autoLock: AutoLock): () => void {
  const timer = setInterval(() => autoLock.check(), POLL_MS);
  const suspend = (): void => autoLock.suspend();
  const screenLocked = (): void => autoLock.screenLocked();
  powerMonitor.on('suspend', suspend);
  powerMonitor.on('lock-screen', screenLocked);
  return () => {
    clearInterval(timer);
    powerMonitor.off('suspend', suspend);
    powerMonitor.off('lock-screen', screenLocked);
  };
}

/** A switch for WorkInProgress: keeps the system from sleeping while it is on (the display may still sleep). */
export function keepAwakeSwitch(): (awake: boolean) => void {
  let blocker: number | null = null;
  return (awake) => {
    if (awake && blocker === null) blocker = powerSaveBlocker.start('prevent-app-suspension');
    if (!awake && blocker !== null) {
      powerSaveBlocker.stop(blocker);
      blocker = null;
    }
  };
}
