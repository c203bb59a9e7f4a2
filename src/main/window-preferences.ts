/**
 * The web preferences of every Tamga window, as a pure function so that a unit test can
 * pin each setting without loading Electron (the import below is a type only).
 *
 * Why each matters here: the window shows file names, EXIF strings and descriptions that
 * come from untrusted files. If one of them ever slipped into markup as script, these
 * settings keep that script in a sandboxed renderer that cannot reach Node, the disk or
 * other windows; the only road out is the typed API the preload exposes.
 */
import type { WebPreferences } from 'electron';

/**
 * The window's session. No `persist:` prefix: the session lives in memory only, so no
 * cache, cookies or storage of the window is ever written to disk.
 */
export const SESSION_PARTITION = 'tamga-session';

export interface WindowPreferenceOptions {
  /** Developer tools: only for an unpackaged (development) build. */
  readonly devTools: boolean;
}

export function secureWebPreferences(preloadPath: string, options: WindowPreferenceOptions): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker fetches dictionaries from the network on some systems.
    spellcheck: false,
    partition: SESSION_PARTITION,
    devTools: options.devTools,
  };
}
