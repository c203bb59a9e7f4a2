/**
 * Custody event format v1: building an event, its canonical form and its hash.
 *
 * This comment is the specification; docs/formats.md repeats it for third parties.
 *
 * EVENT. A JSON object with exactly these eight members:
 *   v      the number 1.
 *   chain  the chain the event belongs to: an item id (a lower-case UUID, e.g.
 *          "5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10") for that item's chain, or
 *          "vault:" followed by the vault id (a lower-case UUID) for the vault's own chain.
 *   seq    an integer: 0 for a chain's first event, then 1, 2, 3 … with no gaps.
 *   type   what was done. Item chains: "acquired" (event 0, and only event 0),
 *          "re-acquired", "extracted", "described", "tagged", "untagged", "added-to-case",
 *          "removed-from-case", "viewed-original", "exported", "verified", "received", "delivered". The vault chain:
 *          "vault-created" (event 0, and only event 0), "passphrase-changed", "exported",
 *          "audit", "sender-added", "sender-removed", "operator-set", "operator-cleared",
 *          "timestamped", "replica-added", "replica-removed", "replica-pushed",
 *          "recovery-key-created", "recovery-key-rotated", "recovery-key-removed",
 *          "recovered", "delivered" (a recipient's signed receipt for an exported bundle).
 *          Later versions may add types; a verifier must accept a type it does not know
 *          (hash, signature and links still apply to it).
 *   at     when, as ISO 8601 UTC with milliseconds: "YYYY-MM-DDTHH:MM:SS.sssZ".
 *   actor  who did it, as a non-empty string of at most 1000 characters. When the vault
 *          records no operator: the tool and its version, "tamga-cli 0.2.0" (the CLI) or
 *          "tamga-app 0.2.0" (the window). When it does: the operator, then " · " (space,
 *          U+00B7 MIDDLE DOT, space), then the tool:
 *            "Aigerim Sultanova (observer, Kazakhstan International Bureau for Human Rights) · tamga-cli 0.2.0"
 *          The operator part is the name, then, when either is recorded, the role and the
 *          organisation in parentheses, joined by ", " ("Name (role)", "Name (organisation)",
 *          "Name (role, organisation)"); the contact is never in it. No operator member
 *          holds a middle dot (nor a control, line-break or bidi character), so the first
 *          " · " splits operator from tool; the exact members are in the vault chain's
 *          latest "operator-set" event before this one. The operator part is the operator's
 *          own statement, signed by the vault key with the event: nobody checked who they
 *          are. Events written before a vault had an operator keep their actor as signed.
 *   data   a JSON object with the act's details (for "acquired": sha256, size,
 *          sourcePath, fileTimes …; for "tagged": the old and new value …). Strings are
 *          well-formed Unicode (no unpaired surrogates); numbers are finite.
 *   prev   the hash (below) of the previous event of the same chain, lower-case hex;
 *          null for event 0.
 *
 * CANONICAL FORM. The event serialised by RFC 8785, the JSON Canonicalization Scheme (JCS):
 * members sorted by their UTF-16 code units, no whitespace, strings with JSON's minimal
 * escapes (\" \\ \b \f \n \r \t, other controls as \u00xx lower-case, everything else
 * literal), numbers as ECMAScript Number.prototype.toString (1e+21, 0.1, 100, -0 → 0),
 * encoded as UTF-8 with no BOM. A verifier must hash the JCS form of the event it parsed,
 * never the bytes it happened to read.
 *
 * HASH. SHA-256 of the canonical form's UTF-8 bytes, written as 64 lower-case hex digits.
 *
 * SIGNATURE. Ed25519 (RFC 8032, pure, no pre-hash) by the vault's signing key over a
 * 55-byte message: the 23 ASCII bytes of "tamga custody event v1" followed by one line
 * feed (0x0a), then the 32 raw bytes of the hash (not its hex). Written as 128
 * lower-case hex digits. The context prefix means a custody signature never verifies as
 * a bundle seal (a signature over tagmanifest-sha256.txt's bytes) or vice versa.
 *
 * RECORD. An event with its hash and signature, {"event":{…},"hash":"…","signature":"…"}.
 * In a bundle, metadata/custody/E0001.jsonl holds one item's chain: one record per line,
 * in seq order, each line the JCS form of the record (so "event", "hash", "signature" in
 * that order), UTF-8, each line ended by a line feed. A line with other members, or not in
 * JCS form, is malformed (Tamga's verifier says so; the event's hash is still checked).
 *
 * VERIFYING A CHAIN, given its records and the vault's public key (every check runs and
 * every failure is reported; see CustodyProblemCode in src/shared/custody.ts):
 *   - each event has exactly the eight members above with the types above and v = 1;
 *   - its chain member names the chain being checked;
 *   - SHA-256 of its JCS form equals the recorded hash;
 *   - the signature verifies over the context and the recorded hash;
 *   - the seqs are 0, 1, 2 … with none missing and none twice, in that order;
 *   - event 0 has prev null; every later event's prev equals the recorded hash of the
 *     event before it;
 *   - event 0 is "acquired" (item chain) or "vault-created" (vault chain), and neither
 *     type appears later; item-only types do not appear on the vault chain or vice versa.
 * A chain alone cannot show events cut off its end: signed checkpoints will. A bundle
 * verifier also checks that the chain is the exhibit's (chain = its item id) and that the
 * 'acquired' event's sha256 equals the payload manifest's.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import {
  CUSTODY_EVENT_VERSION,
  chainKind,
  describeChain,
  isItemEventType,
  isKnownEventType,
  isVaultEventType,
  type ChainKind,
  type CustodyEvent,
  type CustodyEventType,
  type CustodyProblemCode,
  type JsonObject,
} from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';

/** The eight members of an event, in the order JCS puts them (which this code never relies on). */
export const EVENT_FIELDS = ['actor', 'at', 'chain', 'data', 'prev', 'seq', 'type', 'v'] as const;

export const HEX64 = /^[0-9a-f]{64}$/;
export const HEX128 = /^[0-9a-f]{128}$/;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** Four operator members of at most 200 characters each, their punctuation and the tool fit. */
const ACTOR_MAX_LENGTH = 1000;
const DATA_MAX_DEPTH = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No unpaired UTF-16 surrogate: the string has a UTF-8 form, so JCS can canonicalise it. */
export function isWellFormedString(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** An ISO 8601 UTC time with milliseconds that names a real instant (no 2021-02-30). */
export function isEventTime(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_UTC_MS.test(value)) return false;
  const time = new Date(value);
  return !Number.isNaN(time.getTime()) && time.toISOString() === value;
}

function invalid(message: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', message);
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function checkJson(value: unknown, path: string, depth: number): void {
  if (depth > DATA_MAX_DEPTH) throw invalid(`${path} is nested more than ${DATA_MAX_DEPTH} levels deep (or contains itself).`);
  switch (typeof value) {
    case 'string':
      if (!isWellFormedString(value)) throw invalid(`${path} holds an unpaired UTF-16 surrogate, which JSON cannot carry canonically.`);
      return;
    case 'number':
      if (!Number.isFinite(value)) throw invalid(`${path} is ${String(value)}, which is not a JSON number.`);
      return;
    case 'boolean':
      return;
    case 'object': {
      if (value === null) return;
      if (Object.getOwnPropertySymbols(value).length > 0) throw invalid(`${path} has symbol keys, which JSON cannot carry.`);
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) throw invalid(`${path} is not a plain array.`);
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw invalid(`${path}[${i}] is a hole in the array.`);
          checkJson(value[i], `${path}[${i}]`, depth + 1);
        }
        return;
      }
      if (!isPlainObject(value)) throw invalid(`${path} is a ${value.constructor?.name ?? 'class instance'}, not a plain JSON object.`);
      for (const [key, member] of Object.entries(value)) {
        if (!isWellFormedString(key)) throw invalid(`A key in ${path} holds an unpaired UTF-16 surrogate.`);
        checkJson(member, `${path}.${key}`, depth + 1);
      }
      return;
    }
    default:
      throw invalid(`${path} is ${typeof value}, which is not JSON.`);
  }
}

/** Refuses (INVALID_ARGUMENT) anything but a plain JSON object: no undefined, NaN, Infinity, functions, Dates, Buffers, cycles. */
export function assertJsonObject(value: unknown, name = 'data'): asserts value is JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${name} must be a JSON object.`);
  checkJson(value, name, 0);
}

/**
 * Which type may stand at this place of a chain of this kind: null when it may, else the
 * problem. Unknown types (a newer Tamga's) are allowed anywhere but at event 0.
 */
export function typePlacementProblem(kind: ChainKind, seq: number, type: string): CustodyProblemCode | null {
  if (seq === 0) {
    if (kind === 'item') return type === 'acquired' ? null : 'FIRST_NOT_ACQUIRED';
    return type === 'vault-created' ? null : 'FIRST_NOT_CREATED';
  }
  if (type === 'acquired' || type === 'vault-created') return 'UNEXPECTED_TYPE';
  if (kind === 'item' && isVaultEventType(type) && !isItemEventType(type)) return 'UNEXPECTED_TYPE';
  if (kind === 'vault' && isItemEventType(type) && !isVaultEventType(type)) return 'UNEXPECTED_TYPE';
  return null;
}

/** The RFC 8785 canonical form of exactly the eight event members (any other property is ignored). */
export function canonicalEvent(event: CustodyEvent): string {
  const { v, chain, seq, type, at, actor, data, prev } = event;
  const text = canonicalize({ v, chain, seq, type, at, actor, data, prev });
  if (text === undefined) throw new TamgaError('INTERNAL', 'A custody event has no canonical form.');
  return text;
}

/** SHA-256 of the canonical form's UTF-8 bytes, lower-case hex. */
export function hashCanonical(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export interface EventFields {
  readonly chain: string;
  readonly seq: number;
  readonly type: CustodyEventType;
  readonly at: string;
  readonly actor: string;
  readonly data: unknown;
  readonly prev: string | null;
}

export interface HashedEvent {
  /** A fresh copy parsed back from `canonical`: exactly what was hashed, shared with no caller. */
  readonly event: CustodyEvent;
  /** The RFC 8785 form, as stored in custody_events.event_json. */
  readonly canonical: string;
  readonly hash: string;
}

/** Validates every field (INVALID_ARGUMENT on any fault), then canonicalises and hashes. */
export function buildEvent(fields: EventFields): HashedEvent {
  const { chain, seq, type, at, actor, data, prev } = fields;
  const kind = typeof chain === 'string' ? chainKind(chain) : null;
  if (kind === null) throw invalid(`The chain must be an item id (a lower-case UUID) or "vault:<vault id>", not ${JSON.stringify(chain)}.`);
  if (!Number.isSafeInteger(seq) || seq < 0) throw invalid(`The event number must be a whole number from 0, not ${String(seq)}.`);
  if (typeof type !== 'string' || !isKnownEventType(type)) throw invalid(`${JSON.stringify(type)} is not a custody event type.`);
  const placement = typePlacementProblem(kind, seq, type);
  if (placement !== null) {
    throw invalid(`A "${type}" event cannot be event ${seq} of ${describeChain(chain)} (${placement}).`);
  }
  if (!isEventTime(at)) throw invalid(`The event time must be ISO 8601 UTC with milliseconds (YYYY-MM-DDTHH:MM:SS.sssZ), not ${JSON.stringify(at)}.`);
  if (typeof actor !== 'string' || actor.length === 0 || actor.length > ACTOR_MAX_LENGTH || !isWellFormedString(actor)) {
    throw invalid(`The actor must be a non-empty string of at most ${ACTOR_MAX_LENGTH} characters.`);
  }
  assertJsonObject(data);
  if (seq === 0 ? prev !== null : typeof prev !== 'string' || !HEX64.test(prev)) {
    throw invalid(seq === 0 ? 'Event 0 has no previous event: prev must be null.' : 'prev must be the previous event\'s hash (64 lower-case hex digits).');
  }
  const canonical = canonicalEvent({ v: CUSTODY_EVENT_VERSION, chain, seq, type, at, actor, data, prev });
  return { event: JSON.parse(canonical) as CustodyEvent, canonical, hash: hashCanonical(canonical) };
}

export type ParsedEvent = { readonly ok: true; readonly event: CustodyEvent } | { readonly ok: false; readonly reason: string };

/**
 * Checks that a parsed JSON value has the shape of a v1 event, for verifiers: exactly the
 * eight members, each of its type. Says what is wrong, in words, when it is not.
 */
export function parseEvent(value: unknown): ParsedEvent {
  const fail = (reason: string): ParsedEvent => ({ ok: false, reason });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('it is not a JSON object');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const missing = EVENT_FIELDS.filter((f) => !Object.hasOwn(record, f));
  if (missing.length > 0) return fail(`it has no ${missing.join(', ')}`);
  const extra = keys.filter((k) => !(EVENT_FIELDS as readonly string[]).includes(k));
  if (extra.length > 0) return fail(`it has members a v1 event does not have: ${extra.join(', ')}`);
  if (record.v !== CUSTODY_EVENT_VERSION) return fail(`its version is ${JSON.stringify(record.v)}, and this Tamga reads version ${CUSTODY_EVENT_VERSION}`);
  if (typeof record.chain !== 'string' || chainKind(record.chain) === null) return fail('its chain is neither an item id nor "vault:<vault id>"');
  if (typeof record.seq !== 'number' || !Number.isSafeInteger(record.seq) || record.seq < 0) return fail('its seq is not a whole number from 0');
  if (typeof record.type !== 'string' || record.type.length === 0) return fail('its type is not a non-empty string');
  if (!isEventTime(record.at)) return fail('its time is not ISO 8601 UTC with milliseconds');
  if (typeof record.actor !== 'string' || record.actor.length === 0) return fail('its actor is not a non-empty string');
  if (typeof record.data !== 'object' || record.data === null || Array.isArray(record.data)) return fail('its data is not a JSON object');
  if (record.prev !== null && (typeof record.prev !== 'string' || !HEX64.test(record.prev))) return fail('its prev is neither null nor 64 lower-case hex digits');
  return { ok: true, event: record as unknown as CustodyEvent };
}
