/**
 * Settings → Known senders: the keys this vault's user confirmed, by name; add one (name
 * and fingerprint, both checked before they are sent) or remove one. Each change is a
 * custody event on the vault's chain (the engine writes it).
 */
import { useCallback, useEffect, useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { checkSenderName, parseFingerprint, type KnownSender } from '../../../../shared/senders';
import { asTamgaError, tamga } from '../../api';
import { formatInstant } from '../../format/dates';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { groupHex } from '../vault/Fingerprint';

export function KnownSendersSettings(): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [senders, setSenders] = useState<readonly KnownSender[] | null>(null);
  const [name, setName] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [error, setError] = useState<TamgaError | null>(null);
  const reload = useCallback(() => void tamga.listKnownSenders().then(setSenders, (e: unknown) => setError(asTamgaError(e))), []);
  useEffect(reload, [reload]);

  const parsed = parseFingerprint(fingerprint);
  const fingerprintProblem = fingerprint.trim() !== '' && parsed === null;
  const checkedName = checkSenderName(name);
  const nameProblem = name.trim() !== '' && 'reason' in checkedName ? checkedName.reason : null;
  const canAdd = parsed !== null && !('problem' in checkedName);

  const act = (work: Promise<unknown>, after?: () => void): void =>
    void work.then(
      () => {
        setError(null);
        after?.();
        reload();
      },
      (e: unknown) => setError(asTamgaError(e)),
    );
  const add = (event: FormEvent): void => {
    event.preventDefault();
    if (!canAdd || 'problem' in checkedName) return;
    act(tamga.addKnownSender({ name: checkedName.name, fingerprint: parsed }), () => {
      setName('');
      setFingerprint('');
    });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="known-senders">
      <h3 id={`${id}-title`}>{t('senders.title')}</h3>
      <p className="field-hint">{t('senders.intro')}</p>
      {senders !== null && senders.length === 0 && <p>{t('senders.empty')}</p>}
      {senders !== null && senders.length > 0 && (
        <ul className="file-list" aria-label={t('senders.listLabel')}>
          {senders.map((sender) => (
            <li key={sender.fingerprint} className="known-sender">
              <strong>{sender.name}</strong> <code className="fingerprint-value">{groupHex(sender.fingerprint)}</code>
              {sender.addedAt !== null && <span className="field-hint"> {t('senders.added', { when: formatInstant(sender.addedAt, locale) })}</span>}{' '}
              <button type="button" className="button button-small" onClick={() => act(tamga.removeKnownSender(sender.fingerprint))}>
                {t('senders.remove', { name: sender.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="settings-form" aria-labelledby={`${id}-add`}>
        <h4 id={`${id}-add`}>{t('senders.addTitle')}</h4>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('senders.name')}</label>
          <input id={`${id}-name`} type="text" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" aria-invalid={nameProblem !== null || undefined} />
          {nameProblem !== null && <p className="field-hint">{t(`senders.nameProblem.${nameProblem}`)}</p>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-fingerprint`}>{t('senders.fingerprint')}</label>
          <input
            id={`${id}-fingerprint`}
            type="text"
            value={fingerprint}
            onChange={(e) => setFingerprint(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={fingerprintProblem || undefined}
            aria-describedby={`${id}-fingerprint-hint`}
          />
          <p className="field-hint" id={`${id}-fingerprint-hint`}>
            {fingerprintProblem ? t('senders.fingerprintInvalid') : t('senders.fingerprintHint')}
          </p>
        </div>
        <button type="submit" className="button" disabled={!canAdd}>
          {t('senders.add')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
