/**
 * A vault key's fingerprint: what owners publish so that others can check their bundles.
 * Shown in full, in groups of four for reading aloud, with a copy button.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../ui/CopyButton';

export function groupHex(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

export function Fingerprint({ value, label }: { readonly value: string; readonly label?: string }): JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="fingerprint">
      <span className="fingerprint-label">{label ?? t('vault.fingerprint')}</span>
      <code className="fingerprint-value" data-testid="fingerprint">
        {groupHex(value)}
      </code>
      <CopyButton value={value} label={t('vault.copyFingerprint')} />
    </div>
  );
}
