/**
 * The main process's reaction to the window's renderer dying (Electron's
 * render-process-gone), and the notice the window gets once it has loaded again. What to
 * do after how many crashes is renderer-crash.ts's; this carries it out on the window and
 * the engine, which are injected (Electron's BrowserWindow and the engine host in the
 * app, fakes in tests), so this file does not import Electron.
 */
import type { LockReason } from '../shared/session';
import type { RendererCrashes } from './renderer-crash';

/** The part of Electron's RenderProcessGoneDetails read here. */
export interface GoneDetails {
  readonly reason: string;
  readonly exitCode: number;
}

/** The window whose renderer died, as this reaction uses it. */
export interface CrashedWindow {
  /** Loads the page again, in a new renderer process. */
  reload(): void;
  close(): void;
  /** Tells the loaded page why the vault is locked (a vaultLocked event). */
  notice(reason: LockReason): void;
}

export interface WindowCrashOptions {
  readonly crashes: RendererCrashes;
  readonly lock: (reason: LockReason) => void;
  /** Whether a vault was unlocked (auto-lock armed) when the renderer died. */
  readonly armed: () => boolean;
  readonly log?: (line: string) => void;
}

export class WindowCrash {
  /** Told to the window once it has loaded again after its renderer died. */
  private noticeAfterLoad: LockReason | null = null;

  constructor(private readonly options: WindowCrashOptions) {}

  /** The window's render-process-gone. */
  gone(window: CrashedWindow, details: GoneDetails): void {
    const action = this.options.crashes.gone(details.reason);
    (this.options.log ?? console.error)(`The window's process is gone (${details.reason}, exit code ${details.exitCode}).`);
    if (!action.lock) return;
    // Read before locking: the lock disarms auto-lock, and only a vault that was open
    // has something for the window to explain.
    if (this.options.armed()) this.noticeAfterLoad = 'window-crashed';
    // Asked before the reload: the lock reaches the engine ahead of anything the reloaded page asks.
    this.options.lock('window-crashed');
    if (action.then === 'reload') window.reload();
    else window.close();
  }

  /** The window's did-finish-load: the notice, once, if a crash left one. */
  loaded(window: CrashedWindow): void {
    if (this.noticeAfterLoad === null) return;
    window.notice(this.noticeAfterLoad);
    this.noticeAfterLoad = null;
  }
}
