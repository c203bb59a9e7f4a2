// The lint rules that keep each layer in its process really fire (eslint-rules/layers.js,
// LAYERS in eslint.config.js): by folder, by package, and by every road a module can be
// loaded (import, export … from, import(), require(), createRequire(…)(…)).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/child-process';

const eslint = new ESLint({ cwd: ROOT });

async function layerErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports' || m.ruleId === null).map((m) => m.message);
}

const ENGINE = 'src/main/engine/vault/x.ts';

describe('layering lint rules', () => {
  it('keep electron out of the engine and the CLI by every road', async () => {
    const roads = [
      "import { app } from 'electron';\nexport const x = app;\n",
      "export { app } from 'electron';\n",
      "export async function f(): Promise<unknown> {\n  return import('electron');\n}\n",
      "import { createRequire } from 'node:module';\nexport const x: unknown = createRequire(import.meta.url)('electron');\n",
      "import { createRequire } from 'node:module';\nconst load = createRequire(import.meta.url);\nexport const x: unknown = load('electron/main');\n",
      "declare const require: (id: string) => unknown;\nexport const x = require('electron');\n",
      "import type { App } from 'electron';\nexport type X = App;\n",
    ];
    for (const code of roads) {
      expect(await layerErrors(code, ENGINE), code).toEqual([expect.stringMatching(/^The engine \(src\/main\/engine\) may not use electron/)]);
      expect(await layerErrors(code, 'src/cli/x.ts'), code).toEqual([expect.stringMatching(/^The CLI \(src\/cli\) may not use electron/)]);
    }
    expect(await layerErrors("import { app } from 'electron';\nexport const x = app;\n", 'src/main/window-x.ts')).toEqual([]);
  });

  it('keep the engine from reaching the shell by folder, and from loading what cannot be checked', async () => {
    expect(await layerErrors("import { createMainWindow } from '../../window';\nexport const x = createMainWindow;\n", ENGINE)).toEqual([
      expect.stringMatching(/^The engine \(src\/main\/engine\) may not import from src\/main\/window/),
    ]);
    expect(await layerErrors("import { x } from '../../../renderer/src/api';\nexport const y = x;\n", ENGINE)).toHaveLength(1);
    expect(await layerErrors("export async function f(name: string): Promise<unknown> {\n  return import(name);\n}\n", ENGINE)).toEqual([
      expect.stringMatching(/may only name modules by a literal string/),
    ]);
    expect(await layerErrors("import { openVault } from '../vault/vault';\nimport { TamgaError } from '../../../shared/errors';\nexport const x = [openVault, TamgaError];\n", 'src/main/engine/items/x.ts')).toEqual([]);
  });

  it('keep Node out of src/shared and the window, and the window out of the engine', async () => {
    const node = "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n";
    expect(await layerErrors(node, 'src/shared/x.ts')).toEqual([expect.stringMatching(/^src\/shared may not use node:fs\/promises/)]);
    expect(await layerErrors("import { readFile } from 'fs';\nexport const x = readFile;\n", 'src/shared/x.ts')).toHaveLength(1);
    expect(await layerErrors(node, 'src/renderer/src/x.ts')).toEqual([expect.stringMatching(/^The window \(src\/renderer\) may not use node:fs\/promises/)]);
    expect(await layerErrors("import { createEngine } from '../../main/engine/api';\nexport const x = createEngine;\n", 'src/renderer/src/x.ts')).toEqual([
      expect.stringMatching(/may not import from src\/main\/engine\/api/),
    ]);
    // The API contract is types: a type-only import crosses layers.
    expect(await layerErrors("import type { Engine } from '../../main/engine/api';\nexport type X = Engine;\n", 'src/renderer/src/x.ts')).toEqual([]);
  });

  it('let the preload take only contextBridge, ipcRenderer and webUtils from electron, and only src/shared', async () => {
    expect(await layerErrors("import { contextBridge, ipcRenderer, webUtils } from 'electron';\nexport const x = [contextBridge, ipcRenderer, webUtils];\n", 'src/preload/x.ts')).toEqual([]);
    expect(await layerErrors("import { shell } from 'electron';\nexport const x = shell;\n", 'src/preload/x.ts')).toEqual([expect.stringMatching(/may take only contextBridge, ipcRenderer, webUtils from electron, not shell/)]);
    expect(await layerErrors("import { readFile } from 'node:fs';\nexport const x = readFile;\n", 'src/preload/x.ts')).toEqual([expect.stringMatching(/^The preload \(src\/preload\) may not use node:fs/)]);
    expect(await layerErrors("import { startEngineHost } from '../main/engine-host/host';\nexport const x = startEngineHost;\n", 'src/preload/x.ts')).toHaveLength(1);
  });

  it('let the shell reach the engine only through its worker host', async () => {
    const code = "import { createEngine } from '../engine/api';\nexport const x = createEngine;\n";
    expect(await layerErrors(code, 'src/main/ipc/x.ts')).toEqual([expect.stringMatching(/^The Electron shell \(src\/main\) may not import from src\/main\/engine\/api/)]);
    expect(await layerErrors(code, 'src/main/engine-host/x.ts')).toEqual([]);
  });

  it('keep ipcRenderer in the preload only', async () => {
    const [result] = await eslint.lintText("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", { filePath: 'src/main/x.ts' });
    expect(result?.messages.map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });

});
