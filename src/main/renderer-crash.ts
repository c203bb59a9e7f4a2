/**
 * What to do when the window's renderer process dies (Electron's render-process-gone):
 * the vault is locked at once (whatever the window showed is gone, and a crash may have
 * been provoked by a hostile file), the window is loaded again and told why, and a window
 * that keeps crashing is not reloaded in a loop. Pure, so a test runs it without Electron.
 */

/** More crashes than this within CRASH_WINDOW_MS and the window is closed instead. */
export const MAX_RELOADS = 3;
export const CRASH_WINDOW_MS = 60_000;

export type CrashAction = { readonly lock: boolean; readonly then: 'nothing' | 'reload' | 'close' };

export class RendererCrashes {
  private readonly times: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** `reason` is Electron's RenderProcessGoneDetails.reason. */
  gone(reason: string): CrashAction {
    // A clean exit is the window closing, which locks through its own 'closed' handler.
    if (reason === 'clean-exit') return { lock: false, then: 'nothing' };
    const now = this.now();
    this.times.push(now);
    while (this.times.length > 0 && now - (this.times[0] ?? now) > CRASH_WINDOW_MS) this.times.shift();
    return { lock: true, then: this.times.length > MAX_RELOADS ? 'close' : 'reload' };
  }
}
