/**
 * FTS5 query strings, built only from escaped terms. Every term is one double-quoted
 * FTS5 string (inner quotes doubled), so nothing the user typed can act as FTS5 syntax
 * (NEAR(, AND, column filters, ^, *); the `*` prefix marker, column filters and the
 * AND / OR / NOT between terms are written here, never taken from the query.
 */
import type { QueryNode } from './ast';
import { foldForIndex } from './fold';

/** The index's columns in order, and their weights for relevance (bm25). */
export const FTS_COLUMNS = ['title', 'description', 'notes', 'name', 'tags', 'camera', 'place'] as const;
export const FTS_WEIGHTS: Readonly<Record<(typeof FTS_COLUMNS)[number], number>> = {
  title: 10,
  description: 5,
  notes: 3,
  name: 4,
  tags: 8,
  camera: 2,
  place: 6,
};

export function quoteTerm(text: string): string {
  return `"${foldForIndex(text).replaceAll('"', '""')}"`;
}

/** One text leaf: a phrase exactly, a word as a prefix, optionally in one column. */
export function ftsTerm(node: Extract<QueryNode, { kind: 'text' }>): string {
  const term = `${quoteTerm(node.text)}${node.phrase ? '' : '*'}`;
  return node.field === 'any' ? term : `${node.field} : ${term}`;
}

export function ftsAll(positive: readonly string[], negative: readonly string[]): string {
  const all = positive.length === 1 ? (positive[0] ?? '') : `(${positive.join(' AND ')})`;
  return negative.length === 0 ? all : `(${all} NOT (${negative.join(' OR ')}))`;
}

export function ftsAny(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' OR ')})`;
}

/**
 * The FTS5 expression for a subtree made only of text terms, or null when the subtree
 * holds anything else (or is a bare negation, which FTS5 cannot express on its own).
 */
export function textOnly(node: QueryNode): string | null {
  switch (node.kind) {
    case 'text':
      return ftsTerm(node);
    case 'or': {
      const parts = node.children.map(textOnly);
      return parts.every((p): p is string => p !== null) ? ftsAny(parts) : null;
    }
    case 'and': {
      const split = splitConjunction(node.children);
      return split.rest.length === 0 && split.positive.length > 0 ? ftsAll(split.positive, split.negative) : null;
    }
    default:
      return null;
  }
}

/** An AND's children sorted into text the index can take in one expression, and the rest. */
export function splitConjunction(children: readonly QueryNode[]): { positive: string[]; negative: string[]; rest: QueryNode[] } {
  const positive: string[] = [];
  const negative: string[] = [];
  const rest: QueryNode[] = [];
  for (const child of children) {
    const text = child.kind === 'not' ? null : textOnly(child);
    const negated = child.kind === 'not' ? textOnly(child.child) : null;
    if (text !== null) positive.push(text);
    else if (negated !== null) negative.push(negated);
    else rest.push(child);
  }
  return { positive, negative, rest };
}
