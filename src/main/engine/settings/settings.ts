/**
 * The vault's own settings, kept in its encrypted index (table settings): how long the
 * machine may idle before the vault locks, and whether imports add SHA-1 and MD5. They
 * travel with the vault, so a copied vault keeps its auto-lock time.
 */
import { TamgaError } from '../../../shared/errors';
import { AUTO_LOCK_MINUTES, type SettingsUpdate, type VaultSettings } from '../../../shared/session';
import type { OpenVault } from '../vault/vault';

const AUTO_LOCK_KEY = 'auto_lock_minutes';

export function readSettings(vault: OpenVault): VaultSettings {
  const stored = vault.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(AUTO_LOCK_KEY) as string | undefined;
  const minutes = stored === undefined ? NaN : Number(stored);
  return {
    // An unreadable value (edited by hand) falls back to the default rather than to "never".
    autoLockMinutes: isValidMinutes(minutes) ? minutes : AUTO_LOCK_MINUTES.default,
    legacyHashes: vault.legacyHashes.length > 0,
  };
}

function isValidMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= AUTO_LOCK_MINUTES.min && value <= AUTO_LOCK_MINUTES.max;
}

export function updateSettings(vault: OpenVault, update: SettingsUpdate): VaultSettings {
  if (update.autoLockMinutes !== undefined && !isValidMinutes(update.autoLockMinutes)) {
    throw new TamgaError('INVALID_ARGUMENT', `The auto-lock time must be a whole number of minutes from ${AUTO_LOCK_MINUTES.min} to ${AUTO_LOCK_MINUTES.max}.`);
  }
  if (update.legacyHashes !== undefined && typeof update.legacyHashes !== 'boolean') {
    throw new TamgaError('INVALID_ARGUMENT', 'legacyHashes must be true or false.');
  }
  vault.db.transaction(() => {
    if (update.autoLockMinutes !== undefined) {
      vault.db
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(AUTO_LOCK_KEY, String(update.autoLockMinutes));
    }
    if (update.legacyHashes !== undefined) vault.setLegacyHashes(update.legacyHashes);
  })();
  return readSettings(vault);
}
