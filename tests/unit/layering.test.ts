// The lint rules that keep each layer in its process really fire: an engine file that
// imports electron, a shared file that imports Node, a renderer file that reaches ipcRenderer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/child-process';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('layering lint rules', () => {
  it('forbids electron in the engine and the CLI', async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await ruleIds(code, 'src/main/engine/vault/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'src/cli/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'src/main/window-x.ts')).not.toContain('no-restricted-imports');
  });

  it('forbids Node in src/shared and in the renderer', async () => {
    const code = "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n";
    expect(await ruleIds(code, 'src/shared/x.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(code, 'src/renderer/src/x.ts')).toContain('no-restricted-imports');
  });

  it('keeps ipcRenderer in the preload only', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n";
    expect(await ruleIds(code, 'src/main/x.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds(code, 'src/preload/x.ts')).not.toContain('no-restricted-syntax');
  });
});
