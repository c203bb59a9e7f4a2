/**
 * Why the vault is locked: idle, sleep, the engine stopping, or the person's own Lock, which
 * is confirmed too (a lock that only swaps the screen left people unsure it had happened).
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockReason } from '../../../../shared/session';
import { StatusBadge } from '../../ui/StatusBadge';

const KEYS = {
  user: 'lock.user',
  idle: 'lock.idle',
  'idle-after-work': 'lock.idleAfterWork',
  suspend: 'lock.suspend',
  'engine-stopped': 'lock.engineStopped',
  'window-crashed': 'lock.windowCrashed',
} as const;

export function LockNotice({ reason }: { readonly reason: LockReason | null }): JSX.Element | null {
  const { t } = useTranslation();
  if (reason === null || reason === 'shutdown') return null;
  return (
    <div className="notice" role="status">
      <StatusBadge tone="neutral" icon="lock" label={t('lock.locked')} />
      <p className="notice-text">{t(KEYS[reason])}</p>
    </div>
  );
}
