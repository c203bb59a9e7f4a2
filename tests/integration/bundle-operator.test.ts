// Who did each act, in a bundle: the exhibit list (HTML, PDF, CSV) and `tamga verify` name
// the operator each custody event's actor states, labelled as the operator's own statement,
// and a bundle whose events name operators still verifies, every exhibit PASS.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import * as organise from '../../src/main/engine/organise';
import type { ExportResult } from '../../src/shared/bundle';
import { OPERATORS_LABEL } from '../../src/shared/operator';
import type { OpenVault } from '../../src/main/engine/vault/vault';
import { importPaths, openNewVault, writePhoto } from '../helpers/bundle-export-vault';
import { verifyInSandbox } from '../helpers/bundle-verify-cli';
import { runTamga } from '../helpers/child-process';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

const AIGERIM = 'Aigerim Sultanova (observer, Kazakhstan International Bureau for Human Rights)';
const DANIYAR = 'Данияр Беков (юрист)';

let vault: OpenVault;
let bundle: ExportResult;
let fingerprint: string;

beforeAll(async () => {
  const dir = await tempDir('tamga-bundle-operator-');
  ({ vault } = await openNewVault());
  fingerprint = vault.vaultFile.signing.fingerprint;
  // E0002 is acquired before any operator is recorded: its actors name only the tool.
  const early = await importPaths(vault, [await writePhoto(join(dir, 'early'), { name: 'IMG_0002.JPG', seed: 2 })]);
  vault.setOperator({ name: 'Aigerim Sultanova', role: 'observer', organisation: 'Kazakhstan International Bureau for Human Rights', contact: 'aigerim@example.org' });
  const summary = await importPaths(vault, [await writePhoto(join(dir, 'in'), { name: 'IMG_0001.JPG', seed: 1 })]);
  const id = summary.imported[0]?.itemId ?? '';
  organise.tagItems(vault, { items: [id], tags: ['protest'] });
  organise.tagItems(vault, { items: [id], tags: ['almaty'] });
  vault.setOperator({ name: 'Данияр Беков', role: 'юрист' });
  organise.describeItems(vault, { items: [id], title: 'Square, 10 January' });
  bundle = await exportBundle(vault, { selection: { kind: 'items', items: [id, early.imported[0]?.itemId ?? ''] }, outPath: join(dir, 'bundle'), recipient: 'Almaty City Court' });
}, 120_000);
afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

const SAID = `${OPERATORS_LABEL}: ${AIGERIM} — acquired, tagged ×2; ${DANIYAR} — described`;

describe('the operator in a bundle', () => {
  it('the HTML and PDF custody lines and exhibits.csv say who did each act, as the operators stated it', async () => {
    const html = await readFile(join(bundle.outPath, 'report/exhibit-list.html'), 'utf8');
    expect(html).toContain(`4 events: acquired`);
    expect(html).toContain(`by ${AIGERIM} · tamga-test`);
    expect(html).toContain(SAID);
    // E0002's actors name only the tool: nothing is said about operators.
    const e2 = html.slice(html.indexOf('<article id="E0002">'));
    expect(e2).toContain('by tamga-test');
    expect(e2.slice(0, e2.indexOf('</article>'))).not.toContain(OPERATORS_LABEL);

    const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', join(bundle.outPath, 'report/exhibit-list.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(pdf).toContain('Aigerim Sultanova (observer, Kazakhstan International Bureau for Human Rights) — acquired, tagged ×2');
    expect(pdf).toContain('as the operators stated it (signed by the vault key; not an identity check)');

    const rows = parse(await readFile(join(bundle.outPath, 'metadata/exhibits.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows[0]?.custody_summary).toContain(SAID);
    expect(rows[1]?.custody_summary).toMatch(/^1 event: acquired .* by tamga-test$/);
    // The contact is the vault's, never exported.
    expect(html).not.toContain('aigerim@example.org');
    expect(JSON.stringify(rows)).not.toContain('aigerim@example.org');
  });

  it('tamga verify passes it and names who did each act, labelled as their statement', async () => {
    const run = await verifyInSandbox(bundle.outPath, ['--key', fingerprint]);
    expect(run.report.problems).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.report.exhibits.map((e) => [e.number, e.status, e.custodyOperators, e.custodyOperatorsOmitted])).toEqual([
      [
        'E0001',
        'PASS',
        [
          { operator: AIGERIM, acts: [{ type: 'acquired', count: 1 }, { type: 'tagged', count: 2 }] },
          { operator: DANIYAR, acts: [{ type: 'described', count: 1 }] },
        ],
        0,
      ],
      ['E0002', 'PASS', [{ operator: null, acts: [{ type: 'acquired', count: 1 }] }], 0],
    ]);
    const text = await runTamga(['verify', bundle.outPath, '--key', fingerprint]);
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    const e1 = lines.findIndex((l) => l.startsWith('E0001  PASS'));
    expect(lines[e1 + 1]).toBe(`       ${SAID}`);
    expect(lines[e1 + 2]).toMatch(/^E0002 {2}PASS/);
  });
});
