/**
 * For a bundle intact but sealed by a key nobody confirmed: the fingerprint in full, in
 * groups, and the one way to confirm it: the person says they compared it with the one
 * the sender published, and names the sender. It becomes a known sender of the open
 * vault (a custody event), and the bundle is checked again.
 */
import { useId, useState, type FormEvent, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import { checkSenderName } from '../../../../shared/senders';
import { asTamgaError, tamga } from '../../api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Fingerprint } from '../vault/Fingerprint';

export function RememberSender({ fingerprint, onRemembered }: { readonly fingerprint: string; readonly onRemembered: (name: string) => void }): JSX.Element {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<TamgaError | null>(null);
  const [saving, setSaving] = useState(false);
  const checked = checkSenderName(name);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if ('problem' in checked) return;
    setSaving(true);
    setError(null);
    tamga.addKnownSender({ name: checked.name, fingerprint }).then(
      (added) => onRemembered(added.name),
      (e: unknown) => {
        setError(asTamgaError(e));
        setSaving(false);
      },
    );
  };
  return (
    <section className="remember-sender" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('verify.remember.title')}</h4>
      <Fingerprint value={fingerprint} />
      <p>{t('verify.remember.intro')}</p>
      <form onSubmit={submit} className="settings-form">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('verify.remember.confirm')}</label>
          <input id={`${id}-name`} type="text" value={name} placeholder={t('verify.remember.name')} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <button type="submit" className="button" disabled={'problem' in checked || saving}>
          {t('verify.remember.save')}
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
