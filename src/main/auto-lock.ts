/**
 * Locks the vault when the machine has been idle for the vault's auto-lock time, and at
 * once when the system suspends or the screen locks: a laptop taken from a sleeping
 * defender must come up locked. It follows the vault's state and settings from engine
 * events; the clock and the idle-time source are injected (Electron's powerMonitor in
 * the app, a fake in tests), so this file does not import Electron.
 *
 * An idle lock while an import or an export runs would abort it (the keys go with the
 * lock), so it waits: once that work ends (`workEnded`), the vault locks with the reason
 * `idle-after-work`, which the window explains. A locked screen waits the same way (the
 * screen already guards the session; it is often idle that locked it). A suspend never
 * waits: the keys must not sit in the memory of a sleeping laptop. So an automatic lock
 * never asks, unlike the Lock button (features/lock in the window): idle "finishes first",
 * sleep "stops now", and the import it stops is listed after the next unlock with what it
 * archived and what not. Neither saves an unsaved description: saving is the person's act
 * (it is signed into the custody chain in their name), so the window says after the
 * unlock which draft was discarded instead.
 */
import type { ApiEvent } from '../shared/api';
import type { LockReason } from '../shared/session';

export interface AutoLockOptions {
  /** Seconds since the last keyboard or mouse input anywhere on the system. */
  readonly idleSeconds: () => number;
  readonly lock: (reason: LockReason) => void;
  /** True while an import or an export runs (work a lock would abort). */
  readonly working?: () => boolean;
}

export class AutoLock {
  /** The auto-lock time of the unlocked vault; null while none is unlocked (or a lock is on its way). */
  private minutes: number | null = null;
  /** The idle time was reached during work: lock when it ends. */
  private deferred = false;

  constructor(private readonly options: AutoLockOptions) {}

  onEngineEvent(event: ApiEvent): void {
    switch (event.type) {
      case 'vaultUnlocked':
      case 'settingsChanged':
        this.minutes = event.settings.autoLockMinutes;
        break;
      case 'vaultLocked':
        this.minutes = null;
        this.deferred = false;
        break;
      default:
        break;
    }
  }

  /** Call every few seconds; locks once the idle time reaches the setting. */
  check(): void {
    if (this.minutes === null || this.options.idleSeconds() < this.minutes * 60) return;
    if (this.options.working?.() === true) this.deferred = true;
    else this.fire('idle');
  }

  /** The work that held back an idle lock has ended (call whenever an import or export ends). */
  workEnded(): void {
    if (this.deferred && this.minutes !== null && this.options.working?.() !== true) this.fire('idle-after-work');
  }

  /** An idle lock is waiting for work to end. */
  get waiting(): boolean {
    return this.deferred;
  }

  /** The system is suspending. */
  suspend(): void {
    if (this.minutes !== null) this.fire('suspend');
  }

  /** The screen was locked. */
  screenLocked(): void {
    if (this.minutes === null) return;
    if (this.options.working?.() === true) this.deferred = true;
    else this.fire('suspend');
  }

  get armed(): boolean {
    return this.minutes !== null;
  }

  private fire(reason: LockReason): void {
    this.minutes = null;
    this.deferred = false;
    this.options.lock(reason);
  }
}
