/** "Save a copy of the original…": the shell's save dialog and the engine's extract, and what came of it. */
import { useCallback, useEffect, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { ExtractResult } from '../../../../shared/items';
import { asTamgaError, shell } from '../../api';

export type SaveOriginalState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly result: ExtractResult }
  | { readonly kind: 'error'; readonly error: TamgaError };

export function useSaveOriginal(itemId: string, name: string, title: string, onSaved: () => void): { readonly state: SaveOriginalState; readonly save: () => void } {
  const [state, setState] = useState<SaveOriginalState>({ kind: 'idle' });
  useEffect(() => setState({ kind: 'idle' }), [itemId]);
  const save = useCallback(() => {
    setState({ kind: 'saving' });
    shell.saveOriginalCopy({ title, item: itemId, name }).then(
      (result) => {
        // Cancelled in the dialog: nothing happened, nothing to say.
        setState(result === null ? { kind: 'idle' } : { kind: 'saved', result });
        if (result !== null) onSaved();
      },
      (error: unknown) => setState({ kind: 'error', error: asTamgaError(error) }),
    );
  }, [itemId, name, title, onSaved]);
  return { state, save };
}
