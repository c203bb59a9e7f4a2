// The bridge the preload (and the e2e harness) builds: exactly the contract's methods on
// their own channels, Results passed through, events fanned out by type, and the shell
// calls checked like the API's.
import { describe, expect, it, vi } from 'vitest';
import { answerShellCall, shellArgumentProblem, type ShellHandlers } from '../../src/main/ipc/shell-call';
import { createBridge, type BridgeTransport } from '../../src/preload/create-bridge';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_METHODS, WINDOW_METHODS } from '../../src/shared/api';
import { ROOT } from '../helpers/child-process';
import { SHELL_METHODS } from '../../src/shared/shell';

function transport() {
  let emit: (payload: unknown) => void = () => undefined;
  const invoke = vi.fn(async (channel: string, arg: unknown) => ({ ok: true, value: { channel, arg } }));
  const t: BridgeTransport = {
    invoke,
    listen: (listener) => (emit = listener),
    pathForFile: (file) => (file.name === 'nopath' ? '' : `/drop/${file.name}`),
  };
  return { t, invoke, emit: (payload: unknown) => emit(payload) };
}

describe('bridge', () => {
  it('has one function per method the window calls, plus onEvent and pathsForFiles, and nothing else', () => {
    const bridge = createBridge(transport().t);
    expect(Object.keys(bridge).sort()).toEqual([...WINDOW_METHODS, ...SHELL_METHODS, 'onEvent', 'pathsForFiles'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const kept of ['extractItem', 'readMedia', 'findByFile']) expect(bridge).not.toHaveProperty(kept);
  });

  it('exposes no method the window never calls (so each one is needed)', () => {
    const files = readdirSync(join(ROOT, 'src', 'renderer', 'src'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.tsx?$/.test(e.name));
    const source = files.map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n');
    const unused = WINDOW_METHODS.filter((method) => !new RegExp(`\\btamga\\.${method}\\(`).test(source));
    expect(unused).toEqual([]);
    expect(WINDOW_METHODS.length).toBeLessThan(API_METHODS.length);
  });

  it('forwards one argument on the method channel and returns the Result as it came', async () => {
    const { t, invoke } = transport();
    const bridge = createBridge(t);
    expect(await bridge.getItem('abc')).toEqual({ ok: true, value: { channel: 'tamga:getItem', arg: 'abc' } });
    await bridge.mediaUrls([]);
    expect(invoke).toHaveBeenLastCalledWith('tamga-shell:mediaUrls', []);
  });

  it('fans events out by type until unsubscribed, surviving a failing listener', () => {
    const { t, emit } = transport();
    const bridge = createBridge(t);
    const seen = vi.fn();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bridge.onEvent('vaultLocked', () => {
      throw new Error('listener bug');
    });
    const off = bridge.onEvent('vaultLocked', seen);
    emit({ type: 'importProgress', progress: {} });
    emit({ type: 'vaultLocked', reason: 'idle' });
    emit('garbage');
    off();
    emit({ type: 'vaultLocked', reason: 'user' });
    expect(seen).toHaveBeenCalledExactlyOnceWith({ type: 'vaultLocked', reason: 'idle' });
    quiet.mockRestore();
  });

  it('gives the paths of dropped files, leaving out files without one', () => {
    const bridge = createBridge(transport().t);
    const files = [new File(['a'], 'a.jpg'), new File(['b'], 'nopath')];
    expect(bridge.pathsForFiles(files)).toEqual(['/drop/a.jpg']);
  });
});

describe('shell calls', () => {
  const handlers: ShellHandlers = {
    chooseFolder: vi.fn(async () => '/picked'),
    chooseImportSources: vi.fn(async () => ['/a']),
    saveOriginalCopy: vi.fn(async () => null),
    mediaUrls: vi.fn(() => ['tamga-media://media/x']),
  };

  it('check their argument', () => {
    expect(shellArgumentProblem('chooseFolder', [{ title: 'Vault' }])).toBeNull();
    expect(shellArgumentProblem('chooseFolder', [{ title: 7 }])?.code).toBe('INVALID_ARGUMENT');
    expect(shellArgumentProblem('chooseFolder', [])?.code).toBe('INVALID_ARGUMENT');
    expect(shellArgumentProblem('chooseImportSources', [{ title: 'x' }])?.code).toBe('INVALID_ARGUMENT');
    expect(shellArgumentProblem('chooseImportSources', [{ title: 'x', folders: true }])).toBeNull();
    expect(shellArgumentProblem('mediaUrls', ['x'])?.code).toBe('INVALID_ARGUMENT');
    expect(shellArgumentProblem('saveOriginalCopy', [{ title: 'Save', item: 'id', name: 'a.mov' }])).toBeNull();
    expect(shellArgumentProblem('saveOriginalCopy', [{ title: 'Save', item: 'id' }])?.code).toBe('INVALID_ARGUMENT');
    expect(shellArgumentProblem('saveOriginalCopy', [{ title: 'Save', name: 'a.mov', item: 5 }])?.code).toBe('INVALID_ARGUMENT');
  });

  it('refuse untrusted senders and answer with Results', async () => {
    expect(await answerShellCall('chooseFolder', [{ title: 'x' }], false, handlers)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(handlers.chooseFolder).not.toHaveBeenCalled();
    expect(await answerShellCall('chooseFolder', [{ title: 'x' }], true, handlers)).toEqual({ ok: true, value: '/picked' });
    const failing = { ...handlers, mediaUrls: () => { throw new Error('boom'); } };
    expect(await answerShellCall('mediaUrls', [[]], true, failing)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
