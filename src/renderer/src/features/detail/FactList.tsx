/** Facts as a description list: label, value, and where the value came from. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactRow } from './metadata-rows';

export function FactList({ rows }: { readonly rows: readonly FactRow[] }): JSX.Element {
  const { t } = useTranslation();
  return (
    <dl className="facts">
      {rows.map((row) => (
        <div key={row.key} className="fact" data-fact={row.key}>
          <dt>{row.label}</dt>
          <dd>
            <span className={row.warning === true ? 'fact-warning' : row.unknown ? 'fact-unknown' : 'fact-value'}>{row.value}</span>
            {row.source !== null && <span className="fact-source">{t('detail.source', { source: row.source })}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
