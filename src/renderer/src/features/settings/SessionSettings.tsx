/** Auto-lock time and legacy hashes: saved in the vault as soon as they change. */
import { useId, type JSX } from 'react';
import { Switch } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { SettingsUpdate, VaultSettings } from '../../../../shared/session';

const MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 240];

export function SessionSettings({ settings, onUpdate }: { readonly settings: VaultSettings; readonly onUpdate: (update: SettingsUpdate) => void }): JSX.Element {
  const { t } = useTranslation();
  const lockId = useId();
  const options = MINUTES.includes(settings.autoLockMinutes) ? MINUTES : [...MINUTES, settings.autoLockMinutes].sort((a, b) => a - b);
  return (
    <div className="settings-form">
      <div className="field">
        <label htmlFor={lockId}>{t('settings.autoLock')}</label>
        <select id={lockId} value={settings.autoLockMinutes} onChange={(e) => onUpdate({ autoLockMinutes: Number(e.target.value) })}>
          {options.map((minutes) => (
            <option key={minutes} value={minutes}>
              {t('settings.minutes', { count: minutes })}
            </option>
          ))}
        </select>
        <p className="field-hint">{t('settings.autoLockHint')}</p>
      </div>
      <Switch className="switch" isSelected={settings.legacyHashes} onChange={(on) => onUpdate({ legacyHashes: on })}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span>{t('settings.legacyHashes')}</span>
      </Switch>
      <p className="field-hint">{t('settings.legacyHashesHint')}</p>
    </div>
  );
}
