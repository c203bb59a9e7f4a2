/** What the preload adds to the renderer's global scope: `window.tamga`, and nothing else. */
import type { TamgaBridge } from './bridge';

declare global {
  interface Window {
    readonly tamga: TamgaBridge;
  }
}

export {};
