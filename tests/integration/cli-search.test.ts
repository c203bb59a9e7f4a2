// `tamga search`, `tag`, `describe` and `case` as a script or an auditor runs them: JSON
// to parse, exit codes to branch on, one-line reasons on stderr, and a clean audit after.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/main/engine/api';
import type { CaseSummary, ItemDescription, OrganiseResult } from '../../src/shared/organise';
import type { FindByFileResult, SearchResult } from '../../src/shared/search';
import { runTamga, type RunResult } from '../helpers/child-process';
import { REAL } from '../helpers/fixtures';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const env = { TAMGA_PASSPHRASE: PASSPHRASE };
const MOV = join(REAL, 'mei', 'with-gps.mov');
let root: string;
let movId: string;

const tamga = (...args: string[]): Promise<RunResult> => runTamga(args, env);
function json<T>(result: RunResult): T {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

// The vault is made in-process (each `tamga` run costs a Node start and a key derivation).
beforeAll(async () => {
  root = join(await tempDir(), 'vault');
  const engine = createEngine();
  try {
    await engine.createVault({ path: root, passphrase: PASSPHRASE });
    const summary = await engine.importFiles({ paths: [MOV, join(REAL, 'exiftool', 'Apple.jpg'), join(REAL, 'mei', 'Canon EOS 7D.jpg')] });
    movId = summary.imported[0]?.itemId ?? '';
  } finally {
    await engine.close();
  }
}, 120_000);

afterAll(removeTempDirs);

describe('organising from the command line', () => {
  it('tags, describes and files an item, each change on its custody chain', async () => {
    const tagged = json<{ added: OrganiseResult; removed: OrganiseResult | null }>(await tamga('tag', root, movId, '--add', 'ballot stuffing', '--add', 'Вброс', '--json'));
    expect(tagged.added.changed).toEqual([movId]);
    const described = await tamga('describe', root, movId, '--title', 'PS 660 ballot box', '--place', 'Petropavlovsk, polling station 660');
    expect(described.stdout).toBe('Described 1 item(s); 0 already as asked.\n');
    expect(json<CaseSummary>(await tamga('case', root, 'create', 'Petropavlovsk PS 660', '--description', 'Ballot stuffing', '--json'))).toMatchObject({ name: 'Petropavlovsk PS 660' });
    expect((await tamga('case', root, 'add', 'petropavlovsk ps 660', movId)).stdout).toBe('Added 1 item(s); 0 already as asked.\n');
    const shown = json<ItemDescription>(await tamga('describe', root, movId, '--json'));
    expect(shown).toMatchObject({ title: 'PS 660 ballot box', tags: ['ballot stuffing', 'Вброс'], cases: [{ name: 'Petropavlovsk PS 660' }] });
    const custody = JSON.parse((await tamga('show', root, movId, '--json')).stdout) as { custody: Array<{ event: { type: string } }> };
    expect(custody.custody.map((r) => r.event.type)).toEqual(['acquired', 'tagged', 'tagged', 'described', 'added-to-case']);
    expect((await tamga('audit', root)).code).toBe(0);
  });

  it('lists and shows cases, and explains a wrong case action with exit 2', async () => {
    const list = await tamga('case', root, 'list');
    expect(list.stdout).toMatch(/1 item\(s\)\s+Petropavlovsk PS 660 — Ballot stuffing/);
    const wrong = await tamga('case', root, 'close', 'x');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^tamga: "close" is not a case action\. Use: .* \[INVALID_ARGUMENT\]\n$/);
  });
});

describe('tamga search', () => {
  it('prints matching items, the query as understood, and the next page', async () => {
    const text = await tamga('search', root, 'petropavlovsk OR tag:"ballot stuffing" OR canon', '--limit', '1');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(movId);
    expect(text.stdout).toMatch(/^1 of 2 item\(s\); searched for: petropavlovsk\* OR tag:"ballot stuffing" OR canon\*$/m);
    expect(text.stdout).toMatch(/^more: --cursor \S+$/m);
    const all = json<SearchResult>(await tamga('search', root, '', '--limit', '1', '--all', '--json'));
    expect(all.items).toHaveLength(3);
  });

  it('answers "do we hold this file?" with exit 0 and where it came from, or exit 1', async () => {
    const held = json<FindByFileResult>(await tamga('search', root, '--file', MOV, '--json'));
    expect(held.item).toMatchObject({ id: movId, names: ['with-gps.mov'], tags: ['ballot stuffing', 'Вброс'] });
    const missing = await tamga('search', root, '--file', join(REAL, 'mei', 'Nikon D5000.jpg'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toMatch(/^Not in this vault: .*Nikon D5000\.jpg \(SHA-256 [0-9a-f]{64}/);
  });

  it('explains a query it cannot use on one line, with exit 2', async () => {
    const bad = await tamga('search', root, 'after:yesterday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^tamga: after: needs a date written YYYY, YYYY-MM or YYYY-MM-DD .*"yesterday" is not one\. \[QUERY_INVALID\]\n$/);
  });
});
