/**
 * What vault.json says about the folder typed or chosen (no passphrase needed): its key
 * fingerprint and creation date, so a person can check it is their vault before they
 * type the passphrase. Looked up a moment after typing pauses.
 */
import { useEffect, useState } from 'react';
import type { VaultPublicInfo } from '../../../../shared/api';
import { tamga } from '../../api';

export type VaultPreview = { readonly kind: 'none' } | { readonly kind: 'vault'; readonly info: VaultPublicInfo } | { readonly kind: 'not-a-vault' };

export function useVaultPreview(path: string): VaultPreview {
  const [preview, setPreview] = useState<VaultPreview>({ kind: 'none' });
  useEffect(() => {
    if (path.trim() === '') {
      setPreview({ kind: 'none' });
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      tamga.inspectVault(path.trim()).then(
        (info) => current && setPreview({ kind: 'vault', info }),
        () => current && setPreview({ kind: 'not-a-vault' }),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [path]);
  return preview;
}
