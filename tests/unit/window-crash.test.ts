// A window whose renderer dies, and a second launch: the vault locks before the window is
// loaded again, a window that keeps crashing is closed instead of reloaded in a loop, the
// reloaded window is told why (once, and only when a vault was open), and a second launch
// brings the running window forward. The real classes, with the clock and the window
// injected; the real-Electron half is in tests/electron/smoke.spec.ts.
import { describe, expect, it } from 'vitest';
import type { LockReason } from '../../src/shared/session';
import { CRASH_WINDOW_MS, MAX_RELOADS, RendererCrashes } from '../../src/main/renderer-crash';
import { focusExisting } from '../../src/main/second-instance';
import { WindowCrash, type CrashedWindow } from '../../src/main/window-crash';

describe('RendererCrashes', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };

  it('does nothing on a clean exit, and a clean exit does not count towards the limit', () => {
    const time = clock();
    const crashes = new RendererCrashes(time.now);
    for (let i = 0; i < MAX_RELOADS + 2; i++) expect(crashes.gone('clean-exit')).toEqual({ lock: false, then: 'nothing' });
    expect(crashes.gone('crashed')).toEqual({ lock: true, then: 'reload' });
  });

  it('locks and reloads after each crash up to the limit, then closes instead', () => {
    const time = clock();
    const crashes = new RendererCrashes(time.now);
    const reasons = ['crashed', 'oom', 'killed'];
    expect(reasons).toHaveLength(MAX_RELOADS);
    for (const reason of reasons) {
      expect(crashes.gone(reason)).toEqual({ lock: true, then: 'reload' });
      time.advance(1000);
    }
    expect(crashes.gone('crashed')).toEqual({ lock: true, then: 'close' });
    // Still within the minute: a further crash closes too.
    expect(crashes.gone('abnormal-exit')).toEqual({ lock: true, then: 'close' });
  });

  it('forgets crashes older than the window', () => {
    const time = clock();
    const crashes = new RendererCrashes(time.now);
    for (let i = 0; i < MAX_RELOADS; i++) crashes.gone('crashed');
    // The three crashes are CRASH_WINDOW_MS old: still counted, so a fourth closes.
    time.advance(CRASH_WINDOW_MS);
    expect(crashes.gone('crashed')).toEqual({ lock: true, then: 'close' });
    // One millisecond later the first three are older than the window; only the fourth counts.
    time.advance(1);
    expect(crashes.gone('crashed')).toEqual({ lock: true, then: 'reload' });
    expect(crashes.gone('crashed')).toEqual({ lock: true, then: 'reload' });
    expect(crashes.gone('crashed')).toEqual({ lock: true, then: 'close' });
  });

  it('spreads crashes: one every half window never reaches the limit', () => {
    const time = clock();
    const crashes = new RendererCrashes(time.now);
    for (let i = 0; i < 10; i++) {
      // Only this crash and the one before it are ever within the window.
      expect(crashes.gone('crashed')).toEqual({ lock: true, then: 'reload' });
      time.advance(CRASH_WINDOW_MS / 2 + 1);
    }
  });
});

/** The window, the engine and auto-lock as the reaction sees them, writing what it does in order. */
function setup(options: { armed?: boolean } = {}) {
  const calls: string[] = [];
  let armed = options.armed ?? true;
  const logged: string[] = [];
  const window: CrashedWindow = {
    reload: () => calls.push('reload'),
    close: () => calls.push('close'),
    notice: (reason) => calls.push(`notice ${reason}`),
  };
  const windowCrash = new WindowCrash({
    crashes: new RendererCrashes(() => 0),
    lock: (reason: LockReason) => calls.push(`lock ${reason}`),
    armed: () => armed,
    log: (line) => logged.push(line),
  });
  return { windowCrash, window, calls, logged, setArmed: (value: boolean) => (armed = value) };
}

describe('WindowCrash', () => {
  it('locks with window-crashed before it reloads, and says what happened in the log', () => {
    const { windowCrash, window, calls, logged } = setup();
    windowCrash.gone(window, { reason: 'crashed', exitCode: 139 });
    expect(calls).toEqual(['lock window-crashed', 'reload']);
    expect(logged).toEqual(["The window's process is gone (crashed, exit code 139)."]);
  });

  it('does nothing to the vault or the window on a clean exit', () => {
    const { windowCrash, window, calls } = setup();
    windowCrash.gone(window, { reason: 'clean-exit', exitCode: 0 });
    windowCrash.loaded(window);
    expect(calls).toEqual([]);
  });

  it('locks before it closes a window that keeps crashing', () => {
    const { windowCrash, window, calls } = setup();
    for (let i = 0; i <= MAX_RELOADS; i++) windowCrash.gone(window, { reason: 'oom', exitCode: 0 });
    expect(calls.slice(-2)).toEqual(['lock window-crashed', 'close']);
    expect(calls.filter((call) => call === 'reload')).toHaveLength(MAX_RELOADS);
  });

  it('tells the reloaded window why the vault is locked, exactly once', () => {
    const { windowCrash, window, calls } = setup({ armed: true });
    windowCrash.gone(window, { reason: 'crashed', exitCode: 1 });
    calls.length = 0;
    windowCrash.loaded(window);
    expect(calls).toEqual(['notice window-crashed']);
    // Later loads of the same window (the person reloading it) say nothing more.
    windowCrash.loaded(window);
    windowCrash.loaded(window);
    expect(calls).toEqual(['notice window-crashed']);
  });

  it('says nothing when no vault was open (auto-lock not armed), but still locks and reloads', () => {
    const { windowCrash, window, calls } = setup({ armed: false });
    windowCrash.gone(window, { reason: 'crashed', exitCode: 1 });
    windowCrash.loaded(window);
    expect(calls).toEqual(['lock window-crashed', 'reload']);
  });

  it('says nothing on a load before any crash', () => {
    const { windowCrash, window, calls } = setup();
    windowCrash.loaded(window);
    expect(calls).toEqual([]);
  });

  it('reads auto-lock at the moment of the crash', () => {
    const { windowCrash, window, calls, setArmed } = setup({ armed: false });
    windowCrash.gone(window, { reason: 'crashed', exitCode: 1 });
    windowCrash.loaded(window);
    setArmed(true);
    windowCrash.gone(window, { reason: 'crashed', exitCode: 1 });
    windowCrash.loaded(window);
    expect(calls).toEqual(['lock window-crashed', 'reload', 'lock window-crashed', 'reload', 'notice window-crashed']);
  });
});

describe('a second launch', () => {
  const fakeWindow = (minimized: boolean) => {
    const calls: string[] = [];
    let isMinimized = minimized;
    return {
      calls,
      window: {
        isMinimized: () => isMinimized,
        restore: () => {
          calls.push('restore');
          isMinimized = false;
        },
        focus: () => calls.push('focus'),
      },
    };
  };

  it('restores a minimized window, then focuses it', () => {
    const { window, calls } = fakeWindow(true);
    focusExisting(window);
    expect(calls).toEqual(['restore', 'focus']);
  });

  it('focuses a window that is not minimized without restoring it', () => {
    const { window, calls } = fakeWindow(false);
    focusExisting(window);
    expect(calls).toEqual(['focus']);
  });

  it('does nothing when the app has no window (macOS, after it was closed)', () => {
    expect(() => focusExisting(null)).not.toThrow();
  });
});
