/**
 * `tamga restore SOURCE NEWDIR [--key FP] [--previous]`: a vault again from a replica, a
 * folder or `s3://BUCKET[/PREFIX] --endpoint URL [--region R]` (s3-source.ts: the S3
 * credentials from the environment or a prompt, never the command line).
 * Two steps, on purpose: the restore rebuilds a locked vault folder from what the newest
 * manifest vouches for (no key needed), then a normal unlock opens it: the passphrase here;
 * a recovery key, once Tamga has one, is another way into the same step. The opened vault
 * is checked against the manifest's custody checkpoint and audited, so each missing or
 * damaged object, and each item whose original is missing, is named. Exit 0 for an
 * audit-clean vault holding everything, 1 when anything is missing, damaged or refused.
 */
import type { Command } from 'commander';
import type { ReplicaProblem } from '../../shared/replica';
import { defaultActor } from '../../main/engine/version';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { loadEngine } from '../load-engine';
import { printJson } from '../output';
import { requirePassphrase } from '../passphrase';
import { printProblems, progressPrinter } from '../replica-output';
import { replicaSource, type S3SourceOptions } from '../s3-source';

interface RestoreOptions extends S3SourceOptions {
  key?: string;
  previous?: boolean;
  passphraseFile?: string;
  quiet?: boolean;
  json?: boolean;
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
    .option('--quiet', 'no progress on stderr')
    .option('--json', 'print as JSON')
    .action(async (where: string, target: string, opts: RestoreOptions) => {
      // Asked first: a wrong source or target is found before any byte is fetched, and nobody waits to be asked at the end.
      const source = await replicaSource(where, opts);
      const passphrase = await requirePassphrase({ file: opts.passphraseFile, envVar: 'TAMGA_PASSPHRASE', label: 'Passphrase' });
      const progress = progressPrinter(opts.quiet === true || opts.json === true);
      const engine = await loadEngine({ actor: defaultActor('cli') });
      try {
        const restored = await engine.restoreReplica({ source, target, ...(opts.key === undefined ? {} : { keyFingerprint: opts.key }), previous: opts.previous === true }, { onProgress: progress.onProgress });
        progress.done();
        if (restored.refused !== null || restored.manifest === null) {
          if (opts.json) printJson({ restore: restored, audit: null });
          else {
            printProblems(restored.problems);
            process.stdout.write(`Nothing was restored: ${restored.refused?.reason ?? 'no manifest can be used.'}\n`);
          }
          process.exitCode = EXIT_CHECK_FAILED;
          return;
        }
        // The normal unlock of the rebuilt folder.
        await engine.unlockVault({ path: restored.target, passphrase });
        const finished: ReplicaProblem[] = await engine.finishRestore(restored.manifest);
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
