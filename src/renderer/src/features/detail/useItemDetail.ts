/**
 * Everything about one item, read a moment after it is chosen (arrowing through the grid
 * reads only the item the person stops on), and again when `version` changes.
 */
import { useEffect, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { ItemDetail } from '../../../../shared/items';
import { asTamgaError, tamga } from '../../api';

export type DetailState = { readonly kind: 'none' } | { readonly kind: 'loading' } | { readonly kind: 'item'; readonly item: ItemDetail } | { readonly kind: 'error'; readonly error: TamgaError };

export function useItemDetail(itemId: string | null, version = 0): DetailState {
  const [state, setState] = useState<DetailState>({ kind: 'none' });
  useEffect(() => {
    if (itemId === null) {
      setState({ kind: 'none' });
      return;
    }
    let current = true;
    // The item shown stays until the next arrives (arrowing through the grid does not flicker).
    setState((s) => (s.kind === 'item' ? s : { kind: 'loading' }));
    const timer = setTimeout(() => {
      tamga.getItem(itemId).then(
        (item) => current && setState({ kind: 'item', item }),
        (error: unknown) => current && setState({ kind: 'error', error: asTamgaError(error) }),
      );
    }, 80);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [itemId, version]);
  return state;
}
