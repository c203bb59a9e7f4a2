/**
 * report/exhibit-list.pdf against the sealed files. A court reads the PDF, not the JSON:
 * what it prints must be what was checked. Its text (pdf-text.ts) is read back in the
 * layout export/report-pdf.ts draws: each exhibit block opens with its number and is
 * followed by File, Size, SHA-256 and SHA-512 lines (export/report-model.ts, fileLines);
 * the header gives the key fingerprint and the number of exhibits; the verify box the
 * number of files; every footer the key again. Compared:
 *
 * - the exhibits it lists with those of manifest-sha256.txt, both ways;
 * - each one's file with the manifest's path (white space ignored: a PDF does not keep
 *   spaces reliably, and a long name wraps), size with the file's, SHA-256 and SHA-512
 *   with the manifests';
 * - every fingerprint it prints with the seal's key, and its counts with the manifests'.
 *
 * A PDF that cannot be read, or in which no exhibit can be found while the bundle holds
 * some, is a problem: what was not read was not checked.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { exhibitOfPath, MANIFEST_SHA256, MANIFEST_SHA512, REPORT_PDF } from '../layout';
import { FILE_LINE_LABELS } from '../export/report-model';
import { visibleName } from '../export/text';
import type { Manifest } from './manifest';
import { pdfTextLines, type PdfText } from './pdf-text';
import { problem, show } from './problems';
import { sealedFileCount, type PayloadSizes } from './readme-check';

export interface ReportPdfFacts {
  readonly fingerprint: string | null;
  readonly manifests: readonly Manifest[];
  /** Payload file path → size, as found (a view of the listing, not a copy: it may hold 250 000 files). */
  readonly sizes: PayloadSizes;
  readonly custodyLogFiles: number;
}

interface PrintedExhibit {
  readonly number: string;
  readonly file: string;
  readonly size: number | null;
  readonly sha256: string;
  readonly sha512: string;
}

/**
 * The largest PDF read back (held in memory with what PDF.js makes of it): thumbnails stop
 * at the 2 000th exhibit, so a larger one is mostly text past what a court prints.
 */
export const MAX_REPORT_PDF_BYTES = 256 * 1024 * 1024;

const FOOTER = /^Bundle \S+ · key ([0-9a-fA-F]{64}) · page \d+ of \d+$/u;
const TITLE = /^(E\d{4,})(?:\s|$)/u;
const HEADER_KEY = /^Key fingerprint ([0-9a-fA-F]{64})$/u;
const HEADER_EXHIBITS = /^Exhibits (\d+) \(/u;
const FILE_COUNT = /The number of files(?: \(timestamp files not counted\))?, which must be (\d+):/u;
/** How far a wrapped value may run on (a 1 500-character value wraps to fewer lines). */
const MAX_VALUE_LINES = 40;

const squash = (text: string): string => text.replace(/\s+/gu, '');

/** The value of a labelled line and the lines it wraps onto, up to the next label. */
function valueAt(lines: readonly string[], at: number, label: string, next: (line: string) => boolean): { value: string; end: number } | null {
  const first = lines[at];
  if (first?.startsWith(`${label} `) !== true) return null;
  let value = first.slice(label.length + 1);
  let end = at + 1;
  while (end < lines.length && end - at < MAX_VALUE_LINES && !next(lines[end] ?? '')) value += lines[end++] ?? '';
  return { value, end };
}

/** The exhibit blocks: a title line, then File, Size, SHA-256, SHA-512 (each possibly wrapped). */
function printedExhibits(lines: readonly string[]): PrintedExhibit[] {
  const L = FILE_LINE_LABELS;
  const found: PrintedExhibit[] = [];
  let from = 0;
  for (let j = 0; j < lines.length; j++) {
    if (lines[j]?.startsWith(`${L.file} `) !== true) continue;
    let title: RegExpExecArray | null = null;
    for (let i = j - 1; i >= from && title === null; i--) title = TITLE.exec(lines[i] ?? '');
    const file = valueAt(lines, j, L.file, (l) => l.startsWith(`${L.size} `));
    const size = file === null ? null : valueAt(lines, file.end, L.size, (l) => l.startsWith(`${L.sha256} `));
    const sha256 = size === null ? null : valueAt(lines, size.end, L.sha256, (l) => l.startsWith(`${L.sha512} `));
    const sha512 = sha256 === null ? null : valueAt(lines, sha256.end, L.sha512, (l) => !/^[0-9a-fA-F]+$/u.test(l));
    if (title?.[1] === undefined || file === null || size === null || sha256 === null || sha512 === null) continue;
    const bytes = /^(\d+) bytes\b/u.exec(size.value);
    found.push({ number: title[1], file: file.value, size: bytes?.[1] === undefined ? null : Number(bytes[1]), sha256: sha256.value.trim(), sha512: sha512.value.trim() });
    from = sha512.end;
    j = sha512.end - 1;
  }
  return found;
}

/** `textOf` reads the text (bundle-check.ts passes one that may have started earlier). */
export async function checkReportPdf(bytes: Uint8Array | null, facts: ReportPdfFacts, problems: VerifyProblem[], textOf: (bytes: Uint8Array) => Promise<PdfText> = pdfTextLines): Promise<void> {
  if (bytes === null) return; // absent or unreadable: TAG_FILE_MISSING or its read problem says so
  const text = await textOf(bytes);
  if (!text.ok) {
    problems.push(problem('REPORT_PDF_UNREADABLE', `${REPORT_PDF} cannot be read as a PDF (${text.reason}), so what it tells a court was not checked.`, { path: REPORT_PDF }));
    return;
  }
  const differ = (what: string, exhibit?: string): void =>
    void problems.push(problem('REPORT_PDF_MISMATCH', `${REPORT_PDF} ${what}.`, exhibit === undefined ? { path: REPORT_PDF } : { path: REPORT_PDF, exhibit }));
  const footerKeys = text.lines.map((l) => FOOTER.exec(l)?.[1]).filter((k): k is string => k !== undefined);
  const lines = text.lines.filter((l) => !FOOTER.test(l));

  const sha256 = facts.manifests.find((m) => m.name === MANIFEST_SHA256);
  const sha512 = facts.manifests.find((m) => m.name === MANIFEST_SHA512);
  const sealed = new Map<string, string>();
  for (const path of sha256?.entries.keys() ?? []) {
    const number = exhibitOfPath(path);
    if (number !== null && !sealed.has(number)) sealed.set(number, path);
  }
  const printed = printedExhibits(lines);
  if (printed.length === 0 && sealed.size > 0) {
    problems.push(problem('REPORT_PDF_UNREADABLE', `${REPORT_PDF} is a PDF, but no exhibit could be read in it (a number followed by its File, Size, SHA-256 and SHA-512 lines), so what it tells a court was not checked.`, { path: REPORT_PDF }));
    return;
  }

  const seen = new Set<string>();
  for (const p of printed) {
    if (seen.has(p.number)) differ(`lists ${p.number} twice`, p.number);
    seen.add(p.number);
    const path = sealed.get(p.number);
    if (path === undefined) {
      differ(`lists ${p.number}, but ${MANIFEST_SHA256} lists no such exhibit`, p.number);
      continue;
    }
    const was = (what: string, shown: string, actual: string): void => differ(`gives ${p.number}'s ${what} as ${shown}, but ${actual}`, p.number);
    if (squash(p.file) !== squash(visibleName(path))) was('file', show(p.file), `${MANIFEST_SHA256} lists ${show(path)}`);
    const size = facts.sizes.get(path);
    if (size !== undefined && p.size !== size) was('size', p.size === null ? 'no number of bytes' : `${p.size} bytes`, `the file holds ${size}`);
    const digest256 = sha256?.entries.get(path)?.digest;
    if (digest256 !== undefined && p.sha256.toLowerCase() !== digest256) was('SHA-256', show(p.sha256), `${MANIFEST_SHA256} has ${digest256}`);
    const digest512 = sha512?.entries.get(path)?.digest;
    if (digest512 !== undefined && p.sha512.toLowerCase() !== digest512) was('SHA-512', show(p.sha512), `${MANIFEST_SHA512} has ${digest512}`);
  }
  for (const number of sealed.keys()) if (!seen.has(number)) differ(`does not list ${number}, which ${MANIFEST_SHA256} lists`, number);

  const headerKey = lines.map((l) => HEADER_KEY.exec(l)?.[1]).find((k) => k !== undefined);
  if (headerKey === undefined) differ('states no key fingerprint on its first page');
  if (facts.fingerprint !== null) {
    for (const key of new Set([headerKey, ...footerKeys].filter((k): k is string => k !== undefined).map((k) => k.toLowerCase()))) {
      if (key !== facts.fingerprint) differ(`gives the key fingerprint ${key}, but the seal's key is ${facts.fingerprint}`);
    }
  }
  const stated = lines.map((l) => HEADER_EXHIBITS.exec(l)?.[1]).find((n) => n !== undefined);
  if (stated !== undefined && Number(stated) !== sealed.size) differ(`says the bundle holds ${stated} exhibits, but ${MANIFEST_SHA256} lists ${sealed.size}`);
  const files = FILE_COUNT.exec(lines.join(' '))?.[1];
  const sealedTotal = sealedFileCount(facts.manifests, facts.custodyLogFiles);
  if (files !== undefined && sealedTotal !== null && Number(files) !== sealedTotal) differ(`says the bundle folder holds ${files} files, but it holds ${sealedTotal} as sealed`);
}
