/**
 * Adding and removing tags on a selection. Each tag added or removed is one `tagged` or
 * `untagged` event on the item's chain: `{tag, old, new}`, old and new being the item's
 * whole tag list before and after, so the chain alone tells what the item carried when.
 *
 * A tag is matched to the vault's existing tags ignoring case and accents: adding
 * "Police" where "police" exists adds "police", and removing "POLICE" removes it, so one
 * word never becomes two tags that search and facets would count apart.
 */
import { TamgaError } from '../../../shared/errors';
import type { OrganiseResult, TagRequest } from '../../../shared/organise';
import { normaliseTag } from '../../../shared/tags';
import { appendEvent } from '../custody/store';
import type { IndexDb } from '../db/open-index';
import { tagsOf } from '../items/item-rows';
import { nameKey } from '../search/fold';
import { inWriteTransaction, type OrganiseContext } from './context';
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

function change(ctx: OrganiseContext, request: TagRequest, mode: 'add' | 'remove'): OrganiseResult {
  const tags = requestedTags(request.tags);
  const insert = ctx.db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)');
  const remove = ctx.db.prepare('DELETE FROM item_tags WHERE item_id = ? AND tag = ?');
  return inWriteTransaction(ctx.db, () => {
    const wanted = mode === 'add' ? existingSpelling(ctx.db, tags) : tags.map(nameKey);
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const id of resolveSelection(ctx.db, request.items)) {
      let current = tagsOf(ctx.db, id);
      const acts = mode === 'add' ? wanted.filter((t) => !current.includes(t)) : current.filter((t) => wanted.includes(nameKey(t)));
      for (const tag of acts) {
        (mode === 'add' ? insert : remove).run(id, tag);
        const next = tagsOf(ctx.db, id);
        appendEvent(ctx.db, ctx.signer, { chain: id, type: mode === 'add' ? 'tagged' : 'untagged', actor: ctx.actor, data: { tag, old: current, new: next } });
        current = next;
      }
      (acts.length > 0 ? changed : unchanged).push(id);
    }
    return { changed, unchanged };
  });
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
