/**
 * An engine sentence in the window's language. Some of the engine's words are English
 * sentences by design: the metadata problems the file readers write (stored with the item,
 * printed by `tamga show`, exported in bundles) and the notes of a search (printed by
 * `tamga search`) and why an item has no preview (stored with it). Each is written from one
 * of a known set of templates, whose English is in en.json (metadataProblem.template,
 * searchNote.template, previewReason.template) under a stable code. This
 * finds the template a sentence was written from and its values ("Box 'moov' at byte 28
 * claims …" → boxCutInFile { box: "'moov'", at: "28", … }), so the window says it from the
 * same key in any language. A sentence no template matches is returned as null: the window
 * then shows it as written, in English, and says so. Pure (shared, so Node tests check it against
 * what the readers write): the English table comes from the caller.
 */

export interface MatchedSentence {
  /** The template's key, without a plural suffix: <group>.template.<key>. */
  readonly key: string;
  /** The values in the sentence, by the template's placeholder names; `count` as a number. */
  readonly values: Readonly<Record<string, string | number>>;
}

interface Compiled {
  readonly key: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
const PLURAL = /_(zero|one|two|few|many|other)$/;

const cache = new WeakMap<object, readonly Compiled[]>();

function compile(table: Readonly<Record<string, string>>): readonly Compiled[] {
  const known = cache.get(table);
  if (known !== undefined) return known;
  const compiled = Object.entries(table).map(([key, template]): Compiled => {
    const names: string[] = [];
    let source = '';
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      source += template.slice(last, m.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      source += '(.+?)';
      names.push(m[1] ?? '');
      last = (m.index ?? 0) + m[0].length;
    }
    source += template.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return { key: key.replace(PLURAL, ''), pattern: new RegExp(`^${source}$`, 's'), names };
  });
  cache.set(table, compiled);
  return compiled;
}

/** The template `sentence` was written from, in the table's order (specific templates first); null when none. */
export function matchTemplate(sentence: string, englishTemplates: Readonly<Record<string, string>>): MatchedSentence | null {
  for (const { key, pattern, names } of compile(englishTemplates)) {
    const m = pattern.exec(sentence);
    if (m === null) continue;
    const values: Record<string, string | number> = {};
    names.forEach((name, i) => {
      const value = m[i + 1] ?? '';
      values[name] = name === 'count' && /^\d+$/.test(value) ? Number(value) : value;
    });
    return { key, values };
  }
  return null;
}

/**
 * The values that are identifiers from the file or its format (box types, tag names, the
 * raw value read, a library's own message): shown as code, in the original, never translated.
 */
export const VERBATIM_VALUES: ReadonlySet<string> = new Set(['box', 'parent', 'field', 'value', 'ifd', 'entry', 'target', 'ext', 'mime', 'detail', 'what', 'looks', 'name', 'text', 'op', 'atom', 'chunk']);

/** <group>.part.<name>.<slug>: the English phrases a value may be that the window says in its own words. */
export function partSlug(english: string): string {
  return english.replace(/ /g, '_').replace(/[()]/g, '');
}
