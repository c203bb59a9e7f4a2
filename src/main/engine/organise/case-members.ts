/**
 * Adding items to a case and taking them out. Each is an `added-to-case` or
 * `removed-from-case` event on the item's chain: `{caseId, caseName, old, new}`, old and
 * new being the names of the cases the item belonged to before and after.
 */
import type { CaseItemsRequest, OrganiseResult } from '../../../shared/organise';
import { appendEvent } from '../custody/store';
import { casesOfItem, resolveCase } from './cases';
import { inWriteTransaction, type OrganiseContext } from './context';
import { resolveSelection } from './selection';

function change(ctx: OrganiseContext, request: CaseItemsRequest, mode: 'add' | 'remove'): OrganiseResult {
  const add = ctx.db.prepare('INSERT OR IGNORE INTO case_items (case_id, item_id, added_at) VALUES (?, ?, ?)');
  const remove = ctx.db.prepare('DELETE FROM case_items WHERE case_id = ? AND item_id = ?');
  return inWriteTransaction(ctx.db, () => {
    const target = resolveCase(ctx.db, request.case);
    const changed: string[] = [];
    const unchanged: string[] = [];
    const now = new Date().toISOString();
    for (const id of resolveSelection(ctx.db, request.items)) {
      const before = casesOfItem(ctx.db, id).map((c) => c.name);
      const done = mode === 'add' ? add.run(target.id, id, now).changes > 0 : remove.run(target.id, id).changes > 0;
      if (!done) {
        unchanged.push(id);
        continue;
      }
      const after = casesOfItem(ctx.db, id).map((c) => c.name);
      appendEvent(ctx.db, ctx.signer, {
        chain: id,
        type: mode === 'add' ? 'added-to-case' : 'removed-from-case',
        actor: ctx.actor,
        data: { caseId: target.id, caseName: target.name, old: before, new: after },
        at: now,
      });
      changed.push(id);
    }
    return { changed, unchanged };
  });
}

export function addToCase(ctx: OrganiseContext, request: CaseItemsRequest): OrganiseResult {
  return change(ctx, request, 'add');
}

export function removeFromCase(ctx: OrganiseContext, request: CaseItemsRequest): OrganiseResult {
  return change(ctx, request, 'remove');
}
