/** The vault's cases and tags (with their item counts) for the sidebar, read again on `version`. */
import { useEffect, useState } from 'react';
import type { CaseSummary } from '../../../../shared/organise';
import type { FacetCount } from '../../../../shared/search';
import { tamga } from '../../api';

export function useOrganiseLists(version: number): { readonly cases: readonly CaseSummary[]; readonly tags: readonly FacetCount[] } {
  const [lists, setLists] = useState<{ cases: readonly CaseSummary[]; tags: readonly FacetCount[] }>({ cases: [], tags: [] });
  useEffect(() => {
    let current = true;
    void Promise.all([tamga.listCases(), tamga.listTags()])
      .then(([cases, tags]) => current && setLists({ cases, tags }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [version]);
  return lists;
}
