/**
 * Title, description, notes and place of items, and reading back everything people
 * wrote about one item. A change is a `described` custody event on the item's chain:
 * `data.changes` maps each changed field to `{old, new}`, or, for a private field
 * (notes; the description when marked private), to `{commitment}` only
 * (private-fields.ts); marking the description private or not is
 * `descriptionPrivate: {old, new}` (true/false). Fields asked for but already equal are
 * not mentioned, and an item where nothing changes gets no event.
 */
import { TamgaError } from '../../../shared/errors';
import { ITEM_TEXT_FIELDS, type DescribeRequest, type ItemDescription, type ItemTextField, type OrganiseResult } from '../../../shared/organise';
import type { JsonObject } from '../../../shared/custody';
import { appendEvent } from '../custody/store';
import type { IndexDb } from '../db/open-index';
import { resolveItem } from '../items/item-view';
import { tagsOf } from '../items/item-rows';
import { casesOfItem } from './cases';
import { inWriteTransaction, type OrganiseContext } from './context';
import { resolveSelection } from './selection';
import { commitment, isDescriptionPrivate, newSalt, privateFieldsOf, storeSalt } from './private-fields';
import { itemField } from './text';

type ItemTexts = Record<ItemTextField, string>;

function textsOf(db: IndexDb, id: string): ItemTexts {
  return db.prepare('SELECT title, description, notes, place FROM items WHERE id = ?').get(id) as ItemTexts;
}

export function describeItems(ctx: OrganiseContext, request: DescribeRequest): OrganiseResult {
  const wanted = new Map<ItemTextField, string>();
  for (const field of ITEM_TEXT_FIELDS) {
    if (request[field] !== undefined) wanted.set(field, itemField(field, request[field]));
  }
  const marking = request.descriptionPrivate;
  if (marking !== undefined && typeof marking !== 'boolean') throw new TamgaError('INVALID_ARGUMENT', 'descriptionPrivate is true or false.');
  if (wanted.size === 0 && marking === undefined) throw new TamgaError('INVALID_ARGUMENT', 'Nothing to describe: give a title, description, notes or place.');
  const update = ctx.db.prepare('UPDATE items SET title = @title, description = @description, notes = @notes, place = @place, description_private = @descriptionPrivate WHERE id = @id');
  return inWriteTransaction(ctx.db, () => {
    const changed: string[] = [];
    const unchanged: string[] = [];
    for (const id of resolveSelection(ctx.db, request.items)) {
      const before = textsOf(ctx.db, id);
      const after: ItemTexts = { ...before };
      const changes: Record<string, JsonObject> = {};
      const salts = new Map<ItemTextField, { salt: Buffer; value: string }>();
      const wasPrivate = isDescriptionPrivate(ctx.db, id);
      const isPrivate = marking ?? wasPrivate;
      // Marked first: a description made private in the same act is committed to, never written out.
      if (isPrivate !== wasPrivate) changes['descriptionPrivate'] = { old: wasPrivate, new: isPrivate };
      const privateFields = privateFieldsOf(isPrivate);
      for (const [field, value] of wanted) {
        if (before[field] === value) continue;
        after[field] = value;
        if (privateFields.has(field)) {
          const salt = newSalt();
          salts.set(field, { salt, value });
          changes[field] = { commitment: commitment(salt, value) };
        } else {
          changes[field] = { old: before[field], new: value };
        }
      }
      if (Object.keys(changes).length === 0) {
        unchanged.push(id);
        continue;
      }
      update.run({ ...after, descriptionPrivate: isPrivate ? 1 : 0, id });
      const { event } = appendEvent(ctx.db, ctx.signer, { chain: id, type: 'described', actor: ctx.actor, data: { changes } });
      for (const [field, { salt, value }] of salts) storeSalt(ctx.db, id, event.seq, field, salt, value);
      changed.push(id);
    }
    return { changed, unchanged };
  });
}

export function itemDescription(db: IndexDb, ref: string): ItemDescription {
  const { id } = resolveItem(db, ref);
  return { itemId: id, ...textsOf(db, id), descriptionPrivate: isDescriptionPrivate(db, id), tags: tagsOf(db, id), cases: casesOfItem(db, id) };
}
