/**
 * The harness's preload, run in the page before the app (bundled by bridge-script.ts and
 * added as an init script): builds `window.tamga` with the preload's own createBridge,
 * over Playwright bindings instead of ipcRenderer. Events arrive through
 * `__tamgaHarnessEmit`, called by the test process; dropped files get the paths the test
 * registered for their names (a browser cannot know a dropped file's path).
 */
import { createBridge } from '../../../src/preload/create-bridge';

interface HarnessWindow {
  __tamgaHarnessInvoke(channel: string, arg: unknown): Promise<unknown>;
  __tamgaHarnessEmit?: (payload: unknown) => void;
  __tamgaHarnessPaths?: Record<string, string>;
}

const harness = window as unknown as Window & HarnessWindow;

const bridge = createBridge({
  invoke: (channel, arg) => harness.__tamgaHarnessInvoke(channel, arg),
  listen: (listener) => {
    harness.__tamgaHarnessEmit = listener;
  },
  pathForFile: (file) => harness.__tamgaHarnessPaths?.[file.name] ?? '',
});

// Like contextBridge.exposeInMainWorld: a property the page cannot replace.
Object.defineProperty(window, 'tamga', { value: bridge, writable: false, configurable: false, enumerable: true });
