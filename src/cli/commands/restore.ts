/**
 * `tamga restore SOURCE NEWDIR [--key FP] [--previous]`: a vault again from a replica, a
 * folder or `s3://BUCKET[/PREFIX] --endpoint URL [--region R]` (s3-source.ts: the S3
 * credentials from the environment or a prompt, never the command line).
 * Two steps, on purpose: the restore rebuilds a locked vault folder from what the newest
 * manifest vouches for (no key needed), then a normal unlock opens it: with the passphrase,
 * or with the recovery key (--recovery-words-file F, or --recovery-share-file once per
 * share) and then a new passphrase, as `tamga recover` does. The opened vault
 * is checked against the manifest's custody checkpoint and audited, so each missing or
 * damaged object, and each item whose original is missing, is named. Exit 0 for an
 * audit-clean vault holding everything, 1 when anything is missing, damaged or refused.
 */
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import { passphraseProblem } from '../../shared/passphrase-policy';
import type { ReplicaProblem } from '../../shared/replica';
import { defaultActor } from '../../main/engine/version';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { loadEngine } from '../load-engine';
import { printJson } from '../output';
import { requirePassphrase } from '../passphrase';
import { recoverySecretFromFiles } from '../recovery-secret';
import { printProblems, progressPrinter } from '../replica-output';
import { replicaSource, type S3SourceOptions } from '../s3-source';

interface RestoreOptions extends S3SourceOptions {
  key?: string;
  previous?: boolean;
  passphraseFile?: string;
  recoveryWordsFile?: string;
  recoveryShareFile?: string[];
  newPassphraseFile?: string;
  quiet?: boolean;
  json?: boolean;
}

/** When the recovery key does not open the rebuilt vault, says that the folder is there, locked, and how to go on. */
async function withRebuiltNote<T>(target: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    process.stderr.write(
      `The vault was rebuilt in ${target} but not opened: the recovery key given does not open it (the reason follows). It is locked and unchanged: open it with tamga recover ${target} and the right words or shares, or with tamga unlock and the passphrase.\n`,
    );
    throw error;
  }
}

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('rebuild a vault from a replica (a folder or an S3 bucket) into a new folder, then unlock and audit it')
    .argument('<source>', 'the replica folder, or s3://BUCKET[/PREFIX] with --endpoint')
    .option('--endpoint <url>', 'for an s3:// source: the S3 server (credentials from TAMGA_S3_ACCESS_KEY_ID and TAMGA_S3_SECRET_ACCESS_KEY, or asked)')
    .option('--region <region>', 'for an s3:// source: the S3 region')
    .argument('<newdir>', 'a new or empty folder for the vault')
    .option('--key <fingerprint>', "the vault key's fingerprint the manifest must be signed by")
    .option('--previous', 'when the newest manifest is damaged, restore from the newest whole one before it')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--recovery-words-file <file>', 'open it with the 24 recovery words in this file instead of the passphrase, then set a new one')
    .option('--recovery-share-file <file>', 'open it with recovery shares instead of the passphrase: one share a file, repeat for each', (value: string, previous: string[] = []) => [...previous, value])
    .option('--new-passphrase-file <file>', 'with a recovery key: read the new passphrase from this file (or set TAMGA_NEW_PASSPHRASE)')
    .option('--quiet', 'no progress on stderr')
    .option('--json', 'print as JSON')
    .action(async (where: string, target: string, opts: RestoreOptions) => {
      // Asked first: a wrong source or target is found before any byte is fetched, and nobody waits to be asked at the end.
      const source = await replicaSource(where, opts);
      const recovery = await recoverySecretFromFiles(opts.recoveryWordsFile, opts.recoveryShareFile);
      if (recovery !== null && opts.passphraseFile !== undefined) throw new TamgaError('INVALID_ARGUMENT', 'Give the passphrase or the recovery key, not both.');
      const passphrase =
        recovery === null
          ? await requirePassphrase({ file: opts.passphraseFile, envVar: 'TAMGA_PASSPHRASE', label: 'Passphrase' })
          : await requirePassphrase({ file: opts.newPassphraseFile, envVar: 'TAMGA_NEW_PASSPHRASE', label: 'New passphrase', confirm: true });
      // A weak new passphrase is refused now, not after the whole replica was copied.
      const weak = recovery === null ? null : passphraseProblem(passphrase);
      if (weak !== null) throw new TamgaError('WEAK_PASSPHRASE', weak);
      const progress = progressPrinter(opts.quiet === true || opts.json === true);
      const engine = await loadEngine({ actor: defaultActor('cli') });
      try {
        const restored = await engine.restoreReplica({ source, target, ...(opts.key === undefined ? {} : { keyFingerprint: opts.key }), previous: opts.previous === true }, { onProgress: progress.onProgress });
        progress.done();
        if (restored.refused !== null || restored.manifest === null) {
          if (opts.json) printJson({ restore: restored, audit: null });
          else {
            printProblems(restored.problems);
            for (const note of restored.notes) process.stdout.write(`NOTE ${note}\n`);
            process.stdout.write(`Nothing was restored: ${restored.refused?.reason ?? 'no manifest can be used.'}\n`);
          }
          process.exitCode = EXIT_CHECK_FAILED;
          return;
        }
        // The normal unlock of the rebuilt folder, or the recovery key and the new passphrase.
        const finished: ReplicaProblem[] =
          recovery === null
            ? (await engine.unlockVault({ path: restored.target, passphrase }), await engine.finishRestore(restored.manifest))
            : await withRebuiltNote(restored.target, engine.finishRestoreWithRecovery({ path: restored.target, newPassphrase: passphrase, manifest: restored.manifest, ...recovery }));
        const audit = await engine.auditVault();
        const ok = restored.ok && finished.length === 0 && audit.ok;
        if (opts.json) printJson({ restore: { ...restored, problems: [...restored.problems, ...finished] }, audit });
        else {
          printProblems([...restored.problems, ...finished]);
          for (const p of audit.problems) process.stdout.write(`PROBLEM ${p.code}: ${p.message}\n`);
          for (const name of restored.ignored) process.stdout.write(`IGNORED ${name}: no manifest vouches for it; not restored.\n`);
          for (const note of restored.notes) process.stdout.write(`NOTE ${note}\n`);
          const m = restored.manifest;
          process.stdout.write(
            `${ok ? 'Restored' : 'Restored with problems'}: ${restored.target} from manifest ${m.number} of ${m.createdAt}, ${restored.restoredObjects} of ${m.objectCount} objects, ${restored.restoredBytes} bytes; ` +
              `audit ${audit.ok ? 'passed' : `found ${audit.problems.length} problem(s)`}: ${audit.checkedItems} items, ${audit.checkedEvents} custody events.\n`,
          );
        }
        process.exitCode = ok ? EXIT_OK : EXIT_CHECK_FAILED;
      } finally {
        await engine.close();
      }
    });
}
