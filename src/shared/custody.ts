/**
 * The custody log as shared data: event shapes, event types and the problems a chain check
 * reports. Plain types and constants only (no Node): the window renders these. The format
 * itself (canonical form, hash, signature) is specified in src/main/engine/custody/event.ts.
 */

/** The `v` field of every event this version writes and reads. */
export const CUSTODY_EVENT_VERSION = 1;

/** Acts recorded on an item's own chain. 'acquired' is always event 0 and only event 0. */
export const ITEM_EVENT_TYPES = [
  'acquired',
  're-acquired',
  'extracted',
  'described',
  'tagged',
  'untagged',
  'added-to-case',
  'removed-from-case',
  'viewed-original',
  'exported',
  'verified',
  'delivered',
  'received',
] as const;

/** Acts recorded on the vault's chain. 'vault-created' is always event 0 and only event 0. */
export const VAULT_EVENT_TYPES = ['vault-created', 'passphrase-changed', 'exported', 'export-abandoned', 'audit', 'sender-added', 'sender-removed', 'operator-set', 'operator-cleared', 'timestamped', 'replica-added', 'replica-removed', 'replica-pushed', 'recovery-key-created', 'recovery-key-rotated', 'recovery-key-removed', 'recovered', 'delivered'] as const;

export type ItemEventType = (typeof ITEM_EVENT_TYPES)[number];
export type VaultEventType = (typeof VAULT_EVENT_TYPES)[number];
/** Closed for writing: this version writes only these. Readers tolerate others (a newer Tamga's). */
export type CustodyEventType = ItemEventType | VaultEventType;

/** The prefix of the vault chain's name: `vault:<vault id>`. Any other chain is an item id. */
export const VAULT_CHAIN_PREFIX = 'vault:';

export type ChainKind = 'item' | 'vault';

/** JSON as RFC 8785 can canonicalise it: no undefined, NaN, Infinity, functions or class instances. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * One custody event, exactly the object that is canonicalised, hashed and signed.
 * `type` is typed as a string because a chain written by a newer Tamga may hold types
 * this version does not know; events this version writes always have a CustodyEventType.
 */
export interface CustodyEvent {
  readonly v: typeof CUSTODY_EVENT_VERSION;
  /** An item id (lower-case UUID) or `vault:<vault id>`. */
  readonly chain: string;
  /** 0, 1, 2, … within the chain. */
  readonly seq: number;
  readonly type: string;
  /** ISO 8601 UTC with milliseconds, e.g. 2021-01-10T08:15:00.000Z. */
  readonly at: string;
  /**
   * Who acted: the tool and version ("tamga-cli 0.1.0"), after the operator's own statement
   * of who they are when the vault has one ("Aigerim Sultanova (observer) · tamga-cli 0.2.0";
   * src/shared/operator.ts splits it).
   */
  readonly actor: string;
  /** The act's details, e.g. for 'acquired': sha256, size, sourcePath, fileTimes. */
  readonly data: JsonObject;
  /** Lower-case hex SHA-256 of the chain's previous event; null for event 0. */
  readonly prev: string | null;
}

/**
 * An event with its hash and signature: the unit that is stored, exported (one JSONL line
 * in metadata/custody/E0001.jsonl) and verified.
 */
export interface CustodyRecord {
  readonly event: CustodyEvent;
  /** Lower-case hex SHA-256 of the event's RFC 8785 canonical UTF-8 form. */
  readonly hash: string;
  /** Lower-case hex of the 64-byte Ed25519 signature ("tamga custody event v1\n" ‖ raw hash). */
  readonly signature: string;
}

export const CUSTODY_PROBLEM_CODES = [
  /** Not JSON, not an object, a field missing, extra or of the wrong type, or an unknown `v`. */
  'MALFORMED',
  /** The event's `chain` field names another chain than the one it is stored or exported under. */
  'WRONG_CHAIN',
  /** The event is not where its seq says it belongs (stored under another seq, or a line out of order). */
  'OUT_OF_ORDER',
  /** The index's copy of the event's type or time differs from the signed event (index edited). */
  'COLUMN_MISMATCH',
  /** The event's hash, recomputed, differs from the hash recorded with it: edited after it was signed. */
  'HASH_MISMATCH',
  /** The signature does not verify with the vault's public key over the recorded hash. */
  'BAD_SIGNATURE',
  /** `prev` is not the recorded hash of the previous event (or is set on event 0, or missing after it). */
  'BROKEN_LINK',
  /** Events are missing from the sequence 0, 1, 2, …: deleted. */
  'SEQ_GAP',
  /** Two events claim the same seq: one was inserted. */
  'DUPLICATE_SEQ',
  /** Event 0 of an item chain is not 'acquired'. */
  'FIRST_NOT_ACQUIRED',
  /** Event 0 of the vault chain is not 'vault-created'. */
  'FIRST_NOT_CREATED',
  /** A type in the wrong place: 'acquired'/'vault-created' after event 0, or an item act on the vault chain or vice versa. */
  'UNEXPECTED_TYPE',
  /** A chain that should exist has no events at all. */
  'EMPTY_CHAIN',
] as const;

export type CustodyProblemCode = (typeof CUSTODY_PROBLEM_CODES)[number];

export interface CustodyProblem {
  readonly code: CustodyProblemCode;
  /** The chain the event is stored or exported under. */
  readonly chain: string;
  /**
   * The event's seq: for SEQ_GAP the first missing one; for MALFORMED, WRONG_CHAIN and
   * OUT_OF_ORDER the seq it is stored under (for JSONL, its own seq when readable); null
   * when there is none (an unreadable line, an empty chain).
   */
  readonly seq: number | null;
  /** 1-based line number, for problems found in JSONL. */
  readonly line?: number;
  /** A plain sentence naming the chain and event. */
  readonly message: string;
}

export function isItemEventType(type: string): type is ItemEventType {
  return (ITEM_EVENT_TYPES as readonly string[]).includes(type);
}

export function isVaultEventType(type: string): type is VaultEventType {
  return (VAULT_EVENT_TYPES as readonly string[]).includes(type);
}

export function isKnownEventType(type: string): type is CustodyEventType {
  return isItemEventType(type) || isVaultEventType(type);
}

export function vaultChainName(vaultId: string): string {
  return `${VAULT_CHAIN_PREFIX}${vaultId}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** 'item' for a lower-case UUID, 'vault' for `vault:<lower-case UUID>`, null for anything else. */
export function chainKind(chain: string): ChainKind | null {
  if (UUID.test(chain)) return 'item';
  if (chain.startsWith(VAULT_CHAIN_PREFIX) && UUID.test(chain.slice(VAULT_CHAIN_PREFIX.length))) return 'vault';
  return null;
}

/** "item 5f0e…" or "the vault log (vault 5f0e…)", for messages. */
export function describeChain(chain: string): string {
  const kind = chainKind(chain);
  if (kind === 'vault') return `the vault log (vault ${chain.slice(VAULT_CHAIN_PREFIX.length)})`;
  if (kind === 'item') return `item ${chain}`;
  return `chain ${JSON.stringify(chain)}`;
}
