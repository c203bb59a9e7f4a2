// Lint rules, including the layering rules that keep each file in the process it belongs to:
// the engine and the CLI run in plain Node (no electron), src/shared runs everywhere
// (no Node, no DOM libraries), the renderer never reaches Node or Electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'child_process', 'os', 'worker_threads', 'stream', 'stream/*'];

const noElectron = { group: ['electron', 'electron/*'], message: 'This layer must run without Electron: keep Electron in src/main (outside engine/) and src/preload.' };
const noNode = { group: nodeBuiltins, message: 'This layer must not reach Node: go through the API contract in src/shared.' };
const noReact = { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'React belongs in src/renderer only.' };

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
    files: ['src/main/engine/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noReact] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode] }] },
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
