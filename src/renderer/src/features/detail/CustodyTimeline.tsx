/**
 * The item's custody chain, oldest first, as a judge reads it: one sentence per event
 * (what was done, by whom, with which program, when, in this computer's time with its
 * offset), a description's old and new text, the facts it records with hashes shortened
 * and copyable, and the signed record itself one click away. An event of a kind this
 * version does not know is said to be one, with its record: never dropped. Event data
 * holds paths and names from evidence: it is only ever rendered as text.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { CustodyRecord } from '../../../../shared/custody';
import { CopyButton } from '../../ui/CopyButton';
import { eventSentence, type Words } from './custody-sentence';

export function CustodyTimeline({ records }: { readonly records: readonly CustodyRecord[] }): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  // The builder asks for keys it makes (custody.sentence.<type>); all exist in every language.
  const words: Words = (key, values) => t(key as 'custody.sentence.raw', values ?? {}) as string;
  return (
    <ol className="timeline" aria-label={t('detail.custody')}>
      {records.map((record) => {
        const { event, hash } = record;
        const said = eventSentence(event, words, { locale });
        return (
          <li key={hash} className="timeline-event" data-event-type={event.type} data-known={said.known ? 'true' : 'false'}>
            <p className="timeline-sentence" data-testid="event-sentence" data-at={event.at}>
              {said.sentence}
            </p>
            {said.changes.length > 0 && (
              <ul className="timeline-changes">
                {said.changes.map((change) => (
                  <li key={change.field}>{change.text}</li>
                ))}
              </ul>
            )}
            {said.facts.length > 0 && (
              <dl className="timeline-data">
                {said.facts.map((fact) => (
                  <div key={fact.key}>
                    <dt>{fact.label}</dt>
                    <dd>
                      {fact.copy === null ? (
                        fact.text
                      ) : (
                        <>
                          <code title={fact.copy}>{fact.text}</code> <CopyButton value={fact.copy} label={t('custody.sentence.copyValue', { name: fact.label })} />
                        </>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            <p className="field-hint" data-testid="event-footer">
              {t('custody.sentence.footer', { seq: event.seq })} <code title={hash}>{hash.slice(0, 12)}…</code>{' '}
              <CopyButton value={hash} label={t('custody.sentence.copyEventHash')} />
            </p>
            <details className="timeline-raw">
              <summary>{t('custody.sentence.raw')}</summary>
              <pre>{JSON.stringify(record, null, 2)}</pre>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
