/**
 * The query parser: tokens (tokens.ts) to a tree (ast.ts) by recursive descent.
 *
 *   query    := sequence
 *   sequence := alt ( ["AND"] alt )*          implicit AND between terms
 *   alt      := unary ( "OR" unary )*          OR binds tighter than AND, as in web search:
 *                                              `station 660 OR 661` is station AND (660 OR 661)
 *   unary    := ("-" | "NOT") unary | primary
 *   primary  := "(" sequence ")" | word | "phrase" | field:value
 *
 * Odd input is read generously and the reading is reported in `notes`: a stray ")" is
 * skipped, an unclosed "(" closes at the end, a dangling OR or NOT is dropped, a term
 * with nothing searchable in it ("!!!", "*") is left out. Only operator values that
 * cannot mean anything (after:yesterday, type:audio) are errors (operators.ts).
 * Limits keep a pasted novel from becoming a 10 000-term SQL statement.
 */
import { combine, negate, type QueryNode } from './ast';
import { hasTokens } from './fold';
import { fieldNode } from './operators';
import { tokenize, type Token } from './tokens';

export const MAX_QUERY_CHARS = 2000;
export const MAX_TERMS = 64;
export const MAX_DEPTH = 16;
/** Beyond this many notes, one more says how many were left unsaid. */
export const MAX_NOTES = 10;

export interface ParsedQuery {
  /** Null when the query asks for nothing in particular: every item matches. */
  readonly root: QueryNode | null;
  readonly notes: readonly string[];
}

class Parser {
  private pos = 0;
  private terms = 0;
  readonly notes: string[] = [];

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  sequence(inGroup: boolean): QueryNode | null {
    const parts: QueryNode[] = [];
    for (let t = this.peek(); t !== undefined; t = this.peek()) {
      if (t.type === 'close') {
        if (inGroup) break;
        this.pos += 1;
        this.note(`The ")" at character ${t.at + 1} closes nothing and was left out.`);
      } else if (t.type === 'and') {
        this.pos += 1;
      } else {
        const node = this.alternatives();
        if (node !== null) parts.push(node);
      }
    }
    return combine('and', parts);
  }

  private alternatives(): QueryNode | null {
    const parts: QueryNode[] = [];
    const first = this.unary();
    if (first !== null) parts.push(first);
    for (let t = this.peek(); t?.type === 'or'; t = this.peek()) {
      this.pos += 1;
      const next = this.peek();
      if (next === undefined || next.type === 'close' || next.type === 'or' || next.type === 'and') {
        this.note(`The OR at character ${t.at + 1} has nothing after it and was left out.`);
        continue;
      }
      const node = this.unary();
      if (node !== null) parts.push(node);
    }
    return combine('or', parts);
  }

  private unary(): QueryNode | null {
    // Iterative, so that "------x" costs no stack: each sign flips the next term.
    let negations = 0;
    for (let t = this.peek(); t?.type === 'minus' || t?.type === 'not'; t = this.peek()) {
      this.pos += 1;
      const next = this.peek();
      if (next === undefined || next.type === 'close' || next.type === 'or' || next.type === 'and') {
        this.note(`The ${t.type === 'not' ? 'NOT' : '"-"'} at character ${t.at + 1} has nothing after it and was left out.`);
        return null;
      }
      negations += 1;
    }
    const operand = this.primary();
    return operand === null || negations % 2 === 0 ? operand : negate(operand);
  }

  private primary(): QueryNode | null {
    const t = this.peek();
    if (t === undefined) return null;
    this.pos += 1;
    switch (t.type) {
      case 'open': {
        const inner = this.sequence(true);
        if (this.peek()?.type === 'close') this.pos += 1;
        else this.note(`The "(" at character ${t.at + 1} is not closed: it was closed at the end of the query.`);
        return inner;
      }
      case 'or':
      case 'and':
        this.note(`The ${t.type.toUpperCase()} at character ${t.at + 1} has nothing before it and was left out.`);
        return null;
      case 'word':
      case 'phrase': {
        if (!hasTokens(t.text)) {
          if (t.text.trim() !== '') this.note(`"${t.text}" has no letters or digits to search for and was left out.`);
          return null;
        }
        // Punctuation around a word ("items;", "'Almaty'") is not part of it; inside it is ("IMG_0001.JPG").
        const text = t.type === 'word' ? trimPunctuation(t.text) : t.text;
        return this.counted({ kind: 'text', field: 'any', text, phrase: t.type === 'phrase' });
      }
      case 'field': {
        const node = fieldNode(t.name, t.value, t.quoted);
        if (node === null) {
          this.note(`${t.name}: at character ${t.at + 1} has no value to search for and was left out.`);
          return null;
        }
        return this.counted(node);
      }
      // A ")" here was seen by sequence(); "-" and NOT by unary(): neither reaches this point.
      case 'close':
      case 'minus':
      case 'not':
        return null;
    }
  }

  private counted(node: QueryNode): QueryNode | null {
    this.terms += 1;
    if (this.terms <= MAX_TERMS) return node;
    this.note(`Only the first ${MAX_TERMS} terms of the query were used.`);
    return null;
  }
}

function trimPunctuation(word: string): string {
  return word.replace(/^[^\p{L}\p{N}\p{Co}]+|[^\p{L}\p{N}\p{Co}]+$/gu, '');
}

function capNotes(notes: readonly string[]): string[] {
  if (notes.length <= MAX_NOTES) return [...notes];
  return [...notes.slice(0, MAX_NOTES), `… and ${notes.length - MAX_NOTES} more notes like these.`];
}

/**
 * Drops parentheses nested deeper than MAX_DEPTH (with their matching closers), so the
 * parser's recursion stays shallow whatever the input.
 */
function flattenDeepGroups(tokens: readonly Token[], notes: string[]): Token[] {
  const out: Token[] = [];
  const dropped: boolean[] = [];
  for (const t of tokens) {
    if (t.type === 'open') {
      const drop = dropped.length >= MAX_DEPTH;
      dropped.push(drop);
      if (drop) continue;
    } else if (t.type === 'close' && dropped.pop() === true) {
      continue;
    }
    out.push(t);
  }
  if (out.length < tokens.length) notes.push(`Parentheses nested deeper than ${MAX_DEPTH} levels were read as one level.`);
  return out;
}

export function parseQuery(input: string): ParsedQuery {
  const notes: string[] = [];
  // Control characters mean nothing in a query, and a NUL would end the FTS5 expression
  // early inside SQLite; a lone surrogate is not text at all.
  let text = input
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .normalize('NFC');
  if ([...text].length > MAX_QUERY_CHARS) {
    text = [...text].slice(0, MAX_QUERY_CHARS).join('');
    notes.push(`The query is longer than ${MAX_QUERY_CHARS} characters: only the first ${MAX_QUERY_CHARS} were read.`);
  }
  const lexed = tokenize(text);
  const parser = new Parser(flattenDeepGroups(lexed.tokens, notes));
  const root = parser.sequence(false);
  return { root, notes: capNotes([...notes, ...lexed.notes, ...parser.notes]) };
}
