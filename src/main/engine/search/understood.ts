/**
 * Prints a query tree back in the query language, with everything made explicit that
 * the reader would otherwise have to know: AND between terms, parentheses around OR
 * groups, `*` on words (they match as prefixes). The window shows it as "searching for
 * …"; pasted back into the search box it finds the same items.
 */
import type { QueryNode } from './ast';

/** Quotes a value that would not survive as one bare word. */
function operand(value: string): string {
  return /^[^\s()"“”„«»]+$/u.test(value) && !/^(OR|AND|NOT)$/.test(value) ? value : `"${value}"`;
}

function leaf(node: QueryNode): string {
  switch (node.kind) {
    case 'text': {
      const body = node.phrase ? `"${node.text}"` : node.text.endsWith('*') ? node.text : `${node.text}*`;
      return node.field === 'any' ? body : `${node.field}:${body}`;
    }
    case 'tag':
    case 'case':
      return `${node.kind}:${operand(node.name)}${node.prefix ? '*' : ''}`;
    case 'type':
      return `type:${node.value}`;
    case 'has':
      return `has:${node.what}`;
    case 'date':
      return node.spelled;
    case 'near':
      return `near:${node.lat},${node.lon},${node.km}`;
    case 'sha256':
      return `sha256:${node.prefix}`;
    case 'not':
    case 'and':
    case 'or':
      return print(node);
  }
}

function print(node: QueryNode): string {
  switch (node.kind) {
    case 'not':
      return node.child.kind === 'and' || node.child.kind === 'or' ? `-(${print(node.child)})` : `-${print(node.child)}`;
    case 'and':
      return node.children.map((c) => (c.kind === 'or' ? `(${print(c)})` : print(c))).join(' AND ');
    case 'or':
      return node.children.map((c) => (c.kind === 'and' ? `(${print(c)})` : print(c))).join(' OR ');
    default:
      return leaf(node);
  }
}

/** '' for the empty query (everything). */
export function understoodQuery(root: QueryNode | null): string {
  return root === null ? '' : print(root);
}
