/** Opening a vault for one CLI command: passphrase from the usual sources, engine closed after. */
import type { Engine } from '../main/engine/api';
import { defaultActor } from '../main/engine/version';
import { loadEngine } from './load-engine';
import { requirePassphrase } from './passphrase';

export interface VaultCommandOptions {
  passphraseFile?: string;
}

/**
 * How a command opens the vault: for writing, read-only, or for writing where the disk
 * allows and else read-only (commands that only read but record what they did, such as
 * audit and extract: on a write-protected card they still run, saying what was not recorded).
 */
export type OpenMode = 'write' | 'read' | 'write-if-possible';

/** Runs `work` with an engine whose vault is unlocked (for writing unless `readonly`). */
export async function withVault<T>(dir: string, opts: VaultCommandOptions, work: (engine: Engine) => Promise<T>, readonly: boolean | OpenMode = false): Promise<T> {
  const mode: OpenMode = readonly === true ? 'read' : readonly === false ? 'write' : readonly;
  const passphrase = await requirePassphrase({ file: opts.passphraseFile, envVar: 'TAMGA_PASSPHRASE', label: 'Passphrase' });
  const engine = await loadEngine({ actor: defaultActor('cli') });
  try {
    // The engine opens a vault it cannot write read-only (info.readOnly); a change then fails with READ_ONLY.
    const info = await engine.unlockVault({ path: dir, passphrase, readonly: mode === 'read' });
    if (info.readOnly && mode === 'write-if-possible') {
      process.stderr.write('tamga: the vault is on a read-only disk: opened read-only, so what this command does is not recorded in its custody.\n');
    }
    return await work(engine);
  } finally {
    await engine.close();
  }
}
