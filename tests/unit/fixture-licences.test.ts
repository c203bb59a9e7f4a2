// The fixtures ship with the repository, so each real file must be one we may
// redistribute, with the notice its terms require beside it (tests/fixtures/README.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAMERA_FORMATS, FIXTURES, REAL, listFiles } from '../helpers/fixtures';

interface SourceRow {
  readonly corpusPath: string;
  readonly sourceRepo: string;
  readonly redistribute: string;
}

function sourceRows(): SourceRow[] {
  const [header, ...lines] = readFileSync(join(FIXTURES, 'SOURCES.tsv'), 'utf8').trimEnd().split('\n');
  expect(header?.split('\t')[5]).toBe('redistribute');
  return lines.map((line) => {
    const cells = line.split('\t');
    return { corpusPath: cells[0] ?? '', sourceRepo: cells[1] ?? '', redistribute: cells[5] ?? '' };
  });
}

/** The notice file a row's terms need: PngSuite's own, else the source repository's. */
function noticePrefix(row: SourceRow): string {
  if (row.redistribute.includes('PngSuite')) return 'PngSuite.';
  return `${row.sourceRepo.split('/')[1] ?? row.sourceRepo}.`;
}

describe('the fixtures in the repository', () => {
  const rows = sourceRows();
  const notices = readdirSync(join(FIXTURES, 'licenses'));

  it('lists every real file once, each redistributable', async () => {
    const onDisk = [...(await listFiles(REAL)), ...(await listFiles(CAMERA_FORMATS))].map((path) => relative(FIXTURES, path).split('\\').join('/')).sort();
    // 127 camera and phone files, and 7 files in formats only ExifTool reads (camera-formats/).
    expect(onDisk).toHaveLength(127 + 7);
    expect(rows.map((row) => row.corpusPath).sort()).toEqual(onDisk);
    for (const row of rows) expect(row.redistribute, row.corpusPath).toMatch(/^yes/);
  });

  it('carries the notice each source’s terms require', () => {
    for (const row of rows) {
      const prefix = noticePrefix(row);
      expect(notices.some((name) => name.startsWith(prefix)), `${row.corpusPath} needs licenses/${prefix}*`).toBe(true);
    }
  });

  it('is read from inside the checkout', () => {
    expect(existsSync(join(FIXTURES, 'exiftool-oracle.json'))).toBe(true);
    expect(relative(join(import.meta.dirname, '..', '..'), FIXTURES)).toBe(join('tests', 'fixtures'));
  });
});
