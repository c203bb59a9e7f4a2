/**
 * Custody chains: sealing the next event onto a chain's head, and checking a whole chain.
 *
 * A check never stops at the first fault: it returns every problem it finds, each naming
 * the chain and the event, so that `tamga audit` and `tamga verify` can say exactly what
 * was edited, deleted, inserted, moved or forged. The rules are in event.ts's header.
 */
import {
  chainKind,
  describeChain,
  type CustodyEvent,
  type CustodyEventType,
  type CustodyProblem,
  type CustodyProblemCode,
  type CustodyRecord,
  type JsonObject,
} from '../../../shared/custody';
import type { Signer } from '../crypto/signing';
import { buildEvent, canonicalEvent, hashCanonical, parseEvent, typePlacementProblem } from './event';
import { signEventHash, verifyEventSignature } from './signature';
import { readWithheld } from './withheld';

/** The last event of a chain: what the next event links to, and what checkpoints will sign. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export interface NewEvent {
  readonly chain: string;
  readonly type: CustodyEventType;
  /** The tool and version, optionally with an operator name, e.g. "tamga-cli 0.1.0". */
  readonly actor: string;
  /** The act's details; plain JSON only (INVALID_ARGUMENT otherwise). */
  readonly data: JsonObject;
  /** Defaults to now; ISO 8601 UTC with milliseconds. */
  readonly at?: string;
}

/** A record together with its canonical event text (what custody_events.event_json holds). */
export interface SealedEvent extends CustodyRecord {
  readonly canonical: string;
}

/** Builds, hashes and signs the event that follows `head` (null: the chain's first event). */
export function sealNextEvent(head: ChainHead | null, signer: Signer, input: NewEvent): SealedEvent {
  const { event, canonical, hash } = buildEvent({
    chain: input.chain,
    seq: head === null ? 0 : head.seq + 1,
    type: input.type,
    at: input.at ?? new Date().toISOString(),
    actor: input.actor,
    data: input.data,
    prev: head === null ? null : head.hash,
  });
  return { event, canonical, hash, signature: signEventHash(signer, hash) };
}

/** The head of a chain given in seq order; null for an empty chain. */
export function chainHeadOf(records: readonly CustodyRecord[]): ChainHead | null {
  const last = records.at(-1);
  return last === undefined ? null : { seq: last.event.seq, hash: last.hash };
}

/** One event as a check receives it, already read from a row or a line. @internal */
export interface ChainEntry {
  /** The event, or null when it cannot be read (then `unreadable` says why). */
  readonly event: CustodyEvent | null;
  readonly unreadable?: string;
  /** Its canonical text when the reader has it already (saves a second canonicalisation). */
  readonly canonical?: string;
  /** The recorded hash and signature; null when not a string at all. */
  readonly hash: string | null;
  readonly signature: string | null;
  /** The seq column of its row (index only). */
  readonly storedSeq?: number;
  /** For an unreadable event that still shows a whole-number seq: that seq. */
  readonly claimedSeq?: number;
  /** Its 1-based line (JSONL only). */
  readonly line?: number;
  /** Faults the reader found (non-canonical text, index columns that disagree …). */
  readonly notes?: readonly { readonly code: CustodyProblemCode; readonly message: string }[];
  /** A bundle's withheld record (withheld.ts): its hash and signature, no event; `claimedSeq` is its seq. */
  readonly withheld?: true;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** Checks one chain's entries (in stored order: by seq for rows, by line for JSONL). @internal */
export function verifyEntries(chain: string, entries: readonly ChainEntry[], publicKey: Uint8Array): CustodyProblem[] {
  const problems: CustodyProblem[] = [];
  const name = describeChain(chain);
  const kind = chainKind(chain);
  if (entries.length === 0) {
    return [{ code: 'EMPTY_CHAIN', chain, seq: null, message: `${capitalise(name)} has no custody events.` }];
  }

  const bySeq = new Map<number, ChainEntry[]>();
  const place = (seq: number, entry: ChainEntry): void => {
    const group = bySeq.get(seq);
    if (group === undefined) bySeq.set(seq, [entry]);
    else group.push(entry);
  };
  let highestLineSeq = -1;

  for (const entry of entries) {
    const { event, line, storedSeq } = entry;
    const seq = storedSeq ?? event?.seq ?? entry.claimedSeq ?? null;
    const add = (code: CustodyProblemCode, message: string): void => {
      problems.push(line === undefined ? { code, chain, seq, message } : { code, chain, seq, line, message });
    };
    const label = storedSeq !== undefined ? `Event ${storedSeq} of ${name}` : seq !== null ? `Event ${seq} of ${name} (line ${line})` : `Line ${line} of the custody log of ${name}`;
    for (const note of entry.notes ?? []) add(note.code, `${label} ${note.message}.`);

    if (event === null && entry.withheld === true && seq !== null) {
      // Its contents stay in the vault; what can be checked is that the vault's key signed
      // this hash, and (below) that the next event links to it.
      if (entry.hash === null || entry.signature === null || !verifyEventSignature(entry.hash, entry.signature, publicKey)) {
        add('BAD_SIGNATURE', `${label} (withheld) does not carry a valid signature by this vault's key: it was forged, or altered and re-hashed.`);
      }
      if (line !== undefined && seq < highestLineSeq) add('OUT_OF_ORDER', `${label} comes after event ${highestLineSeq}: the lines are out of order.`);
      highestLineSeq = Math.max(highestLineSeq, seq);
      place(seq, entry);
      continue;
    }
    if (event === null) {
      add('MALFORMED', `${label} cannot be read: ${entry.unreadable ?? 'it is not a custody event'}.`);
      if (seq !== null) place(seq, entry); // it occupies its place: no SEQ_GAP on top
      continue;
    }

    let canonical = entry.canonical ?? null;
    if (canonical === null) {
      try {
        canonical = canonicalEvent(event);
      } catch {
        add('MALFORMED', `${label} has no canonical form (its text holds an unpaired UTF-16 surrogate).`);
      }
    }
    if (canonical !== null && entry.hash !== null && hashCanonical(canonical) !== entry.hash) {
      add('HASH_MISMATCH', `${label} was edited after it was signed: its contents no longer match its recorded hash.`);
    }
    if (entry.hash === null || entry.signature === null || !verifyEventSignature(entry.hash, entry.signature, publicKey)) {
      add('BAD_SIGNATURE', `${label} does not carry a valid signature by this vault's key: it was forged, or altered and re-hashed.`);
    }
    if (event.chain !== chain) {
      add('WRONG_CHAIN', `${label} is event ${event.seq} of ${describeChain(event.chain)}: it was moved here from that chain.`);
      continue; // not part of this chain's sequence
    }
    if (storedSeq !== undefined && storedSeq !== event.seq) {
      add('OUT_OF_ORDER', `${label} says it is event ${event.seq}: events were renumbered or moved.`);
    }
    if (line !== undefined && event.seq < highestLineSeq) {
      add('OUT_OF_ORDER', `${label} comes after event ${highestLineSeq}: the lines are out of order.`);
    }
    highestLineSeq = Math.max(highestLineSeq, event.seq);
    place(event.seq, entry);
  }

  let expected = 0;
  for (const seq of [...bySeq.keys()].sort((a, b) => a - b)) {
    const group = bySeq.get(seq) ?? [];
    if (seq > expected) {
      const missing = seq - 1 === expected ? `Event ${expected} of ${name} is missing: it was deleted.` : `Events ${expected} to ${seq - 1} of ${name} are missing: they were deleted.`;
      problems.push({ code: 'SEQ_GAP', chain, seq: expected, message: missing });
    }
    if (group.length > 1) {
      problems.push({ code: 'DUPLICATE_SEQ', chain, seq, message: `There are ${group.length} events numbered ${seq} in ${name}: at least one was inserted.` });
    }
    // Links are checked between neighbours only: across a gap, SEQ_GAP says it all.
    const before = seq > 0 && seq === expected ? bySeq.get(seq - 1) : undefined;
    const beforeHashes = (before ?? []).map((e) => e.hash).filter((h): h is string => h !== null);
    for (const entry of group) {
      const event = entry.event;
      if (event === null) continue;
      const at = entry.line === undefined ? {} : { line: entry.line };
      const label = `Event ${seq} of ${name}`;
      const placement = kind === null ? null : typePlacementProblem(kind, seq, event.type);
      if (placement === 'FIRST_NOT_ACQUIRED') {
        problems.push({ code: placement, chain, seq, ...at, message: `${label} is ${quote(event.type)}, but an item's chain must begin with "acquired".` });
      } else if (placement === 'FIRST_NOT_CREATED') {
        problems.push({ code: placement, chain, seq, ...at, message: `${label} is ${quote(event.type)}, but the vault's chain must begin with "vault-created".` });
      } else if (placement !== null) {
        const why = event.type === 'acquired' || event.type === 'vault-created' ? 'which only a chain\'s first event can be' : kind === 'item' ? 'an act on the vault, not on an item' : 'an act on an item, not on the vault';
        problems.push({ code: placement, chain, seq, ...at, message: `${label} is ${quote(event.type)}, ${why}.` });
      }
      if (seq === 0 && event.prev !== null) {
        problems.push({ code: 'BROKEN_LINK', chain, seq, ...at, message: `${label} names a previous event, but a chain's first event has none.` });
      } else if (seq > 0 && event.prev === null) {
        problems.push({ code: 'BROKEN_LINK', chain, seq, ...at, message: `${label} has no link to event ${seq - 1}.` });
      } else if (seq > 0 && beforeHashes.length > 0 && !beforeHashes.includes(event.prev as string)) {
        problems.push({ code: 'BROKEN_LINK', chain, seq, ...at, message: `${label} does not link to event ${seq - 1}: event ${seq - 1} was replaced, or this one was forged.` });
      }
    }
    expected = seq + 1;
  }

  // Stable: in seq order, and within one event in the order the checks ran.
  return problems.map((p, i) => ({ p, i })).sort((a, b) => (a.p.seq ?? -1) - (b.p.seq ?? -1) || a.i - b.i).map(({ p }) => p);
}

/** A custody_events row as verification needs it. */
export interface CustodyRowInput {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  /** The stored canonical JSON. */
  readonly eventJson: string;
  readonly hash: string;
  readonly signature: string;
}

/** A stored row as a check entry: parses, checks the text is canonical and the index columns agree. */
export function entryFromRow(row: CustodyRowInput): ChainEntry {
  const base = { hash: row.hash, signature: row.signature, storedSeq: row.seq };
  let value: unknown;
  try {
    value = JSON.parse(row.eventJson);
  } catch {
    return { ...base, event: null, unreadable: 'its stored text is not JSON' };
  }
  const parsed = parseEvent(value);
  if (!parsed.ok) return { ...base, event: null, unreadable: parsed.reason };
  const notes: { code: CustodyProblemCode; message: string }[] = [];
  let canonical: string | undefined;
  try {
    canonical = canonicalEvent(parsed.event);
    if (canonical !== row.eventJson) notes.push({ code: 'MALFORMED', message: 'is not stored in its canonical form: its stored text was edited' });
  } catch {
    canonical = undefined; // verifyEntries reports it
  }
  if (row.type !== parsed.event.type || row.at !== parsed.event.at) {
    notes.push({
      code: 'COLUMN_MISMATCH',
      message: `is listed in the index as ${quote(row.type)} at ${row.at}, but the signed event says ${quote(parsed.event.type)} at ${parsed.event.at}: the index was edited`,
    });
  }
  return canonical === undefined ? { ...base, event: parsed.event, notes } : { ...base, event: parsed.event, canonical, notes };
}

/** Checks one chain's stored rows, in seq-column order, against the vault's public key. */
export function verifyChainRows(chain: string, rows: readonly CustodyRowInput[], publicKey: Uint8Array): CustodyProblem[] {
  return verifyEntries(chain, rows.map(entryFromRow), publicKey);
}

const RECORD_KEYS = ['event', 'hash', 'signature'];

/**
 * A parsed JSONL line (or any value claiming to be a record) as a check entry. Members
 * other than event, hash and signature are a fault only when `strict` (a JSONL line);
 * in-memory records may carry more (a StoredEvent's canonical text).
 */
export function entryFromRecord(value: unknown, line: number, strict = false): ChainEntry {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { event: null, unreadable: 'it is not a JSON object', hash: null, signature: null, line };
  }
  const record = value as Record<string, unknown>;
  if (strict && 'withheld' in record && !('event' in record)) {
    const read = readWithheld(record);
    if (!read.ok) return { event: null, unreadable: read.reason, hash: null, signature: null, line };
    return { event: null, withheld: true, claimedSeq: read.record.withheld.seq, hash: read.record.hash, signature: read.record.signature, line };
  }
  const hash = typeof record.hash === 'string' ? record.hash : null;
  const signature = typeof record.signature === 'string' ? record.signature : null;
  const notes: { code: CustodyProblemCode; message: string }[] = [];
  const extra = strict ? Object.keys(record).filter((k) => !RECORD_KEYS.includes(k)) : [];
  if (extra.length > 0) notes.push({ code: 'MALFORMED', message: `has members a record does not have: ${extra.join(', ')}` });
  if (hash === null) notes.push({ code: 'MALFORMED', message: 'has no recorded hash' });
  const parsed = parseEvent(record.event);
  if (!parsed.ok) {
    const seq = (record.event as { seq?: unknown } | null | undefined)?.seq;
    const unreadable = { event: null, unreadable: `its event is malformed: ${parsed.reason}`, hash, signature, line, notes };
    return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? { ...unreadable, claimedSeq: seq } : unreadable;
  }
  return { event: parsed.event, hash, signature, line, notes };
}

export interface VerifyEventsOptions {
  /** The chain the records are expected to form (e.g. the exhibit's item id); default: the first readable event's. */
  readonly chain?: string;
}

/**
 * Checks records as they appear in an exported bundle (parsed JSONL lines, in file order;
 * record i is line i + 1) against the vault's public key.
 */
export function verifyChainEvents(records: readonly unknown[], publicKey: Uint8Array, options: VerifyEventsOptions = {}): CustodyProblem[] {
  const entries = records.map((r, i) => entryFromRecord(r, i + 1));
  const chain = options.chain ?? entries.find((e) => e.event !== null)?.event?.chain ?? '';
  return verifyEntries(chain, entries, publicKey);
}
