/**
 * The status bar's copy line: "Copied to 'usb' 2 hours ago · 3 items waiting" (the replica
 * with the oldest copy, see copy-line.ts), "Copying to 'usb'… 40 %" while a push runs, and
 * "No copy of this vault exists yet — Add one in Settings" when there is no replica or the
 * one there has never been copied to. The absolute time is in the title; the relative one
 * follows the clock.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers';
import { formatInstant } from '../../format/dates';
import { formatRelative } from '../../format/relative-time';
import { relativeWords } from './relative-words';
import { useLocale } from '../../i18n/useLocale';
import type { CopyLine as Line } from './copy-line';

export interface CopyLineProps {
  readonly line: Line | null;
  readonly now: number;
  readonly onOpenSettings: () => void;
}

export function CopyLine({ line, now, onOpenSettings }: CopyLineProps): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  if (line === null) return null;
  const others = (replicas: number): string => (replicas > 1 ? ` · ${t('copies.status.replicas', { count: replicas, formatted: formatCount(replicas, locale) })}` : '');
  switch (line.kind) {
    case 'running':
      return (
        <span className="status-item status-copies" data-testid="status-copies">
          {line.replica === null ? t('copies.status.copyingAll') : t('copies.status.copying', { name: line.replica })}
          {line.percent !== null && ` ${t('copies.status.percent', { percent: line.percent })}`}
        </span>
      );
    case 'pushFailed':
    case 'damaged':
      return (
        <span className="status-item status-copies status-copies-trouble" data-testid="status-copies">
          {line.kind === 'damaged' ? t('copies.status.damaged', { name: line.name }) : line.replica === null ? t('copies.status.failedAll') : t('copies.status.failed', { name: line.replica })}
          {' — '}
          <button type="button" className="button button-small" onClick={onOpenSettings}>
            {t('copies.status.seeSettings')}
          </button>
        </span>
      );
    case 'copied': {
      const ago = formatRelative(line.at, now, locale, relativeWords(t)) ?? line.at;
      return (
        <span className="status-item status-copies" data-testid="status-copies" title={formatInstant(line.at, locale)}>
          {t('copies.status.copied', { name: line.name, ago })}
          {' · '}
          {line.waiting === 0 ? t('copies.status.upToDate') : t('copies.status.waiting', { count: line.waiting, formatted: formatCount(line.waiting, locale) })}
          {others(line.replicas)}
        </span>
      );
    }
    case 'never':
    case 'none':
      return (
        <span className="status-item status-copies" data-testid="status-copies">
          {line.kind === 'none' ? t('copies.status.none') : t('copies.status.never', { name: line.name })}
          {' — '}
          <button type="button" className="button button-small" onClick={onOpenSettings}>
            {line.kind === 'none' ? t('copies.status.addOne') : t('copies.status.openSettings')}
          </button>
        </span>
      );
  }
}
