/**
 * metadata/exhibits.json, the exhibit list for programs, checked against the bundle: it
 * must be `{"format": "tamga-exhibits", "formatVersion": 1, "exhibits": [...]}`, and each
 * exhibit's number, payload path, size, SHA-256, SHA-512, custody path, event count and
 * head must be what the manifests and the files say. A list that disagrees with the
 * sealed files would tell a court something the files do not. Its item ids name the
 * custody chains (see custody-check.ts).
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { chainKind } from '../../../../shared/custody';
import { EXHIBITS_JSON } from '../layout';
import { captureWords } from '../hop-path';
import { DOCUMENT_SHAPE, EXHIBIT_SHAPE, shapeProblem } from './exhibit-schema';
import { problem, show } from './problems';
import { jsonPath, parseStrictJson } from './strict-json';
import { decodeTagText } from './tag-text';

export interface ListedExhibit {
  readonly number: string;
  readonly path: string;
  readonly originalName: string | null;
  readonly itemId: string | null;
  readonly size: number;
  readonly sha256: string;
  readonly sha512: string;
  /** The vault's legacy hashes, when it computes them (null when absent). */
  readonly sha1: string | null;
  readonly md5: string | null;
  readonly custodyPath: string | null;
  readonly custodyEvents: number | null;
  readonly custodyHead: string | null;
  /** The capture time as the list states it, in words for the hop path ("2021-01-10T08:14:00 (exif)"); null when it states none. */
  readonly capture?: string | null;
}

/** What the bundle itself says about an exhibit, to compare the list with. */
export interface ExhibitFacts {
  readonly path: string | null;
  readonly size: number | null;
  readonly sha256: string | null;
  readonly sha512: string | null;
  readonly custodyPath: string;
  readonly custodyEvents: number | null;
  readonly custodyHead: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

function listed(value: unknown): ListedExhibit | string {
  if (!isObject(value)) return 'is not an object';
  const number = text(value.number);
  const path = text(value.path);
  const size = count(value.size);
  const sha256 = text(value.sha256);
  const sha512 = text(value.sha512);
  if (number === null || !/^E\d{4,}$/.test(number)) return 'has no exhibit number like "E0001"';
  if (path === null || size === null || sha256 === null || sha512 === null) return `(${number}) lacks its path, size, sha256 or sha512`;
  const itemId = text(value.itemId);
  if (itemId !== null && chainKind(itemId) !== 'item') return `(${number}) has an item id that is not a lower-case UUID`;
  const custody = isObject(value.custody) ? value.custody : {};
  return {
    number,
    path,
    originalName: text(value.originalName),
    sha1: text(value.sha1),
    md5: text(value.md5),
    itemId,
    size,
    sha256,
    sha512,
    custodyPath: text(custody.path),
    custodyEvents: count(custody.events),
    custodyHead: text(custody.head),
    capture: captureOf(value.capture),
  };
}

function captureOf(capture: unknown): string | null {
  return isObject(capture) ? captureWords(text(capture.local), text(capture.utc), text(capture.source)) : null;
}

/**
 * The list by exhibit number, or null when the file cannot be used at all (reported).
 * Parsed strictly (strict-json.ts, exhibit-schema.ts): a member named twice refuses the
 * whole file (on the exhibit whose entry holds it), an entry of another shape than Tamga
 * writes is refused (and so also reported as not listed): a member the verifier never
 * looked at, or a number where a text was checked, is never read past.
 */
export function parseExhibitList(bytes: Uint8Array, problems: VerifyProblem[]): Map<string, ListedExhibit> | null {
  const invalid = (why: string, exhibit?: string): null => {
    problems.push(problem('EXHIBITS_JSON_INVALID', `${EXHIBITS_JSON} ${why}.`, exhibit === undefined ? { path: EXHIBITS_JSON } : { path: EXHIBITS_JSON, exhibit }));
    return null;
  };
  const decoded = decodeTagText(bytes);
  if (!decoded.ok) return invalid(`cannot be read: ${decoded.reason}`);
  const parsed = parseStrictJson(decoded.text);
  if (!parsed.ok && parsed.reason === 'syntax') return invalid('is not JSON');
  if (!parsed.ok && parsed.reason === 'duplicate') {
    const { path, key } = parsed.duplicate;
    const exhibit = path[0] === 'exhibits' ? numberOf(parsed.value, path[1]) : undefined;
    const where = path.length === 0 ? 'its top level' : jsonPath(path);
    return invalid(`gives the member ${show(key)} twice in ${where}${exhibit === undefined ? '' : ` (${exhibit})`}: a program would read the last, a person may read the first, so the file is not used`, exhibit);
  }
  const document = parsed.value;
  if (!isObject(document) || document.format !== 'tamga-exhibits' || document.formatVersion !== 1) {
    return invalid('is not a Tamga exhibit list (format "tamga-exhibits", version 1)');
  }
  const wrong = shapeProblem(document, DOCUMENT_SHAPE, 'the document');
  if (wrong !== null) return invalid(`is not a Tamga exhibit list: ${wrong}`);
  const byNumber = new Map<string, ListedExhibit>();
  (document.exhibits as unknown[]).forEach((value, i) => {
    const entryProblem = shapeProblem(value, EXHIBIT_SHAPE, `exhibits[${i}]`);
    const exhibit = entryProblem === null ? listed(value) : `is not as Tamga writes it: ${entryProblem}`;
    if (typeof exhibit === 'string') invalid(`has an entry (number ${i + 1} in the list) that ${exhibit}`, numberOf(document, i));
    else if (byNumber.has(exhibit.number)) invalid(`lists ${exhibit.number} twice`, exhibit.number);
    else byNumber.set(exhibit.number, exhibit);
  });
  return byNumber;
}

/** The exhibit number of the list's entry `index`, when it has a well-formed one. */
function numberOf(document: unknown, index: string | number | undefined): string | undefined {
  const entries = isObject(document) && Array.isArray(document.exhibits) ? (document.exhibits as unknown[]) : [];
  const entry = typeof index === 'number' ? entries[index] : undefined;
  const number = isObject(entry) ? entry.number : undefined;
  return typeof number === 'string' && /^E\d{4,}$/.test(number) ? number : undefined;
}

/** Each listed exhibit against the bundle's facts, and the other way round. */
export function checkExhibitList(list: ReadonlyMap<string, ListedExhibit>, facts: ReadonlyMap<string, ExhibitFacts>, problems: VerifyProblem[]): void {
  const differ = (exhibit: string, what: string): void => {
    problems.push(problem('EXHIBITS_JSON_MISMATCH', `${EXHIBITS_JSON} ${what}.`, { path: EXHIBITS_JSON, exhibit }));
  };
  for (const [number, fact] of facts) {
    const entry = list.get(number);
    if (entry === undefined) {
      differ(number, `does not list ${number}, which the bundle holds`);
      continue;
    }
    const compare = (what: string, listedValue: string | number | null, actual: string | number | null): void => {
      const shown = (v: string | number | null): string => (typeof v === 'string' ? show(v) : String(v));
      if (actual !== null && listedValue !== actual) differ(number, `gives ${number}'s ${what} as ${shown(listedValue)}, but the bundle has ${shown(actual)}`);
    };
    compare('file', entry.path, fact.path);
    compare('size', entry.size, fact.size);
    compare('SHA-256', entry.sha256, fact.sha256);
    compare('SHA-512', entry.sha512, fact.sha512);
    compare('custody log', entry.custodyPath, fact.custodyPath);
    compare('number of custody events', entry.custodyEvents, fact.custodyEvents);
    compare('last custody event', entry.custodyHead, fact.custodyHead);
  }
  for (const number of list.keys()) {
    if (!facts.has(number)) differ(number, `lists ${number}, but the bundle holds no such exhibit`);
  }
}
