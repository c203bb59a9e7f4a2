/**
 * The item's custody chain, oldest first: each act with its time, actor and details (as
 * text: event data holds paths and names from evidence), and the start of its hash. An
 * actor that names an operator is shown as their own statement, then the tool.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { CustodyRecord, JsonValue } from '../../../../shared/custody';
import { formatInstant } from '../../format/dates';
import { splitActor } from '../../../../shared/operator';

function plain(value: JsonValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((v) => plain(v as JsonValue) ?? '').join(', ');
  return null;
}

export function CustodyTimeline({ records }: { readonly records: readonly CustodyRecord[] }): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ol className="timeline" aria-label={t('detail.custody')}>
      {records.map(({ event, hash }) => {
        const { operator, tool } = splitActor(event.actor);
        return (
          <li key={hash} className="timeline-event" data-event-type={event.type}>
            <div className="timeline-head">
              <strong>{t(`custody.types.${event.type}` as 'custody.types.acquired', { defaultValue: event.type })}</strong>
              <time dateTime={event.at}>{formatInstant(event.at, locale)}</time>
            </div>
            <dl className="timeline-data">
              {Object.entries(event.data).flatMap(([key, value]) => {
                const text = plain(value);
                return text === null || text === '' ? [] : [
                  <div key={key}>
                    <dt>{t(`custody.fields.${key}` as 'custody.fields.sha256', { defaultValue: key })}</dt>
                    <dd>{text}</dd>
                  </div>,
                ];
              })}
            </dl>
            <p className="field-hint" data-testid="event-actor">
              {operator === null
                ? t('detail.eventFooter', { seq: event.seq, actor: event.actor, hash: hash.slice(0, 12) })
                : t('operator.timeline', { seq: event.seq, operator, tool, hash: hash.slice(0, 12) })}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
