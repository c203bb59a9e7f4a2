/** Settings: this vault's key and format, auto-lock and hashes, its operator, known senders, timestamp servers, copies, the recovery key, the passphrase, the language. */
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { TamgaError } from '../../../../shared/errors';
import { asTamgaError, tamga } from '../../api';
import { formatInstant } from '../../format/dates';
import { useSession } from '../../session/SessionContext';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { RecoverySettings } from '../recovery/RecoverySettings';
import { Fingerprint } from '../vault/Fingerprint';
import { ChangePassphraseForm } from './ChangePassphraseForm';
import { KnownSendersSettings } from './KnownSendersSettings';
import { OperatorSettings } from './OperatorSettings';
import { SessionSettings } from './SessionSettings';
import { TimestampServersSettings } from './TimestampServersSettings';
import { CopiesSettings } from '../copies/CopiesSettings';
import type { Copies } from '../copies/useCopies';

export interface SettingsViewProps {
  /** After the timestamp servers are saved (the status line counts against them). */
  readonly onTimestampServersChanged: () => void;
  /** The replicas and the running push (held by the workspace: the status bar shows them too). */
  readonly copies: Copies;
  readonly now: number;
}

export function SettingsView({ onTimestampServersChanged, copies, now }: SettingsViewProps): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const [settingsError, setSettingsError] = useState<TamgaError | null>(null);
  const [passphraseError, setPassphraseError] = useState<TamgaError | null>(null);
  const [changed, setChanged] = useState(false);
  if (session.state.status !== 'unlocked') return null;
  const { info, settings } = session.state;

  const changePassphrase = async (oldPassphrase: string, newPassphrase: string): Promise<void> => {
    setPassphraseError(null);
    setChanged(false);
    try {
      await tamga.changePassphrase({ oldPassphrase, newPassphrase });
      setChanged(true);
    } catch (error) {
      setPassphraseError(asTamgaError(error));
    }
  };

  return (
    <div className="settings">
      <h2>{t('settings.title')}</h2>
      <section aria-labelledby="vault-section">
        <h3 id="vault-section">{t('settings.vaultTitle')}</h3>
        <dl className="facts">
          <div className="fact">
            <dt>{t('vault.folder')}</dt>
            <dd>
              <code className="path">{info.path}</code>
            </dd>
          </div>
          <div className="fact">
            <dt>{t('settings.created')}</dt>
            <dd>{formatInstant(info.createdAt, locale)}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.format')}</dt>
            <dd>{t('settings.formatLine', { format: info.formatVersion, schema: info.schemaVersion, n: info.kdf.N, r: info.kdf.r, p: info.kdf.p })}</dd>
          </div>
        </dl>
        <Fingerprint value={info.keyFingerprint} />
        <p className="field-hint">{t('vault.fingerprintHint')}</p>
      </section>
      <section aria-labelledby="session-section">
        <h3 id="session-section">{t('settings.sessionTitle')}</h3>
        <SessionSettings settings={settings} onUpdate={(update) => void tamga.updateSettings(update).then(() => setSettingsError(null), (e: unknown) => setSettingsError(asTamgaError(e)))} />
        {settingsError !== null && <ErrorNotice error={settingsError} />}
      </section>
      <OperatorSettings operator={info.operator} />
      <KnownSendersSettings />
      <TimestampServersSettings readOnly={info.readOnly} onChanged={onTimestampServersChanged} />
      <RecoverySettings info={info} onChanged={session.refreshInfo} />
      <CopiesSettings copies={copies} now={now} readOnly={info.readOnly} />
      <ChangePassphraseForm onChange={changePassphrase} error={passphraseError} done={changed} />
      <section aria-labelledby="language-section">
        <h3 id="language-section">{t('language.label')}</h3>
        <LanguagePicker />
      </section>
    </div>
  );
}
