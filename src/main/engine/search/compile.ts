/**
 * The query tree to SQL: one WHERE condition over `search_items s` (the narrow copy of
 * what filters read, migration 5), every value a bound
 * parameter (sql.ts), every text term inside an escaped FTS5 expression (fts.ts).
 *
 * Text terms that are ANDed together become one FTS5 expression (the index intersects
 * them faster than SQL can), and the top-level one is handed back separately as
 * `match`, so that the runner can rank by it (relevance) or drive the query from it.
 *
 * Names in `tag:` and `case:` are resolved against the vault's own tags and cases first
 * (ignoring case and accents), so that the SQL compares exact stored values and the
 * (tag, item) and (case, item) indexes do the work; a name that matches nothing says so
 * in `notes` instead of silently finding nothing.
 */
import type { DateBounds, QueryNode } from './ast';
import { nameKey } from './fold';
import { ftsAll, ftsTerm, splitConjunction, textOnly } from './fts';
import { nearSql } from './geo';
import { joinSql, sql, SQL_FALSE, SQL_TRUE, sqlList, type Sql } from './sql';

/** The names a query can refer to; read lazily, only when a query uses them. */
export interface Vocabulary {
  tags(): readonly string[];
  cases(): ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

export interface CompiledQuery {
  /** The condition on `search_items s` (besides `match`). */
  readonly where: Sql;
  /** The FTS5 expression every result must match, when the query's top level has words. */
  readonly match: string | null;
  /**
   * Bounds every result's capture and import time lies within (from the query's top-level
   * date filters), so that a page walking a time index can start where the range starts.
   */
  readonly bounds: { readonly captured: DateBounds; readonly imported: DateBounds };
  /**
   * For a query that is one tag:, case: or sha256: filter, the statement that lists the
   * matching docs straight from its index (search_items need not be visited at all).
   */
  readonly docs: Sql | null;
  readonly notes: readonly string[];
}

/** Items whose indexed text matches an FTS5 expression (the FTS rowid is the doc). */
function ftsCondition(expression: string): Sql {
  return sql`s.doc IN (SELECT rowid FROM search_fts(${expression}))`;
}

/**
 * Docs whose SHA-256 starts with a hex prefix. Hex sorts before 'g', so [prefix, prefix +
 * 'g') is every such hash: a range on the (sha256, id) index of migration 5.
 */
function hashDocs(prefix: string): Sql {
  return sql`SELECT x.doc FROM items h JOIN search_items x ON x.item_id = h.id WHERE h.sha256 >= ${prefix} AND h.sha256 < ${`${prefix}g`}`;
}

class Compiler {
  readonly notes: string[] = [];
  private tagNames: readonly string[] | null = null;
  private caseRows: ReadonlyArray<{ readonly id: string; readonly name: string }> | null = null;

  constructor(private readonly vocabulary: Vocabulary) {}

  node(node: QueryNode): Sql {
    switch (node.kind) {
      case 'text':
        return ftsCondition(ftsTerm(node));
      case 'and': {
        const { positive, negative, rest } = splitConjunction(node.children);
        // A negated text term alone cannot be an FTS5 expression: each child on its own then.
        if (positive.length === 0) return this.all(node.children.map((c) => this.node(c)));
        return this.all([ftsCondition(ftsAll(positive, negative)), ...rest.map((c) => this.node(c))]);
      }
      case 'or': {
        const text = textOnly(node);
        if (text !== null) return ftsCondition(text);
        return sql`(${joinSql(node.children.map((c) => this.node(c)), ' OR ')})`;
      }
      case 'not':
        // Items without a position are neither near nor "not near" a point: unknown is not far.
        if (node.child.kind === 'near') return sql`(s.gps_lat IS NOT NULL AND NOT ${this.node(node.child)})`;
        return sql`NOT (${this.node(node.child)})`;
      case 'tag':
      case 'case': {
        const docs = this.memberDocs(node);
        return docs === null ? SQL_FALSE : sql`s.doc IN (${docs})`;
      }
      case 'type':
        // Unary + keeps SQLite from using the kind index when other filters are also there:
        // a third of the vault is no place to start from (see compileQuery for type alone).
        return sql`+s.kind = ${node.value}`;
      case 'has':
        return this.has(node.what);
      case 'date': {
        const column = node.field === 'captured' ? sql`s.captured_at` : node.field === 'imported' ? sql`s.imported_at` : sql`s.modified_at`;
        // '' (capture time unknown) sorts before every date: a lower bound keeps it out of before:.
        // (A file with no capture time is never matched by taken:, after: or before:; modified: asks for file times.)
        const from = sql`${column} >= ${node.bounds.from ?? '0'}`;
        return node.bounds.to === null ? from : sql`(${from} AND ${column} < ${node.bounds.to})`;
      }
      case 'near':
        return nearSql(node.lat, node.lon, node.km);
      case 'sha256':
        return sql`s.doc IN (${hashDocs(node.prefix)})`;
    }
  }

  private all(parts: readonly Sql[]): Sql {
    return parts.length === 1 ? (parts[0] ?? SQL_TRUE) : sql`(${joinSql(parts, ' AND ')})`;
  }

  /** The docs carrying a tag or in a case, by their stored names; null (and a note) when no name matches. */
  memberDocs(node: Extract<QueryNode, { kind: 'tag' | 'case' }>): Sql | null {
    const key = nameKey(node.name);
    const matches = (stored: string): boolean => (node.prefix ? nameKey(stored).startsWith(key) : nameKey(stored) === key);
    let values: string[];
    if (node.kind === 'tag') {
      this.tagNames ??= this.vocabulary.tags();
      values = this.tagNames.filter(matches);
    } else {
      this.caseRows ??= this.vocabulary.cases();
      values = this.caseRows.filter((c) => c.id === node.name || matches(c.name)).map((c) => c.id);
    }
    if (values.length === 0) {
      this.notes.push(`No ${node.kind} ${node.prefix ? 'starts with' : 'is named'} "${node.name}" in this vault.`);
      return null;
    }
    // One name lists each doc once (the primary key); several may share docs.
    const distinct = values.length > 1 ? sql`DISTINCT ` : sql``;
    return node.kind === 'tag'
      ? sql`SELECT ${distinct}doc FROM search_tags WHERE tag IN (${sqlList(values)})`
      : sql`SELECT ${distinct}doc FROM search_cases WHERE case_id IN (${sqlList(values)})`;
  }

  private has(what: Extract<QueryNode, { kind: 'has' }>['what']): Sql {
    switch (what) {
      case 'gps':
        // Most items have a position: the gps index is for near:, not for this.
        return sql`+s.gps_lat IS NOT NULL`;
      case 'title':
        return sql`s.has_title = 1`;
      case 'description':
        return sql`s.has_description = 1`;
      case 'notes':
        return sql`s.has_notes = 1`;
      case 'place':
        return sql`s.has_place = 1`;
      case 'tags':
        return sql`EXISTS (SELECT 1 FROM search_tags t WHERE t.doc = s.doc)`;
      case 'case':
        return sql`EXISTS (SELECT 1 FROM search_cases c WHERE c.doc = s.doc)`;
    }
  }
}

/** The intersection of the top-level date filters on one field (open ends where there are none). */
function boundsOf(root: QueryNode | null, field: 'captured' | 'imported'): DateBounds {
  const dates = (root === null ? [] : root.kind === 'and' ? root.children : [root]).flatMap((n) => (n.kind === 'date' && n.field === field ? [n.bounds] : []));
  const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a > b ? a : b);
  const earlier = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);
  return dates.reduce<DateBounds>((acc, b) => ({ from: later(acc.from, b.from), to: earlier(acc.to, b.to) }), { from: null, to: null });
}

export function compileQuery(root: QueryNode | null, vocabulary: Vocabulary): CompiledQuery {
  const bounds = { captured: boundsOf(root, 'captured'), imported: boundsOf(root, 'imported') };
  const compiler = new Compiler(vocabulary);
  const none = { match: null, bounds, docs: null, notes: [] };
  if (root === null) return { ...none, where: SQL_TRUE };
  // Alone, a type is the best place to start: its index holds the matches in capture order.
  if (root.kind === 'type') return { ...none, where: sql`s.kind = ${root.value}` };
  if (root.kind === 'tag' || root.kind === 'case' || root.kind === 'sha256') {
    const docs = root.kind === 'sha256' ? hashDocs(root.prefix) : compiler.memberDocs(root);
    return { ...none, where: docs === null ? SQL_FALSE : sql`s.doc IN (${docs})`, docs, notes: compiler.notes };
  }
  const text = textOnly(root);
  if (text !== null) return { ...none, where: SQL_TRUE, match: text };
  if (root.kind === 'and') {
    const { positive, negative, rest } = splitConjunction(root.children);
    if (positive.length > 0) {
      const parts = rest.map((c) => compiler.node(c));
      const where = parts.length === 0 ? SQL_TRUE : parts.length === 1 ? (parts[0] ?? SQL_TRUE) : joinSql(parts, ' AND ');
      return { where, match: ftsAll(positive, negative), bounds, docs: null, notes: compiler.notes };
    }
  }
  const where = compiler.node(root);
  return { where, match: null, bounds, docs: null, notes: compiler.notes };
}
