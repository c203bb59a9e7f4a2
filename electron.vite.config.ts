/**
 * Build of the three parts of the app (electron-vite):
 *   out/main/index.js            the main process (ESM; Electron 45 loads ESM mains)
 *   out/main/engine-worker.js    the engine's worker thread (src/main/index.ts names it)
 *   out/preload/index.cjs        the preload: CommonJS, because a sandboxed preload cannot be ESM
 *   out/renderer/index.html      the window
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/main/csp';

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;

/**
 * Keeps the CSP meta tag in index.html equal to src/main/csp.ts: a build with a different
 * tag fails. The dev server alone gets the dev policy, which lets @vitejs/plugin-react's
 * inline React Refresh preamble run.
 */
function cspMetaTag(): Plugin {
  return {
    name: 'tamga:csp-meta-tag',
    transformIndexHtml: {
      order: 'pre',
      handler(html, context) {
        const found = CSP_META.exec(html);
        if (found === null) throw new Error('src/renderer/index.html has no Content-Security-Policy meta tag.');
        if (context.server !== undefined) {
          return html.replace(CSP_META, `$1${contentSecurityPolicy({ delivery: 'meta', devServer: true })}$3`);
        }
        const expected = contentSecurityPolicy({ delivery: 'meta' });
        if (found[2] !== expected) {
          throw new Error(`The CSP meta tag in src/renderer/index.html differs from src/main/csp.ts; it must be:\n${expected}`);
        }
        return html;
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Every package.json dependency stays in node_modules and is loaded at run time;
      // the native SQLite binding (better-sqlite3-multiple-ciphers) could not be bundled anyway.
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers'] },
      rolldownOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'engine-worker': resolve('src/main/engine-host/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Nothing external but 'electron': a sandboxed preload cannot require node_modules.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: {
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react(), cspMetaTag()],
  },
});
