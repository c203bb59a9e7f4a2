// The lint rules that keep evidence text out of HTML in the window really fire.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/child-process';

const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'parse-error');
}

describe('renderer lint rules', () => {
  it('forbid rendering strings as HTML', async () => {
    const file = 'src/renderer/src/features/x/X.tsx';
    expect(await ruleIds('export const X = (p: { n: string }) => <div dangerouslySetInnerHTML={{ __html: p.n }} />;\n', file)).toContain('no-restricted-syntax');
    expect(await ruleIds('export function f(e: HTMLElement, n: string): void {\n  e.innerHTML = n;\n}\n', file.replace('.tsx', '.ts'))).toContain('no-restricted-syntax');
    expect(await ruleIds("export function f(e: HTMLElement, n: string): void {\n  e.insertAdjacentHTML('beforeend', n);\n}\n", file.replace('.tsx', '.ts'))).toContain('no-restricted-syntax');
    expect(await ruleIds('export const X = (p: { n: string }) => <div>{p.n}</div>;\n', file)).toEqual([]);
  });

  it('still keep ipcRenderer out of the renderer', async () => {
    expect(await ruleIds("import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'src/renderer/src/x.ts')).toContain('no-restricted-syntax');
  });
});
