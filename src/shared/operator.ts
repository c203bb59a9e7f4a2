/**
 * The vault's operator: who says they are at the keyboard (name; optionally role,
 * organisation, contact). It is the operator's own statement, signed by the vault key
 * with every event it is written into: Tamga checks no identity.
 *
 * Every custody event's actor names the operator in force when it is written, then the
 * tool (docs/formats.md, "Custody event format v1", actor):
 *
 *   Aigerim Sultanova (observer, Kazakhstan International Bureau for Human Rights) · tamga-cli 0.2.0
 *
 * Plain data and pure functions only: the window validates with these, the engine
 * composes actors and the verifier splits them with the same code.
 */

export interface Operator {
  /** Who acts, in their own words: NFC, trimmed, 1 to 200 characters. */
  readonly name: string;
  /** E.g. "observer"; absent when not given. */
  readonly role?: string;
  /** E.g. "Kazakhstan International Bureau for Human Rights"; absent when not given. */
  readonly organisation?: string;
  /** A phone number or address; kept in the vault and its operator-set event, never in an actor. */
  readonly contact?: string;
}

/** What a caller may send: empty optional members count as absent. */
export interface OperatorInput {
  readonly name: string;
  readonly role?: string | null;
  readonly organisation?: string | null;
  readonly contact?: string | null;
}

export const OPERATOR_FIELDS = ['name', 'role', 'organisation', 'contact'] as const;
export type OperatorField = (typeof OPERATOR_FIELDS)[number];

/** The longest any member may be, in characters (code points). */
export const MAX_OPERATOR_FIELD_LENGTH = 200;

/**
 * Between the operator and the tool in an actor: space, U+00B7 MIDDLE DOT, space. No
 * operator member may hold a middle dot (or a character that looks like one), so the
 * first separator in an actor is the one before the tool.
 */
export const ACTOR_SEPARATOR = ' \u00b7 ';

/**
 * Why a member cannot be stored: missing (the name only), not text, too long, a control or
 * bidi character (it is printed in reports and timelines, so it must not be able to forge a
 * line or reorder one), or a middle dot (it would make the actor ambiguous).
 */
export type OperatorProblem = 'missing' | 'notText' | 'tooLong' | 'control' | 'separator';

/** C0 and C1 controls, line and paragraph separators, and the bidi marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/;
/** U+00B7 and its look-alikes: Greek ano teleia, hyphenation point, bullet operator, dot operator, katakana middle dots. */
const MIDDLE_DOTS = /[\u00b7\u0387\u2027\u2219\u22c5\u30fb\uff65]/;

const FIELD_NAMES: Record<OperatorField, string> = { name: 'name', role: 'role', organisation: 'organisation', contact: 'contact' };

function problemText(field: OperatorField, reason: OperatorProblem): string {
  const what = `The operator's ${FIELD_NAMES[field]}`;
  switch (reason) {
    case 'missing':
      return 'An operator needs a name; to record no operator, clear it instead.';
    case 'notText':
      return `${what} must be text.`;
    case 'tooLong':
      return `${what} is at most ${MAX_OPERATOR_FIELD_LENGTH} characters.`;
    case 'control':
      return `${what} cannot hold control, line-break or text-direction characters.`;
    case 'separator':
      return `${what} cannot hold a middle dot (·): it separates the operator from the tool in custody records.`;
  }
}

/** One member as stored (NFC, trimmed; '' when empty), or why it cannot be. */
export function checkOperatorField(field: OperatorField, input: unknown): { readonly value: string } | { readonly reason: OperatorProblem } {
  if (input === undefined || input === null) return field === 'name' ? { reason: 'missing' } : { value: '' };
  if (typeof input !== 'string') return { reason: 'notText' };
  const value = input.normalize('NFC').trim();
  if (value === '' && field === 'name') return { reason: 'missing' };
  if ([...value].length > MAX_OPERATOR_FIELD_LENGTH) return { reason: 'tooLong' };
  if (UNPRINTABLE.test(value)) return { reason: 'control' };
  if (MIDDLE_DOTS.test(value)) return { reason: 'separator' };
  return { value };
}

export type OperatorCheck =
  | { readonly operator: Operator }
  | { readonly field: OperatorField; readonly reason: OperatorProblem; readonly problem: string };

/** The operator as stored, empty optional members left out, or the first member that cannot be. */
export function checkOperator(input: unknown): OperatorCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { field: 'name', reason: 'missing', problem: problemText('name', 'missing') };
  const record = input as Record<string, unknown>;
  const out: { -readonly [K in OperatorField]?: string } = {};
  for (const field of OPERATOR_FIELDS) {
    const checked = checkOperatorField(field, record[field]);
    if ('reason' in checked) return { field, reason: checked.reason, problem: problemText(field, checked.reason) };
    if (checked.value !== '') out[field] = checked.value;
  }
  return { operator: out as Operator };
}

/** "Aigerim Sultanova (observer, Kazakhstan International Bureau for Human Rights)": name, then role and organisation in parentheses. */
export function operatorText(operator: Operator): string {
  const details = [operator.role, operator.organisation].filter((s): s is string => s !== undefined && s !== '');
  return details.length === 0 ? operator.name : `${operator.name} (${details.join(', ')})`;
}

/** The actor of an event: the tool alone, or the operator, the separator and the tool. */
export function composeActor(operator: Operator | null, tool: string): string {
  return operator === null ? tool : `${operatorText(operator)}${ACTOR_SEPARATOR}${tool}`;
}

/** An actor read back: the operator part (null when it names only the tool) and the tool. */
export function splitActor(actor: string): { readonly operator: string | null; readonly tool: string } {
  const at = actor.indexOf(ACTOR_SEPARATOR);
  if (at < 0) return { operator: null, tool: actor };
  return { operator: actor.slice(0, at), tool: actor.slice(at + ACTOR_SEPARATOR.length) };
}

/** The acts of one operator on one chain, as its events' actors state it. */
export interface OperatorActs {
  /** The operator part of the actor, as recorded; null for events whose actor names only the tool. */
  readonly operator: string | null;
  /** How many events of each type, in the order first seen. */
  readonly acts: readonly { readonly type: string; readonly count: number }[];
}

/** At most this many operators per chain, and act types per operator, are listed (a hostile log may name thousands). */
export const MAX_LISTED_OPERATORS = 20;

/** Longer operator texts (Tamga writes at most 605 characters) and types are cut, with "…", for the report. */
const MAX_LISTED_TEXT = 620;
const MAX_LISTED_TYPE = 100;

function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/**
 * Groups events by the operator their actor names, in the order first seen. Operators past
 * MAX_LISTED_OPERATORS, and types past as many for one operator, are counted in `omitted`
 * (events), not listed.
 */
export function actsByOperator(events: Iterable<{ readonly type: string; readonly actor: string }>): { readonly groups: OperatorActs[]; readonly omitted: number } {
  const groups = new Map<string | null, Map<string, number>>();
  let omitted = 0;
  for (const event of events) {
    const split = splitActor(event.actor).operator;
    const operator = split === null ? null : cut(split, MAX_LISTED_TEXT);
    const type = cut(event.type, MAX_LISTED_TYPE);
    let acts = groups.get(operator);
    if (acts === undefined) {
      if (groups.size >= MAX_LISTED_OPERATORS) {
        omitted++;
        continue;
      }
      acts = new Map();
      groups.set(operator, acts);
    }
    if (!acts.has(type) && acts.size >= MAX_LISTED_OPERATORS) {
      omitted++;
      continue;
    }
    acts.set(type, (acts.get(type) ?? 0) + 1);
  }
  return { groups: [...groups].map(([operator, acts]) => ({ operator, acts: [...acts].map(([type, count]) => ({ type, count })) })), omitted };
}

/** True when some event names an operator (else a report need not say who: only the tool is recorded). */
export function anyOperatorStated(groups: readonly OperatorActs[]): boolean {
  return groups.some((g) => g.operator !== null);
}

/** "acquired, tagged ×2". */
export function actsText(acts: OperatorActs['acts']): string {
  return acts.map(({ type, count }) => (count > 1 ? `${type} ×${count}` : type)).join(', ');
}

/** The label reports put before who did what: it is the operators' word, not a check. */
export const OPERATORS_LABEL = "Who did each act, as the operators stated it (signed by the vault key; not an identity check)";

/** "Aigerim Sultanova (observer) — acquired, tagged ×2; no operator stated — described". */
export function operatorsText(groups: readonly OperatorActs[], omitted = 0): string {
  const listed = groups.map((g) => `${g.operator ?? 'no operator stated'} — ${actsText(g.acts)}`).join('; ');
  return omitted === 0 ? listed : `${listed}; and ${omitted} more event${omitted === 1 ? '' : 's'} not listed`;
}
