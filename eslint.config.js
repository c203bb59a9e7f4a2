// Lint rules, including the layering rules that keep each file in the process it belongs to
// (LAYERS below): the engine and the CLI run in plain Node (no electron), src/shared runs
// everywhere (no Node), the renderer never reaches Node or Electron, the preload only
// bridges, the shell reaches the engine only through its worker.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './eslint-rules/layers.js';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'child_process', 'os', 'worker_threads', 'stream', 'stream/*'];

// For the e2e harness's page script, outside src (LAYERS covers src).
const noElectron = { group: ['electron', 'electron/*'], message: 'This runs in the browser, like the preload it stands in for: no Electron.' };
const noNode = { group: nodeBuiltins, message: 'This runs in the browser, like the preload it stands in for: no Node.' };

/**
 * Which folder of src may reach which (eslint-rules/layers.js); a file belongs to the first
 * layer whose folder holds it. tests/unit/layering.test.ts proves each rule fires.
 */
const LAYERS = [
  {
    name: 'The engine (src/main/engine)',
    folders: ['src/main/engine'],
    may: ['src/main/engine', 'src/shared'],
    packages: 'any',
    never: ['electron', 'react', 'react-dom'],
    why: 'it runs in plain Node (the CLI, the engine worker, the tests) and knows nothing of the Electron shell or the window.',
  },
  {
    name: 'The CLI (src/cli)',
    folders: ['src/cli'],
    may: ['src/cli', 'src/main/engine', 'src/shared'],
    packages: 'any',
    never: ['electron', 'react', 'react-dom'],
    why: 'it runs in plain Node over the engine facade.',
  },
  {
    name: 'src/shared',
    folders: ['src/shared'],
    may: ['src/shared'],
    packages: [],
    never: ['electron', 'node:*'],
    why: 'it is loaded by every process, the sandboxed window included: plain data and pure functions only.',
  },
  {
    name: 'The window (src/renderer)',
    folders: ['src/renderer'],
    may: ['src/renderer', 'src/shared'],
    packages: 'any',
    never: ['electron', 'node:*'],
    why: 'it runs sandboxed in Chromium and reaches the engine only through window.tamga.',
  },
  {
    name: 'The preload (src/preload)',
    folders: ['src/preload'],
    may: ['src/preload', 'src/shared'],
    packages: ['electron'],
    // webUtils.getPathForFile turns a dropped File into its path (Electron 32+ removed File.path).
    electronNames: ['contextBridge', 'ipcRenderer', 'webUtils'],
    why: 'it only bridges the channel table of src/shared to the window.',
  },
  {
    name: 'The engine host (src/main/engine-host)',
    folders: ['src/main/engine-host'],
    may: ['src/main/engine-host', 'src/main/engine', 'src/main/error-data', 'src/shared'],
    packages: 'any',
    why: 'it starts the engine in its worker thread.',
  },
  {
    name: 'The Electron shell (src/main)',
    folders: ['src/main'],
    may: ['src/main', 'src/shared'],
    except: ['src/main/engine'],
    packages: 'any',
    why: 'the engine runs in its worker (src/main/engine-host), never on the main thread; its types may be imported.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/imports': ['error', { layers: LAYERS }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Only the preload's own bridge may touch ipcRenderer; only src/main/ipc may touch ipcMain.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/preload/**', 'src/main/ipc/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only src/preload may use ipcRenderer.' },
        { selector: "ImportSpecifier[imported.name='ipcMain']", message: 'Only src/main/ipc may use ipcMain.' },
      ],
    },
  },
  {
    // Evidence text (file names, EXIF strings, descriptions) is only ever text in the window.
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "ImportSpecifier[imported.name='ipcRenderer']", message: 'Only src/preload may use ipcRenderer.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render evidence as text, never as HTML.' },
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Render evidence as text, never as HTML.' },
        { selector: "CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]", message: 'Render evidence as text, never as HTML.' },
      ],
    },
  },
  {
    // The e2e harness's page script runs in the browser, like the preload it stands in for.
    files: ['tests/e2e/harness/page-bridge.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode] }] },
  },
);
