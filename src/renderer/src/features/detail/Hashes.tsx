/** The content hashes, each in full with a copy button (SHA-1 and MD5 only where the vault computes them). */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../../shared/items';
import { CopyButton } from '../../ui/CopyButton';

export function Hashes({ item }: { readonly item: ItemDetail }): JSX.Element {
  const { t } = useTranslation();
  const hashes = [
    ['SHA-256', item.sha256],
    ['SHA-1', item.sha1],
    ['MD5', item.md5],
  ].filter((entry): entry is [string, string] => entry[1] !== null);
  return (
    <dl className="hashes">
      {hashes.map(([name, value]) => (
        <div key={name} className="hash">
          <dt>{name}</dt>
          <dd>
            <code className="hash-value">{value}</code>
            <CopyButton value={value} label={t('detail.copyHash', { name })} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
