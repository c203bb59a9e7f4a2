/** Right after creation: the new vault's key fingerprint, what it is for, and the way in. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultInfo } from '../../../../shared/api';
import { StatusBadge } from '../../ui/StatusBadge';
import { Fingerprint } from './Fingerprint';

export function VaultCreated({ info, onContinue }: { readonly info: VaultInfo; readonly onContinue: () => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <section className="gate-form" aria-labelledby="vault-created">
      <h2 id="vault-created">
        <StatusBadge tone="safe" label={t('vault.created')} />
      </h2>
      <p>{t('vault.createdPath', { path: info.path })}</p>
      <Fingerprint value={info.keyFingerprint} />
      <p className="field-hint">{t('vault.fingerprintHint')}</p>
      <button type="button" className="button button-primary" onClick={onContinue} autoFocus>
        {t('vault.openVault')}
      </button>
    </section>
  );
}
