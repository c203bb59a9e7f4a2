/** What the chosen folder is, before any passphrase: a vault with this key and date, or not a vault. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_MARK, SentenceWithCode } from '../../ui/SentenceWithCode';
import { useLocale } from '../../i18n/useLocale';
import { formatInstant } from '../../format/dates';
import { Icon } from '../../ui/icons';
import { groupHex } from './Fingerprint';
import type { VaultPreview } from './useVaultPreview';

export function VaultPreviewNote({ preview }: { readonly preview: VaultPreview }): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  if (preview.kind === 'none') return null;
  if (preview.kind === 'not-a-vault') {
    return (
      <p className="note note-warning">
        <Icon name="warning" size={14} /> {t('vault.notAVault')}
      </p>
    );
  }
  return (
    <p className="note">
      <Icon name="info" size={14} />{' '}
      <SentenceWithCode sentence={t('vault.previewLine', { date: formatInstant(preview.info.createdAt, locale), fingerprint: CODE_MARK })} code={groupHex(preview.info.keyFingerprint.slice(0, 16))} />
    </p>
  );
}
