/**
 * Describing and organising items: title, description, notes and place per item, tags,
 * and cases (named collections with their own description). Every change to an item is
 * an event on its custody chain with the old and the new value; a request that changes
 * nothing records nothing. Plain data only (no Node).
 *
 * Items are named by id or by SHA-256 (an unambiguous prefix of 8+ hex digits).
 */

/** The most items one bulk request may name: one transaction, one custody event per change. */
export const MAX_BULK_ITEMS = 100_000;
export const MAX_TITLE_LENGTH = 500;
export const MAX_PLACE_LENGTH = 500;
/** Descriptions and notes: long enough for a statement, short enough to stay an index field. */
export const MAX_TEXT_LENGTH = 100_000;
export const MAX_CASE_NAME_LENGTH = 200;

/** The fields `describeItems` sets; an absent field is left as it is, '' clears it. */
export interface ItemText {
  readonly title?: string;
  readonly description?: string;
  readonly notes?: string;
  readonly place?: string;
}

export type ItemTextField = keyof ItemText;
export const ITEM_TEXT_FIELDS: readonly ItemTextField[] = ['title', 'description', 'notes', 'place'];

export interface DescribeRequest extends ItemText {
  readonly items: readonly string[];
  /**
   * Marks the items' descriptions private (true) or exportable (false); absent leaves it.
   * A private description, like notes (always private), is never exported, and custody
   * records its changes as salted commitments, never as text.
   */
  readonly descriptionPrivate?: boolean;
}

/** The fields whose text may never leave the vault: notes always, a description when its item says so. */
export type PrivateField = 'notes' | 'description';
export const PRIVATE_FIELDS: readonly PrivateField[] = ['notes', 'description'];

/** Which committed text to reveal: the `described` event (its seq on the item's chain) and the field. */
export interface RevealRequest {
  readonly item: string;
  readonly field: PrivateField;
  readonly event: number;
}

/** A private field's text with what proves it: SHA-256("tamga private field v1\n" ‖ salt ‖ UTF-8(value)) = commitment. */
export interface RevealedField {
  readonly itemId: string;
  readonly event: number;
  readonly field: PrivateField;
  readonly value: string;
  /** 32 bytes, hex. */
  readonly salt: string;
  /** As the signed event records it. */
  readonly commitment: string;
  /** The signed event's hash, to find it in an exported custody log. */
  readonly eventHash: string;
}

export interface TagRequest {
  readonly items: readonly string[];
  readonly tags: readonly string[];
}

/** The most item ids a query selection may name as exceptions or additions (they travel over IPC). */
export const MAX_SELECTION_ADJUSTMENTS = 10_000;

/**
 * A selection held as the query that made it, not as ids: every item the query matches
 * when the action starts, minus `except`, plus `also` (ids or SHA-256 prefixes). What
 * select-all in the window hands the engine, so a million results never cross IPC as ids.
 */
export interface QuerySelection {
  /** The search query (src/shared/search.ts); "" selects every item. */
  readonly query: string;
  /** Items the user deselected among the matches. */
  readonly except?: readonly string[];
  /** Items the user selected outside the matches. */
  readonly also?: readonly string[];
}

export interface TagSelectionRequest {
  readonly selection: QuerySelection;
  readonly tags: readonly string[];
}

/** How far a change over a query selection has come: items handled of the selection's total. */
export interface SelectionProgress {
  readonly done: number;
  readonly total: number;
}

/** What a change over a query selection did, in counts (the ids would be as large as the selection). */
export interface SelectionResult {
  readonly changed: number;
  readonly unchanged: number;
}

export interface CaseItemsRequest {
  /** The case's id or name (names ignore case). */
  readonly case: string;
  readonly items: readonly string[];
}

export interface CreateCaseRequest {
  readonly name: string;
  readonly description?: string;
}

export interface UpdateCaseRequest {
  /** The case's id or current name. */
  readonly case: string;
  readonly name?: string;
  readonly description?: string;
}

/** What a bulk request did, by item id, in the order the items were named. */
export interface OrganiseResult {
  /** Items that changed (one or more custody events each). */
  readonly changed: readonly string[];
  /** Items that already were as asked: nothing recorded. */
  readonly unchanged: readonly string[];
}

/** Everything people have written about one item. */
export interface ItemDescription {
  readonly itemId: string;
  readonly title: string;
  readonly description: string;
  readonly notes: string;
  readonly place: string;
  /** True when the description is private: never exported, committed to in custody. */
  readonly descriptionPrivate: boolean;
  readonly tags: readonly string[];
  readonly cases: readonly CaseRef[];
}

export interface CaseRef {
  readonly id: string;
  readonly name: string;
}

export interface CaseSummary extends CaseRef {
  readonly description: string;
  readonly createdAt: string;
  readonly itemCount: number;
}
