/** What people wrote about one item (title, description, notes, place, tags, cases), read again on `version`. */
import { useEffect, useState } from 'react';
import type { ItemDescription } from '../../../../shared/organise';
import { tamga } from '../../api';

export function useItemDescription(itemId: string | null, version: number): ItemDescription | null {
  const [description, setDescription] = useState<ItemDescription | null>(null);
  useEffect(() => {
    if (itemId === null) {
      setDescription(null);
      return;
    }
    let current = true;
    tamga.getItemDescription(itemId).then(
      (value) => current && setDescription(value),
      () => current && setDescription(null),
    );
    return () => {
      current = false;
    };
  }, [itemId, version]);
  return description?.itemId === itemId ? description : null;
}
