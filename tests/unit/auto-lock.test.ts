// Auto-lock: after the vault's idle time, at once on suspend, only while a vault is
// unlocked, once per lock, and with the time the settings say.
import { describe, expect, it, vi } from 'vitest';
import { AutoLock } from '../../src/main/auto-lock';
import { WorkInProgress } from '../../src/main/work-in-progress';

const settings = (autoLockMinutes: number) => ({ autoLockMinutes, legacyHashes: false });

function setup() {
  let idle = 0;
  const lock = vi.fn();
  const keepAwake = vi.fn();
  const work = new WorkInProgress({ keepAwake, onKeyWorkEnded: () => autoLock.workEnded() });
  const autoLock = new AutoLock({ idleSeconds: () => idle, lock, working: () => work.needsKeys });
  return { autoLock, lock, work, keepAwake, setIdle: (seconds: number) => (idle = seconds) };
}

/** A call that runs until `finish` is called. */
function pendingCall(): { promise: () => Promise<string>; finish: (fail?: boolean) => void } {
  let settle: (fail: boolean) => void = () => undefined;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  return {
    promise: async () => ((await done) ? Promise.reject(new Error('failed')) : 'done'),
    finish: (fail = false) => settle(fail),
  };
}

describe('auto-lock', () => {
  it('does nothing while no vault is unlocked', () => {
    const { autoLock, lock, setIdle } = setup();
    setIdle(1e6);
    autoLock.check();
    autoLock.suspend();
    expect(lock).not.toHaveBeenCalled();
  });

  it('locks once the idle time reaches the setting, and only once', () => {
    const { autoLock, lock, setIdle } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(5) });
    setIdle(299);
    autoLock.check();
    expect(lock).not.toHaveBeenCalled();
    setIdle(300);
    autoLock.check();
    autoLock.check();
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle');
    expect(autoLock.armed).toBe(false);
  });

  it('follows a changed setting', () => {
    const { autoLock, lock, setIdle } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(30) });
    setIdle(120);
    autoLock.check();
    autoLock.onEngineEvent({ type: 'settingsChanged', settings: settings(1) });
    autoLock.check();
    expect(lock).toHaveBeenCalledWith('idle');
  });

  it('locks at once on suspend, and disarms when the vault locks another way', () => {
    const { autoLock, lock, setIdle } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(10) });
    autoLock.suspend();
    expect(lock).toHaveBeenCalledExactlyOnceWith('suspend');
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(10) });
    autoLock.onEngineEvent({ type: 'vaultLocked', reason: 'user' });
    setIdle(1e6);
    autoLock.check();
    expect(lock).toHaveBeenCalledOnce();
  });
});

describe('auto-lock during an import or an export', () => {
  it('waits for the running import, then locks saying so, and keeps the machine awake meanwhile', async () => {
    const { autoLock, lock, work, keepAwake, setIdle } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(5) });
    const call = pendingCall();
    const running = work.track('importFiles', call.promise);
    expect(keepAwake).toHaveBeenLastCalledWith(true);
    setIdle(600);
    autoLock.check();
    expect(lock).not.toHaveBeenCalled();
    expect(autoLock.waiting).toBe(true);
    call.finish();
    expect(await running).toBe('done');
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle-after-work');
    expect(keepAwake).toHaveBeenLastCalledWith(false);
    expect(autoLock.waiting).toBe(false);
  });

  it('waits for every running export, and also when the work fails', async () => {
    const { autoLock, lock, work, setIdle } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(1) });
    const first = pendingCall();
    const second = pendingCall();
    const a = work.track('exportBundle', first.promise);
    const b = work.track('importFiles', second.promise);
    setIdle(120);
    autoLock.check();
    first.finish(true);
    await expect(a).rejects.toThrow('failed');
    expect(lock).not.toHaveBeenCalled();
    second.finish();
    await b;
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle-after-work');
  });

  it('waits on a locked screen, but never on a suspend', async () => {
    const { autoLock, lock, work } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(30) });
    const call = pendingCall();
    const running = work.track('importFiles', call.promise);
    autoLock.screenLocked();
    expect(lock).not.toHaveBeenCalled();
    autoLock.suspend();
    expect(lock).toHaveBeenCalledExactlyOnceWith('suspend');
    call.finish();
    await running;
    expect(lock).toHaveBeenCalledOnce();
  });

  it('does not hold back the lock for a verify (it needs no keys), but keeps the machine awake', async () => {
    const { autoLock, lock, work, keepAwake, setIdle } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(1) });
    const call = pendingCall();
    const running = work.track('verifyBundle', call.promise);
    expect(keepAwake).toHaveBeenCalledExactlyOnceWith(true);
    setIdle(60);
    autoLock.check();
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle');
    call.finish();
    await running;
    expect(keepAwake).toHaveBeenLastCalledWith(false);
  });

  it('waits for a replica push and a replica check, which need the keys to the end', async () => {
    const { autoLock, lock, work, keepAwake, setIdle } = setup();
    autoLock.onEngineEvent({ type: 'vaultUnlocked', settings: settings(1) });
    const push = pendingCall();
    const check = pendingCall();
    const pushing = work.track('pushReplicas', push.promise);
    const checking = work.track('verifyReplica', check.promise);
    expect(keepAwake).toHaveBeenCalledExactlyOnceWith(true);
    setIdle(120);
    autoLock.check();
    push.finish();
    await pushing;
    expect(lock).not.toHaveBeenCalled();
    check.finish();
    await checking;
    expect(lock).toHaveBeenCalledExactlyOnceWith('idle-after-work');
    expect(keepAwake).toHaveBeenLastCalledWith(false);
  });

  it('keeps the machine awake during a restore, which holds no keys of an open vault', async () => {
    const { work, keepAwake } = setup();
    const call = pendingCall();
    const running = work.track('restoreReplica', call.promise);
    expect(keepAwake).toHaveBeenCalledExactlyOnceWith(true);
    expect(work.needsKeys).toBe(false);
    call.finish();
    await running;
    expect(keepAwake).toHaveBeenLastCalledWith(false);
  });

  it('does not count short calls as work', async () => {
    const { work, keepAwake } = setup();
    await work.track('searchItems', async () => 'x');
    expect(keepAwake).not.toHaveBeenCalled();
    expect(work.needsKeys).toBe(false);
  });
});

describe('the engine worker locks on the shell\'s word', async () => {
  const { dispatch } = await import('../../src/main/engine-host/dispatch');
  it('answers a lock message by locking with its reason', async () => {
    const lock = vi.fn(async () => undefined);
    const engine = { lock } as unknown as Parameters<typeof dispatch>[0];
    expect(await dispatch(engine, { kind: 'lock', id: 3, reason: 'suspend' })).toEqual({ kind: 'result', id: 3, result: { ok: true, value: undefined } });
    expect(lock).toHaveBeenCalledWith('suspend');
  });
});
