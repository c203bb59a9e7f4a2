/**
 * Settings → Timestamp servers: the RFC 3161 timestamp servers this vault asks, in order,
 * when the user says "Get timestamps now" (none by default). Add one (its address checked
 * here, with the engine's own rules, before it is sent), remove one, or move one up or
 * down; each change saves the whole list. Says plainly what asking sends (the SHA-256 of
 * the seal signature, nothing else), why two servers of different operators, and what a
 * qualified eIDAS timestamp adds; names well-known public servers the user may type.
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { checkTimestampServers, checkTimestampUrl, MAX_TIMESTAMP_SERVERS } from '../../../../shared/timestamp';
import { asTamgaError, tamga } from '../../api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { moveItem } from '../export/reorder';
import { WELL_KNOWN_TSAS } from './well-known-tsas';

export interface TimestampServersSettingsProps {
  readonly readOnly: boolean;
  /** After the list is saved: the status line counts against the new list. */
  readonly onChanged: () => void;
}

export function TimestampServersSettings({ readOnly, onChanged }: TimestampServersSettingsProps): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [servers, setServers] = useState<readonly string[] | null>(null);
  const [address, setAddress] = useState('');
  const [error, setError] = useState<TamgaError | null>(null);
  const reload = useCallback(() => void tamga.timestampStatus().then((status) => setServers(status.servers), (e: unknown) => setError(asTamgaError(e))), []);
  useEffect(reload, [reload]);

  const list = servers ?? [];
  // The address as the list would keep it: the same checks the engine makes, so a problem is named before anything is sent.
  const checked = address.trim() === '' ? null : checkTimestampServers([...list, address]);
  const problem = checked !== null && 'reason' in checked ? checked.reason : null;
  const canAdd = !readOnly && checked !== null && problem === null;

  const save = (next: readonly string[], after?: () => void): void =>
    void tamga.setTimestampServers(next).then(
      (saved) => {
        setError(null);
        setServers(saved);
        after?.();
        onChanged();
      },
      (e: unknown) => setError(asTamgaError(e)),
    );
  const add = (event: FormEvent): void => {
    event.preventDefault();
    const url = checkTimestampUrl(address);
    if (!canAdd || 'reason' in url) return;
    // Cleared once saved, unless the person has already typed the next one meanwhile.
    const typed = address;
    save([...list, url.url], () => setAddress((current) => (current === typed ? '' : current)));
  };

  return (
    <section aria-labelledby={`${id}-title`} className="timestamp-settings">
      <h3 id={`${id}-title`}>{t('timestamps.settingsTitle')}</h3>
      <p className="field-hint">{t('timestamps.intro')}</p>
      <p className="field-hint">{t('timestamps.privacy')}</p>
      <p className="field-hint">{t('timestamps.advice')}</p>
      {servers !== null && servers.length === 0 && <p data-testid="timestamp-servers-empty">{t('timestamps.none')}</p>}
      {servers !== null && servers.length > 0 && (
        <ol className="file-list" aria-label={t('timestamps.listLabel')}>
          {servers.map((server, index) => (
            <li key={server} className="timestamp-server">
              <code>{server}</code>
              <button type="button" className="button button-small" aria-label={t('timestamps.moveUp', { server })} disabled={readOnly || index === 0} onClick={() => save(moveItem(servers, index, index - 1))}>
                ↑
              </button>
              <button
                type="button"
                className="button button-small"
                aria-label={t('timestamps.moveDown', { server })}
                disabled={readOnly || index === servers.length - 1}
                onClick={() => save(moveItem(servers, index, index + 1))}
              >
                ↓
              </button>
              <button type="button" className="button button-small" aria-label={t('timestamps.remove', { server })} disabled={readOnly} onClick={() => save(servers.filter((s) => s !== server))}>
                {t('timestamps.removeShort')}
              </button>
            </li>
          ))}
        </ol>
      )}
      {readOnly ? (
        <p className="note">{t('timestamps.readOnly')}</p>
      ) : (
        <form onSubmit={add} className="settings-form" aria-labelledby={`${id}-add`}>
          <h4 id={`${id}-add`}>{t('timestamps.addTitle')}</h4>
          <div className="field">
            <label htmlFor={`${id}-url`}>{t('timestamps.address')}</label>
            <input
              id={`${id}-url`}
              type="text"
              inputMode="url"
              list={`${id}-known`}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={problem !== null || undefined}
              aria-describedby={`${id}-url-hint`}
            />
            <datalist id={`${id}-known`}>
              {WELL_KNOWN_TSAS.map((tsa) => (
                <option key={tsa.url} value={tsa.url} label={tsa.operator} />
              ))}
            </datalist>
            <p className="field-hint" id={`${id}-url-hint`} data-testid="timestamp-url-hint">
              {problem === null ? t('timestamps.addressHint') : t(`timestamps.problem.${problem}`, { max: MAX_TIMESTAMP_SERVERS })}
            </p>
          </div>
          <button type="submit" className="button" disabled={!canAdd}>
            {t('timestamps.add')}
          </button>
        </form>
      )}
      <p className="field-hint">{t('timestamps.suggestionsIntro')}</p>
      <ul className="timestamp-suggestions" aria-label={t('timestamps.suggestionsLabel')}>
        {WELL_KNOWN_TSAS.map((tsa) => (
          <li key={tsa.url}>
            <span translate="no">{tsa.operator}</span>: <code>{tsa.url}</code>
          </li>
        ))}
      </ul>
      <p className="field-hint">{t('timestamps.eidas')}</p>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
