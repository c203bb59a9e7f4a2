/**
 * metadata/exhibits.csv, the exhibit list for spreadsheets, read back: a clerk opens this
 * file, not the manifests, so every exhibit's row must give the file, size, SHA-256 and
 * SHA-512 the sealed manifests give, and every exhibit must have exactly one row. A sheet
 * that shows another digest than the one that was checked is a named problem, never a
 * pass. Parsed by csv-parse (RFC 4180, the byte-order mark the export writes allowed).
 */
import { parse } from 'csv-parse/sync';
import type { VerifyProblem } from '../../../../shared/bundle';
import { EXHIBITS_CSV } from '../layout';
import { problem, show } from './problems';
import { decodeTagText } from './tag-text';

/** The columns compared; the sheet has more (metadata, descriptions), which are statements, not checks. */
const CHECKED = ['exhibit', 'file', 'size', 'sha256', 'sha512'] as const;

export type CsvRow = Record<(typeof CHECKED)[number], string>;

/** What the bundle's checked files say of one exhibit. */
export interface CsvFacts {
  readonly path: string | null;
  readonly size: number | null;
  readonly sha256: string | null;
  readonly sha512: string | null;
}

/** The rows by exhibit number, or null when the sheet cannot be read as one (reported). */
export function parseExhibitsCsv(bytes: Uint8Array, problems: VerifyProblem[]): Map<string, CsvRow[]> | null {
  const invalid = (why: string): null => {
    problems.push(problem('EXHIBITS_CSV_INVALID', `${EXHIBITS_CSV} ${why}, so what it shows a reader cannot be checked.`, { path: EXHIBITS_CSV }));
    return null;
  };
  const decoded = decodeTagText(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0));
  if (!decoded.ok) return invalid(`cannot be read: ${decoded.reason}`);
  let records: Record<string, string>[];
  try {
    records = parse(decoded.text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (error) {
    return invalid(`is not a CSV file (${(error as Error).message})`);
  }
  const header = records.length === 0 ? [] : Object.keys(records[0] ?? {});
  const missing = CHECKED.filter((c) => records.length > 0 && !header.includes(c));
  if (missing.length > 0) return invalid(`has no ${missing.join(', ')} column`);
  const rows = new Map<string, CsvRow[]>();
  for (const record of records) {
    const row = Object.fromEntries(CHECKED.map((c) => [c, record[c] ?? ''])) as CsvRow;
    rows.set(row.exhibit, [...(rows.get(row.exhibit) ?? []), row]);
  }
  return rows;
}

export function checkExhibitsCsv(rows: ReadonlyMap<string, readonly CsvRow[]>, facts: ReadonlyMap<string, CsvFacts>, problems: VerifyProblem[]): void {
  const differ = (exhibit: string, what: string): void => {
    problems.push(problem('EXHIBITS_CSV_MISMATCH', `${EXHIBITS_CSV} ${what}.`, { path: EXHIBITS_CSV, exhibit }));
  };
  for (const [exhibit, fact] of facts) {
    const found = rows.get(exhibit) ?? [];
    if (found.length !== 1) {
      differ(exhibit, found.length === 0 ? `has no row for ${exhibit}` : `has ${found.length} rows for ${exhibit}`);
      continue;
    }
    const row = found[0] as CsvRow;
    const compare = (what: string, shown: string, sealed: string | number | null): void => {
      if (sealed !== null && shown !== String(sealed)) differ(exhibit, `gives ${exhibit}'s ${what} as ${show(shown)}, but the sealed files say ${show(String(sealed))}`);
    };
    compare('file', row.file, fact.path);
    compare('size', row.size, fact.size);
    compare('SHA-256', row.sha256, fact.sha256);
    compare('SHA-512', row.sha512, fact.sha512);
  }
  for (const exhibit of rows.keys()) if (!facts.has(exhibit)) differ(exhibit, `has a row for ${show(exhibit)}, an exhibit the bundle does not hold`);
}
