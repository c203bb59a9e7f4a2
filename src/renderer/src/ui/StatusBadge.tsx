/**
 * A state said three ways at once: an icon, a word and a colour (UI.md: colour is never
 * the only signal). `tone` picks the colour: safe, warning, failed or neutral.
 */
import type { JSX } from 'react';
import { Icon, type IconName } from './icons';

export type Tone = 'safe' | 'warning' | 'failed' | 'neutral';

const ICONS: Record<Tone, IconName> = { safe: 'check', warning: 'warning', failed: 'cross', neutral: 'info' };

export function StatusBadge({ tone, label, icon }: { readonly tone: Tone; readonly label: string; readonly icon?: IconName }): JSX.Element {
  return (
    <span className={`badge badge-${tone}`}>
      <Icon name={icon ?? ICONS[tone]} size={14} />
      <span>{label}</span>
    </span>
  );
}
