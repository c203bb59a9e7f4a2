/**
 * Adding and removing tags on a selection. Each tag added or removed is one `tagged` or
 * `untagged` event on the item's chain: `{tag, old, new}`, old and new being the item's
 * whole tag list before and after, so the chain alone tells what the item carried when.
 *
 * A tag is matched to the vault's existing tags ignoring case and accents: adding
 * "Police" where "police" exists adds "police", and removing "POLICE" removes it, so one
 * word never becomes two tags that search and facets would count apart.
 *
 * A selection comes as ids (up to MAX_BULK_ITEMS, one transaction) or as a query
 * (select-all: any size, in batches, counts answered instead of ids).
 */
import { TamgaError } from '../../../shared/errors';
import type { OrganiseResult, SelectionProgress, SelectionResult, TagRequest, TagSelectionRequest } from '../../../shared/organise';
import { normaliseTag } from '../../../shared/tags';
import { appendEvent } from '../custody/store';
import type { IndexDb } from '../db/open-index';
import { tagsOf } from '../items/item-rows';
import { nameKey } from '../search/fold';
import { inWriteTransaction, type OrganiseContext } from './context';
import { snapshotSelection } from './query-selection';
import { resolveSelection } from './selection';

function requestedTags(tags: unknown): string[] {
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => typeof t === 'string')) {
    throw new TamgaError('INVALID_ARGUMENT', 'tags must be a non-empty list of tags.');
  }
  return (tags as string[]).map((t) => {
    const tag = normaliseTag(t);
    if (tag === null) throw new TamgaError('INVALID_ARGUMENT', `${JSON.stringify(t)} is not a usable tag: a tag has 1 to 100 characters.`);
    return tag;
  });
}

/** The spelling the vault already uses for each tag, where it has one; one spelling per tag. */
function existingSpelling(db: IndexDb, tags: readonly string[]): string[] {
  const known = new Map((db.prepare('SELECT tag FROM tag_counts').pluck().all() as string[]).map((t) => [nameKey(t), t]));
  const byKey = new Map<string, string>();
  for (const tag of tags) if (!byKey.has(nameKey(tag))) byKey.set(nameKey(tag), known.get(nameKey(tag)) ?? tag);
  return [...byKey.values()];
}

interface Changer {
  /** Adds or removes the wanted tags on one item, each change a custody event; true when something changed. */
  (id: string): boolean;
}

/** The per-item change, with its statements prepared once (run it inside a write transaction). */
function changer(ctx: OrganiseContext, tags: readonly string[], mode: 'add' | 'remove'): Changer {
  const insert = ctx.db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)');
  const remove = ctx.db.prepare('DELETE FROM item_tags WHERE item_id = ? AND tag = ?');
  const wanted = mode === 'add' ? existingSpelling(ctx.db, tags) : tags.map(nameKey);
  return (id) => {
    let current = tagsOf(ctx.db, id);
    const acts = mode === 'add' ? wanted.filter((t) => !current.includes(t)) : current.filter((t) => wanted.includes(nameKey(t)));
    for (const tag of acts) {
      (mode === 'add' ? insert : remove).run(id, tag);
      const next = tagsOf(ctx.db, id);
      appendEvent(ctx.db, ctx.signer, { chain: id, type: mode === 'add' ? 'tagged' : 'untagged', actor: ctx.actor, data: { tag, old: current, new: next } });
      current = next;
    }
    return acts.length > 0;
  };
}

function change(ctx: OrganiseContext, request: TagRequest, mode: 'add' | 'remove'): OrganiseResult {
  const tags = requestedTags(request.tags);
  return inWriteTransaction(ctx.db, () => {
    const one = changer(ctx, tags, mode);
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const id of resolveSelection(ctx.db, request.items)) (one(id) ? changed : unchanged).push(id);
    return { changed, unchanged };
  });
}

/** Items per write transaction when a query selection is changed. */
export const SELECTION_BATCH = 1000;

/**
 * The same change over a query selection (query-selection.ts), in transactions of
 * SELECTION_BATCH items: each item's tag change and its custody event commit together, and
 * an interrupted run leaves the batches done and nothing of the one it was in. Between
 * batches it yields to the event loop, so progress reaches the window and a lock can run.
 */
async function changeSelection(ctx: OrganiseContext, request: TagSelectionRequest, mode: 'add' | 'remove', onProgress?: (p: SelectionProgress) => void): Promise<SelectionResult> {
  if (typeof request !== 'object' || request === null) throw new TamgaError('INVALID_ARGUMENT', 'A tag request needs a selection and tags.');
  const tags = requestedTags(request.tags);
  const snapshot = snapshotSelection(ctx.db, request.selection);
  let changed = 0;
  let unchanged = 0;
  onProgress?.({ done: 0, total: snapshot.total });
  for (const ids of snapshot.batches(SELECTION_BATCH)) {
    inWriteTransaction(ctx.db, () => {
      const one = changer(ctx, tags, mode);
      for (const id of ids) {
        if (one(id)) changed += 1;
        else unchanged += 1;
      }
    });
    onProgress?.({ done: changed + unchanged, total: snapshot.total });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { changed, unchanged };
}

export function tagSelection(ctx: OrganiseContext, request: TagSelectionRequest, onProgress?: (p: SelectionProgress) => void): Promise<SelectionResult> {
  return changeSelection(ctx, request, 'add', onProgress);
}

export function untagSelection(ctx: OrganiseContext, request: TagSelectionRequest, onProgress?: (p: SelectionProgress) => void): Promise<SelectionResult> {
  return changeSelection(ctx, request, 'remove', onProgress);
}

export function tagItems(ctx: OrganiseContext, request: TagRequest): OrganiseResult {
  return change(ctx, request, 'add');
}

export function untagItems(ctx: OrganiseContext, request: TagRequest): OrganiseResult {
  return change(ctx, request, 'remove');
}

/** Every tag in the vault with how many items carry it, most used first. */
export function listTags(db: IndexDb): Array<{ value: string; count: number }> {
  return db.prepare('SELECT tag AS value, items AS count FROM tag_counts ORDER BY items DESC, tag').all() as Array<{ value: string; count: number }>;
}
