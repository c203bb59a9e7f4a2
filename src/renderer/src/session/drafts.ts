/**
 * Unsaved edits of items' descriptions, kept per item for the unlocked session (in the
 * session state, so they outlive switching items, searching and going to Settings, and go
 * with the keys when the vault locks). A manual lock asks what to do with them first; an
 * automatic lock saves nothing unasked, and the next unlock says a draft was discarded.
 */
import type { DescribeRequest, ItemText } from '../../../shared/organise';

export const DRAFT_FIELDS = ['title', 'place', 'description', 'notes'] as const;

export interface Draft {
  readonly itemId: string;
  /** The item's name, to list the draft when asking (it goes with the session). */
  readonly name: string;
  /** What was saved when the editing began: the changes are against this. */
  readonly saved: Required<ItemText>;
  readonly savedPrivate: boolean;
  readonly text: Required<ItemText>;
  readonly descriptionPrivate: boolean;
}

/** The changed fields and privacy, as describeItems takes them; null when nothing differs. */
export function draftChanges(draft: Draft): Omit<DescribeRequest, 'items'> | null {
  const changed = DRAFT_FIELDS.filter((field) => draft.text[field] !== draft.saved[field]);
  const privacy = draft.descriptionPrivate !== draft.savedPrivate;
  if (changed.length === 0 && !privacy) return null;
  const texts = Object.fromEntries(changed.map((field) => [field, draft.text[field]])) as ItemText;
  return privacy ? { ...texts, descriptionPrivate: draft.descriptionPrivate } : texts;
}
