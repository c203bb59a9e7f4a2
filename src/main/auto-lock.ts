/**
 * Locks the vault when the machine has been idle for the vault's auto-lock time, and at
 * once when the system suspends or the screen locks: a laptop taken from a sleeping
 * defender must come up locked. It follows the vault's state and settings from engine
 * events; the clock and the idle-time source are injected (Electron's powerMonitor in
 * the app, a fake in tests), so this file does not import Electron.
 */
import type { ApiEvent } from '../shared/api';
import type { LockReason } from '../shared/session';

export interface AutoLockOptions {
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  readonly idleSeconds: () => number;
  readonly lock: (reason: LockReason) => void;
}

export class AutoLock {
  /** The auto-lock time of the unlocked vault; null while none is unlocked (or a lock is on its way). */
  private minutes: number | null = null;

  constructor(private readonly options: AutoLockOptions) {}

  onEngineEvent(event: ApiEvent): void {
    switch (event.type) {
      case 'vaultUnlocked':
      case 'settingsChanged':
        this.minutes = event.settings.autoLockMinutes;
        break;
      case 'vaultLocked':
        this.minutes = null;
        break;
      default:
        break;
    }
  }

  /** Call every few seconds; locks once the idle time reaches the setting. */
  check(): void {
    if (this.minutes !== null && this.options.idleSeconds() >= this.minutes * 60) this.fire('idle');
  }

  /** The system is suspending or the screen is locking. */
  suspend(): void {
    if (this.minutes !== null) this.fire('suspend');
  }

  get armed(): boolean {
    return this.minutes !== null;
  }

  private fire(reason: LockReason): void {
    this.minutes = null;
    this.options.lock(reason);
  }
}
