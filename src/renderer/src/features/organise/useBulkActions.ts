/**
 * What the workspace does with a selection: tag or untag it, add it to a case (making
 * the case first when it is new). Each resolves when the engine has recorded the change;
 * `onDone` then refreshes the views, and the outcome is kept to be announced. A select-all
 * is tagged as its query (tagSelection), answered in counts.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { OrganiseResult, QuerySelection, SelectionProgress, SelectionResult } from '../../../../shared/organise';
import { asTamgaError, onEngineEvent, tamga } from '../../api';

export type BulkOutcome = { readonly kind: 'done'; readonly result: SelectionResult } | { readonly kind: 'failed'; readonly error: TamgaError } | null;

export function useBulkActions(onDone: () => void) {
  const [outcome, setOutcome] = useState<BulkOutcome>(null);
  /** A select-all being tagged: how far it has come (the engine reports each batch); null when none runs. */
  const [progress, setProgress] = useState<SelectionProgress | null>(null);
  useEffect(() => onEngineEvent('selectionProgress', (event) => setProgress(event.progress.done < event.progress.total ? event.progress : null)), []);
  const run = useCallback(
    async (call: () => Promise<OrganiseResult | SelectionResult>) => {
      try {
        const result = await call();
        setOutcome({ kind: 'done', result: typeof result.changed === 'number' ? (result as SelectionResult) : { changed: result.changed.length, unchanged: (result as OrganiseResult).unchanged.length } });
        onDone();
      } catch (error) {
        setOutcome({ kind: 'failed', error: asTamgaError(error) });
      }
    },
    [onDone],
  );
  const failed = useCallback((error: unknown) => setOutcome({ kind: 'failed', error: asTamgaError(error) }), []);
  return {
    outcome,
    progress,
    dismiss: () => setOutcome(null),
    /** Announces a failure of work begun elsewhere for the selection (reading a select-all's exhibits). */
    failed,
    tag: (items: readonly string[], tags: string[], remove: boolean) => run(() => (remove ? tamga.untagItems({ items, tags }) : tamga.tagItems({ items, tags }))),
    tagSelection: (selection: QuerySelection, tags: string[], remove: boolean) =>
      run(() => (remove ? tamga.untagSelection({ selection, tags }) : tamga.tagSelection({ selection, tags }))),
    addToCase: (items: readonly string[], name: string, create: { readonly description: string } | null) =>
      run(async () => {
        if (create !== null) await tamga.createCase({ name, ...(create.description === '' ? {} : { description: create.description }) });
        return tamga.addToCase({ case: name, items });
      }),
  };
}
