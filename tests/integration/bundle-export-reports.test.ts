// What people read in a bundle: the exhibit list as PDF (parsed back with poppler's
// pdftotext, page 1 rendered with pdftoppm), as HTML (hostile text stays text, nothing can
// run or load), the CSV a spreadsheet opens (parsed back with csv-parse), exhibits.json.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/main/engine/bundle/export/export';
import { CSV_COLUMNS } from '../../src/main/engine/bundle/export/exhibits-csv';
import { REPORT_CSP } from '../../src/main/engine/bundle/export/report-html';
import { bundleFileCount, COUNT_COMMAND, EXTRA_FILES_COMMAND, FINGERPRINT_COMMAND, TIMESTAMP_COMMANDS, VERIFY_COMMANDS } from '../../src/main/engine/bundle/layout';
import type { ExportResult } from '../../src/shared/bundle';
import { HOSTILE_NAME, KAZAKH_NAME, makeEvidenceVault, shell, type EvidenceVault } from '../helpers/bundle-export-vault';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

/** Where a person can look at page 1 after the run (the issue asks for it to be looked at). */
const PAGE1_PNG = '/tmp/tamga-exhibit-list-page1.png';

let evidence: EvidenceVault;
let bundle: ExportResult;
const read = (path: string): Promise<string> => readFile(join(bundle.outPath, path), 'utf8');

beforeAll(async () => {
  evidence = await makeEvidenceVault(await tempDir('tamga-evidence-'));
  bundle = await exportBundle(evidence.vault, {
    selection: { kind: 'items', items: evidence.order },
    outPath: join(await tempDir('tamga-bundles-'), 'bundle'),
    recipient: 'Алматы қалалық соты',
    organization: 'Election observers of Akmola',
    contactName: 'Айгерім Сәтбаева',
    contactEmail: 'aigerim@example.org',
    description: 'Ballot stuffing at polling station 12',
    caseIdentifier: '2-1234/2021',
  });
});
afterAll(async () => {
  evidence.vault.close();
  await removeTempDirs();
});

describe('the PDF exhibit list', () => {
  let text: string;
  beforeAll(() => {
    text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(bundle.outPath, 'report/exhibit-list.pdf'), '-'], { encoding: 'utf8' });
  });

  it('parses, and has one entry per exhibit, in order, each with its SHA-256', () => {
    // Each block opens with its number on a line of its own (pdftotext splits the wide gap; a page starts with a form feed).
    const headings = [...text.matchAll(/^\f?(E\d{4})(?=\s|$)/gmu)].map((m) => m[1]);
    expect(headings).toEqual(bundle.exhibits.map((e) => e.number));
    for (const e of bundle.exhibits) expect(text).toContain(e.sha256);
  });

  it('carries the key fingerprint, the case, and the commands to verify', () => {
    expect(text).toContain(bundle.keyFingerprint);
    expect(text).toContain('2-1234/2021');
    expect(text).toContain(VERIFY_COMMANDS[0]);
  });

  it('prints every command whole, one PDF line per command line, and each runs as copied (pdftotext -layout)', () => {
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', join(bundle.outPath, 'report/exhibit-list.pdf'), '-'], { encoding: 'utf8' });
    const lines = layout.split('\n').map((line) => line.trim());
    const copied = (command: string): string => {
      const wanted = command.split('\n').map((line) => line.trim());
      const at = lines.findIndex((_, i) => wanted.every((w, j) => lines[i + j] === w));
      expect({ command, found: at >= 0 }).toEqual({ command, found: true });
      return lines.slice(at, at + wanted.length).join('\n');
    };
    for (const command of VERIFY_COMMANDS) {
      const run = shell(bundle.outPath, copied(command));
      expect({ command, code: run.code }).toEqual({ command, code: 0 });
    }
    expect(shell(bundle.outPath, copied(EXTRA_FILES_COMMAND))).toEqual({ code: 1, stdout: '', stderr: '' });
    const count = bundleFileCount(bundle.exhibits.length);
    expect(shell(bundle.outPath, copied(COUNT_COMMAND)).stdout.trim()).toBe(String(count));
    expect(text).toContain(`The number of files (timestamp files not counted), which must be ${count}:`);
    expect(shell(bundle.outPath, copied(FINGERPRINT_COMMAND)).stdout.trim()).toBe(`${bundle.keyFingerprint}  -`);
    // The timestamp step is printed whole too (a bundle with a token runs it in timestamp-bundle.test.ts).
    for (const command of TIMESTAMP_COMMANDS) expect(copied(command)).toBe(command);
  });

  it('shows Kazakh names and descriptions with their own letters (an embedded Unicode font)', () => {
    expect(text).toContain(KAZAKH_NAME);
    expect(text).toContain('Көкшетау');
    expect(text).toContain('Алматы қалалық соты');
    expect(text).toContain('Ақмола облысы');
    const fonts = execFileSync('pdffonts', [join(bundle.outPath, 'report/exhibit-list.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSans\s.*yes\s+yes\s+yes/);
  });

  it('shows hidden characters of a name instead of obeying them', () => {
    expect(text).toContain('line[U+0009]break[U+202E]gpj.exe');
  });

  it('renders page 1 (pdftoppm) for a person to look at', async () => {
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', join(bundle.outPath, 'report/exhibit-list.pdf'), PAGE1_PNG.replace(/\.png$/, '')]);
    expect((await stat(PAGE1_PNG)).size).toBeGreaterThan(10_000);
  });
});

describe('the HTML exhibit list', () => {
  let html: string;
  beforeAll(async () => {
    html = await read('report/exhibit-list.html');
  });

  it('shows a hostile name as text', () => {
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;.jpg');
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).not.toMatch(/onerror=alert\(1\)>/);
  });

  it('has no script, no outside link, and a policy that forbids both', () => {
    const tags = html.match(/<[^>]*>/g) ?? [];
    expect(tags.filter((t) => /^<script|\son[a-z]+\s*=|javascript:/i.test(t))).toEqual([]);
    expect(html).not.toMatch(/(?:src|href)="(?!data:image\/jpeg;base64,)/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none'; img-src data:; style-src 'sha256-/);
    // The one style block is exactly what the policy's hash allows.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(REPORT_CSP).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it('is self-contained: one thumbnail per photo, inline', () => {
    const images = [...html.matchAll(/<img alt="Thumbnail of E\d{4}" src="data:image\/jpeg;base64,[A-Za-z0-9+/=]+">/g)];
    expect(images.length).toBe(bundle.exhibits.length);
    for (const e of bundle.exhibits) expect(html).toContain(`<article id="${e.number}">`);
    expect(html).toContain(bundle.keyFingerprint);
  });
});

describe('exhibits.csv', () => {
  it('parses back with a CSV parser: the header, then one row per exhibit with the same values as exhibits.json', async () => {
    const raw = await readFile(join(bundle.outPath, 'metadata/exhibits.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(raw, { bom: true, columns: true, relax_column_count: false }) as Array<Record<string, string>>;
    const json = JSON.parse(await read('metadata/exhibits.json')) as { exhibits: Array<Record<string, unknown>> };
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.exhibit)).toEqual(bundle.exhibits.map((e) => e.number));
    rows.forEach((row, i) => {
      const e = json.exhibits[i] ?? {};
      expect(row.file).toBe(e.path);
      expect(row.sha256).toBe(e.sha256);
      expect(row.sha512).toBe(e.sha512);
      expect(Number(row.size)).toBe(e.size);
      expect(row.original_name).toBe(e.originalName);
      expect(row.description).toBe(e.description);
    });
    // A description with a line break and Kazakh text survives the round trip.
    expect(rows[0]?.description).toBe('Сайлау учаскесі №12, Ақмола облысы.\nТүнгі 20:15, бюллетеньдер салынды.');
    expect(rows[0]?.tags).toBe('Ақмола; сайлау');
    expect(rows[0]?.gps_lat).toMatch(/^51\.16/);
  });
});

describe('exhibits.json', () => {
  it('keeps the original name exactly, capture time with its source, GPS, device, tags and the custody file', async () => {
    const json = JSON.parse(await read('metadata/exhibits.json')) as { format: string; case: unknown; exhibits: Array<Record<string, unknown>> };
    expect(json.format).toBe('tamga-exhibits');
    expect(json.case).toEqual({ identifier: '2-1234/2021', name: null, description: '' });
    const first = json.exhibits[0] ?? {};
    expect(first).toMatchObject({
      number: 'E0001',
      originalName: KAZAKH_NAME,
      capture: { local: '2021-01-10T08:11:00', utcOffsetMinutes: 360, source: 'exif', offsetKnown: true },
      gps: { source: 'exif' },
      device: { make: { value: 'Apple', source: 'exif' }, model: { value: 'iPhone 12', source: 'exif' } },
      title: 'Карусель дауыс беру',
      place: 'Көкшетау',
      tags: ['Ақмола', 'сайлау'],
      case: '2-1234/2021',
      custody: { path: 'metadata/custody/E0001.jsonl' },
    });
    expect(json.exhibits[1]?.originalName).toBe('Йошкар-Ола ёлка.jpg'.normalize('NFD'));
    // Working notes are never exported.
    expect(Object.keys(first)).not.toContain('notes');
  });
});
