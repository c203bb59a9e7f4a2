/**
 * The query's abstract syntax tree: what parse.ts produces, compile.ts turns into SQL
 * and understood.ts prints back. Leaves are already checked (a date is a real date, a
 * point is on the globe), so the compiler never meets a value it cannot use.
 */
import type { MediaKind } from '../../../shared/metadata';

/** Which index field a text term searches: every field, or one. */
export type TextField = 'any' | 'camera' | 'place' | 'name';

export type HasWhat = 'gps' | 'title' | 'description' | 'notes' | 'place' | 'tags' | 'case';
export const HAS_WHAT: readonly HasWhat[] = ['gps', 'title', 'description', 'notes', 'place', 'tags', 'case'];

/** A date range as strings compared with the stored ISO times: from inclusive, to exclusive. */
export interface DateBounds {
  readonly from: string | null;
  readonly to: string | null;
}

export type QueryNode =
  /** A word (matched as a prefix) or a quoted phrase (matched exactly). */
  | { readonly kind: 'text'; readonly field: TextField; readonly text: string; readonly phrase: boolean }
  | { readonly kind: 'tag'; readonly name: string; readonly prefix: boolean }
  | { readonly kind: 'case'; readonly name: string; readonly prefix: boolean }
  | { readonly kind: 'type'; readonly value: MediaKind }
  | { readonly kind: 'has'; readonly what: HasWhat }
  /** `spelled` is the operator as the query language writes it, e.g. "after:2021-01-10". */
  | { readonly kind: 'date'; readonly field: 'captured' | 'imported' | 'modified'; readonly bounds: DateBounds; readonly spelled: string }
  | { readonly kind: 'near'; readonly lat: number; readonly lon: number; readonly km: number }
  | { readonly kind: 'sha256'; readonly prefix: string }
  | { readonly kind: 'not'; readonly child: QueryNode }
  | { readonly kind: 'and'; readonly children: readonly QueryNode[] }
  | { readonly kind: 'or'; readonly children: readonly QueryNode[] };

export type LeafNode = Exclude<QueryNode, { kind: 'not' | 'and' | 'or' }>;

/** And/or of the given children, flattened; null for none, the child itself for one. */
export function combine(kind: 'and' | 'or', children: readonly QueryNode[]): QueryNode | null {
  const flat = children.flatMap((c) => (c.kind === kind ? c.children : [c]));
  if (flat.length === 0) return null;
  if (flat.length === 1) return flat[0] ?? null;
  return { kind, children: flat };
}

export function negate(child: QueryNode): QueryNode {
  return child.kind === 'not' ? child.child : { kind: 'not', child };
}
