/** Opening a vault for one CLI command: passphrase from the usual sources, engine closed after. */
import type { Engine } from '../main/engine/api';
import { defaultActor } from '../main/engine/version';
import { loadEngine } from './load-engine';
import { requirePassphrase } from './passphrase';

export interface VaultCommandOptions {
  passphraseFile?: string;
}

/** Runs `work` with an engine whose vault is unlocked (for writing unless `readonly`). */
export async function withVault<T>(dir: string, opts: VaultCommandOptions, work: (engine: Engine) => Promise<T>, readonly = false): Promise<T> {
  const passphrase = await requirePassphrase({ file: opts.passphraseFile, envVar: 'TAMGA_PASSPHRASE', label: 'Passphrase' });
  const engine = await loadEngine({ actor: defaultActor('cli') });
  try {
    await engine.unlockVault({ path: dir, passphrase, readonly });
    return await work(engine);
  } finally {
    await engine.close();
  }
}
