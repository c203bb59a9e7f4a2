/**
 * The query string as chips: its top-level terms, split on spaces outside quotes and
 * brackets, so each can be shown and removed on its own. Only for display and editing:
 * the engine parses the query (a stray quote is not an error there, nor here). Pure.
 */

/** The top-level terms of a query, e.g. `tag:"a b" -type:video (x OR y)` → 3 terms. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  let current = '';
  let quoted = false;
  let depth = 0;
  for (const char of query) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')') depth = Math.max(0, depth - 1);
    if (!quoted && depth === 0 && /\s/.test(char)) {
      if (current !== '') terms.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current !== '') terms.push(current);
  return terms;
}

/** The query without its term at `index`. */
export function withoutTerm(query: string, index: number): string {
  return queryTerms(query)
    .filter((_, i) => i !== index)
    .join(' ');
}

/** A filter term for a value, quoted when it holds spaces or quotes: tag:"station 12". */
export function filterTerm(field: string, value: string): string {
  return /[\s"()]/.test(value) || value === '' ? `${field}:"${value.replace(/"/g, '')}"` : `${field}:${value}`;
}

/** The query with a term added, unless it is there already. */
export function withTerm(query: string, term: string): string {
  const terms = queryTerms(query);
  return terms.includes(term) ? query : [...terms, term].join(' ');
}
