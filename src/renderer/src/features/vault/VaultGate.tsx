/**
 * The first screen: unlock a vault, create one, or restore one from a copy. Shown whenever
 * no vault is unlocked, including after an automatic lock, which it explains.
 */
import { useState, type JSX } from 'react';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/SessionContext';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { RecoverForm } from '../recovery/RecoverForm';
import { RestoreForm } from '../restore/RestoreForm';
import { CreateForm } from './CreateForm';
import { LockNotice } from './LockNotice';
import { UnlockForm } from './UnlockForm';
import { VaultCreated } from './VaultCreated';
import { useGateForm } from './useGateForm';

export function VaultGate(): JSX.Element {
  const { t } = useTranslation();
  const session = useSession();
  const locked = session.state.status === 'locked' ? session.state : null;
  const form = useGateForm(locked?.lastPath ?? '', session.opened);
  const [mode, setMode] = useState<Key>('unlock');
  const [recovering, setRecovering] = useState(false);

  return (
    <main className="gate">
      <header className="gate-header">
        <h1 className="app-name">{t('app.name')}</h1>
        <p className="app-summary">{t('app.summary')}</p>
        <LanguagePicker />
      </header>
      <LockNotice reason={locked?.reason ?? null} />
      {form.created !== null ? (
        <VaultCreated info={form.created} onContinue={() => form.created !== null && void session.opened(form.created)} />
      ) : (
        <Tabs
          className="gate-tabs"
          selectedKey={mode}
          onSelectionChange={(key) => {
            setMode(key);
            form.clearError();
          }}
        >
          <TabList aria-label={t('vault.modes')} className="tab-list">
            <Tab id="unlock" className="tab">
              {t('vault.unlockTitle')}
            </Tab>
            <Tab id="create" className="tab">
              {t('vault.createTitle')}
            </Tab>
            <Tab id="restore" className="tab">
              {t('restore.title')}
            </Tab>
          </TabList>
          <TabPanel id="unlock" className="tab-panel">
            {recovering ? (
              <RecoverForm path={form.path} onPathChange={form.setPath} onChooseFolder={() => void form.chooseVaultFolder()} onOpened={session.opened} onBack={() => setRecovering(false)} />
            ) : (
              <UnlockForm
                path={form.path}
                onPathChange={form.setPath}
                onChooseFolder={() => void form.chooseVaultFolder()}
                preview={form.preview}
                passphrase={form.passphrase}
                onPassphraseChange={form.setPassphrase}
                busy={form.busy}
                error={form.error}
                onSubmit={() => void form.unlock()}
              />
            )}
            {!recovering && (
              <button type="button" className="button button-link" onClick={() => setRecovering(true)}>
                {t('recovery.forgot')}
              </button>
            )}
          </TabPanel>
          <TabPanel id="create" className="tab-panel">
            <CreateForm
              path={form.path}
              onPathChange={form.setPath}
              onChooseFolder={() => void form.chooseVaultFolder()}
              passphrase={form.passphrase}
              onPassphraseChange={form.setPassphrase}
              confirm={form.confirm}
              onConfirmChange={form.setConfirm}
              strength={form.strength}
              tooShort={form.tooShort}
              acceptable={form.acceptable}
              legacyHashes={form.legacyHashes}
              onLegacyHashesChange={form.setLegacyHashes}
              operator={form.operator}
              onOperatorChange={form.setOperator}
              busy={form.busy}
              error={form.error}
              onSubmit={() => void form.create()}
            />
          </TabPanel>
          <TabPanel id="restore" className="tab-panel">
            <RestoreForm onOpened={(info) => void session.opened(info)} />
          </TabPanel>
        </Tabs>
      )}
    </main>
  );
}
