/** Facts as a description list: label, value, and where the value came from (text from the file itself marked as not to translate). */
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
            <span className={row.warning === true ? 'fact-warning' : row.unknown ? 'fact-unknown' : 'fact-value'} translate={row.verbatim === true ? 'no' : undefined}>
              {row.value}
            </span>
            {row.source !== null && (
              <span className="fact-source">
                {t('detail.source', { source: row.source })}
                {row.sourceField !== undefined && (
                  <>
                    {' · '}
                    <code translate="no">{row.sourceField}</code>
                  </>
                )}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
