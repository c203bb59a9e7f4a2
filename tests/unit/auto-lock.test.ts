// Auto-lock: after the vault's idle time, at once on suspend, only while a vault is
// unlocked, once per lock, and with the time the settings say.
import { describe, expect, it, vi } from 'vitest';
import { AutoLock } from '../../src/main/auto-lock';

const settings = (autoLockMinutes: number) => ({ autoLockMinutes, legacyHashes: false });

function setup() {
  let idle = 0;
  const lock = vi.fn();
  const autoLock = new AutoLock({ idleSeconds: () => idle, lock });
  return { autoLock, lock, setIdle: (seconds: number) => (idle = seconds) };
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

describe('the engine worker locks on the shell\'s word', async () => {
  const { dispatch } = await import('../../src/main/engine-host/dispatch');
  it('answers a lock message by locking with its reason', async () => {
    const lock = vi.fn(async () => undefined);
    const engine = { lock } as unknown as Parameters<typeof dispatch>[0];
    expect(await dispatch(engine, { kind: 'lock', id: 3, reason: 'suspend' })).toEqual({ kind: 'result', id: 3, result: { ok: true, value: undefined } });
    expect(lock).toHaveBeenCalledWith('suspend');
  });
});
