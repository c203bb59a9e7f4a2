/**
 * JSON as a verifier must read it: JSON.parse keeps the last of two equal member names
 * (`"sha256"` twice: the second wins), so a file can show a person one value and a
 * program another. The text is parsed by JSON.parse (which judges the syntax), then
 * scanned once for an object that names a member twice, names compared after their
 * escapes are decoded (`"a"` and `"\u0061"` are one name). The scan jumps from quote to
 * quote, so it costs about as much as the parse (~0.3 s for 100 000 exhibits, 120 MB).
 * Written by hand after measuring: an AST library (@humanwhocodes/momoa) took 3.9 s and
 * ~1 GB for the same 61 MB list, past the verifier's memory bound.
 */

/** Where a member name is repeated: the path to the object holding it, and the name. */
export interface DuplicateKey {
  readonly path: ReadonlyArray<string | number>;
  readonly key: string;
}

export type StrictJson = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: 'syntax' } | { readonly ok: false; readonly reason: 'duplicate'; readonly duplicate: DuplicateKey; readonly value: unknown };

interface ObjectFrame {
  readonly keys: Set<string>;
  key: string | null;
}
type Frame = ObjectFrame | { index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The index of the quote that closes the string opening at `start` (text is valid JSON). */
function closingQuote(text: string, start: number): number {
  let at = text.indexOf('"', start + 1);
  for (;;) {
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes += 1;
    if (slashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
}

/** The first repeated member name in `text`, which must be valid JSON; null when there is none. */
export function findDuplicateKey(text: string): DuplicateKey | null {
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      const top = stack.at(-1);
      if (expectKey && top !== undefined && 'keys' in top) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        if (top.keys.has(key)) return { path: stack.slice(0, -1).map((f) => ('keys' in f ? (f.key ?? '') : f.index)), key };
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b /* { */) {
      stack.push({ keys: new Set(), key: null });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ index: 0 });
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top !== undefined && 'index' in top) top.index += 1;
      else expectKey = true;
    }
  }
  return null;
}

/** JSON.parse, refusing a document that names a member twice in one object. */
export function parseStrictJson(text: string): StrictJson {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'syntax' };
  }
  const duplicate = findDuplicateKey(text);
  return duplicate === null ? { ok: true, value } : { ok: false, reason: 'duplicate', duplicate, value };
}

/** A path as a reader finds it: `exhibits[0].custody`. */
export function jsonPath(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `${i === 0 ? '' : '.'}${p}` : `[${JSON.stringify(p)}]`)).join('');
}
