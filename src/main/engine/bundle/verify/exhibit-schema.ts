/**
 * The exact shape of metadata/exhibits.json (docs/formats.md, "metadata/exhibits.json"),
 * as src/main/engine/bundle/export/exhibits-json.ts writes it: every member present, no
 * member Tamga does not write, each of its one type. A program reading the list must not
 * find a member the verifier never looked at, nor a number where a text was checked.
 */
import { chainKind } from '../../../../shared/custody';

export type Shape =
  | { readonly object: Readonly<Record<string, Shape>> }
  | { readonly array: Shape }
  | { readonly nullable: Shape }
  | { readonly test: (value: unknown) => boolean; readonly what: string };

const leaf = (what: string, test: (value: unknown) => boolean): Shape => ({ test, what });
const nullable = (shape: Shape): Shape => ({ nullable: shape });
const text = leaf('a text', (v) => typeof v === 'string');
const count = leaf('a whole number of at least 0', (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0);
const integer = leaf('a whole number', (v) => typeof v === 'number' && Number.isSafeInteger(v));
const number = leaf('a number', (v) => typeof v === 'number' && Number.isFinite(v));
const boolean = leaf('true or false', (v) => typeof v === 'boolean');
const hex = (digits: number): Shape => leaf(`${digits} lower-case hex digits`, (v) => typeof v === 'string' && v.length === digits && /^[0-9a-f]*$/.test(v));

const textField = nullable({ object: { value: text, source: nullable(text) } });

export const EXHIBIT_SHAPE: Shape = {
  object: {
    number: leaf('an exhibit number like "E0001"', (v) => typeof v === 'string' && /^E\d{4,}$/.test(v)),
    path: text,
    originalName: text,
    itemId: leaf('a lower-case UUID', (v) => typeof v === 'string' && chainKind(v) === 'item'),
    size: count,
    sha256: hex(64),
    sha512: hex(128),
    sha1: nullable(hex(40)),
    md5: nullable(hex(32)),
    kind: text,
    format: nullable(text),
    mime: nullable(text),
    capture: nullable({
      object: { local: nullable(text), utc: nullable(text), utcOffsetMinutes: nullable(integer), offsetKnown: boolean, source: nullable(text), field: nullable(text) },
    }),
    gps: nullable({ object: { lat: number, lon: number, alt: nullable(number), source: nullable(text) } }),
    device: { object: { make: textField, model: textField, lens: textField, software: textField } },
    pixelSize: nullable({ object: { width: count, height: count } }),
    durationSeconds: nullable(number),
    title: text,
    description: text,
    place: text,
    tags: { array: text },
    case: nullable(text),
    importedAt: text,
    acquisitions: { array: { object: { sourcePath: text, fileSize: count, fileModified: nullable(text), fileCreated: nullable(text), acquiredAt: text } } },
    custody: { object: { path: text, events: count, head: nullable(hex(64)) } },
    metadataProblems: { array: text },
  },
};

/** The document around the exhibits (which are checked one by one, against EXHIBIT_SHAPE). */
export const DOCUMENT_SHAPE: Shape = {
  object: {
    format: leaf('"tamga-exhibits"', (v) => v === 'tamga-exhibits'),
    formatVersion: leaf('1', (v) => v === 1),
    case: nullable({ object: { identifier: nullable(text), name: nullable(text), description: text } }),
    exhibits: { array: leaf('any', () => true) },
  },
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `value` is not of `shape` (naming the member by its path from `at`), or null when it is. */
export function shapeProblem(value: unknown, shape: Shape, at: string): string | null {
  if ('nullable' in shape) return value === null ? null : shapeProblem(value, shape.nullable, at);
  if ('test' in shape) return shape.test(value) ? null : `${at} is not ${shape.what}`;
  if ('array' in shape) {
    if (!Array.isArray(value)) return `${at} is not a list`;
    for (const [i, item] of (value as unknown[]).entries()) {
      const found = shapeProblem(item, shape.array, `${at}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isObject(value)) return `${at} is not an object`;
  for (const name of Object.keys(value)) {
    if (!Object.hasOwn(shape.object, name)) return `${at} has a member ${JSON.stringify(name)}, which Tamga does not write`;
  }
  for (const [name, member] of Object.entries(shape.object)) {
    if (!Object.hasOwn(value, name)) return `${at} has no member ${JSON.stringify(name)}`;
    const found = shapeProblem(value[name], member, `${at}.${name}`);
    if (found !== null) return found;
  }
  return null;
}
