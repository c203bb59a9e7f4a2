/**
 * The vault session as the shell and the window follow it: per-vault settings (auto-lock,
 * legacy hashes), and the events the engine sends when a vault is unlocked, locked or its
 * settings change. The main process starts and stops the idle timer and forgets media
 * tokens on these events; the window wipes its state when it hears `vaultLocked`, which the
 * engine sends the moment a lock begins (it refuses every call from then on), before a
 * running import or export has stopped and the keys are zeroed: nothing of the vault stays
 * on screen while work winds down.
 */

/** How long the machine may sit idle before the vault locks itself. */
export const AUTO_LOCK_MINUTES = { min: 1, max: 240, default: 10 } as const;

export interface VaultSettings {
  /** Minutes of system idle time before the vault locks (AUTO_LOCK_MINUTES.min–max). */
  readonly autoLockMinutes: number;
  /** Whether imports also compute SHA-1 and MD5 (for forensic tools that still use them). */
  readonly legacyHashes: boolean;
}

/** What `updateSettings` changes; an absent field stays as it is. */
export interface SettingsUpdate {
  readonly autoLockMinutes?: number;
  readonly legacyHashes?: boolean;
}

/**
 * Why the vault was locked: `user` asked (button, Ctrl+L, the window closed), `idle` and
 * `suspend` are the automatic locks, `idle-after-work` the idle lock held back until a
 * running import or export finished, `shutdown` the app quitting, `engine-stopped` the
 * engine worker dying (its keys died with it), `window-crashed` the window's process
 * dying (the window is reloaded, locked).
 */
export type LockReason = 'user' | 'idle' | 'idle-after-work' | 'suspend' | 'shutdown' | 'engine-stopped' | 'window-crashed';

export type VaultEvent =
  | { readonly type: 'vaultUnlocked'; readonly settings: VaultSettings }
  | { readonly type: 'vaultLocked'; readonly reason: LockReason }
  | { readonly type: 'settingsChanged'; readonly settings: VaultSettings };
