/**
 * The few icons the window uses, as inline SVG (no icon font, nothing fetched). Always
 * decorative: every icon stands beside a word, so colour and shape are never the only
 * signal, and screen readers skip them.
 */
import type { JSX } from 'react';

const PATHS = {
  lock: 'M6 10V7a6 6 0 0 1 12 0v3M5 10h14v11H5z',
  unlock: 'M6 10V7a6 6 0 0 1 11.5-2.3M5 10h14v11H5z',
  check: 'M4 12.5l5 5L20 6.5',
  warning: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  cross: 'M6 6l12 12M18 6L6 18',
  copy: 'M8 8h12v12H8zM4 16V4h12',
  import: 'M12 3v12M7 10l5 5 5-5M4 20h16',
  settings: 'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
  photo: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 9.5h.01',
  video: 'M3 6h13v12H3zM16 10l5-3v10l-5-3',
  file: 'M6 2h8l5 5v15H6zM14 2v5h5',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  folder: 'M3 6h6l2 2h10v11H3z',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 11v6M12 7.5v.5',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, size = 16 }: { readonly name: IconName; readonly size?: number }): JSX.Element {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
