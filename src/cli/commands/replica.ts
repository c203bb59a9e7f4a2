/**
 * `tamga replica add|push|status|verify|remove`: off-site copies of a vault that hold only
 * ciphertext (docs/formats.md, "Replicas"). Push is incremental and goes on where a
 * killed push stopped; Ctrl-C cancels it (what was sent stays). S3 credentials come from
 * TAMGA_S3_ACCESS_KEY_ID / TAMGA_S3_SECRET_ACCESS_KEY or a prompt, and are kept only in
 * the encrypted index; `verify --keyless s3://BUCKET/PREFIX --endpoint URL` reads them
 * the same way and keeps them nowhere.
 */
import type { Command } from 'commander';
import type { ReplicaConfig } from '../../shared/replica';
import { TamgaError } from '../../shared/errors';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { loadEngine } from '../load-engine';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';
import { requirePassphrase } from '../passphrase';
import { printCheckReport, progressPrinter } from '../replica-output';
import { replicaSource, type S3SourceOptions } from '../s3-source';
import { defaultActor } from '../../main/engine/version';

interface AddOptions extends VaultCommandOptions {
  folder?: string;
  s3?: string;
  bucket?: string;
  prefix?: string;
  region?: string;
}

async function configFrom(opts: AddOptions): Promise<ReplicaConfig> {
  if ((opts.folder === undefined) === (opts.s3 === undefined)) throw new TamgaError('INVALID_ARGUMENT', 'Say where the replica goes: --folder PATH, or --s3 ENDPOINT --bucket BUCKET.');
  if (opts.folder !== undefined) return { kind: 'folder', path: opts.folder };
  if (opts.bucket === undefined) throw new TamgaError('INVALID_ARGUMENT', 'An S3 replica needs --bucket BUCKET.');
  const accessKeyId = await requirePassphrase({ envVar: 'TAMGA_S3_ACCESS_KEY_ID', label: 'S3 access key id' });
  const secretAccessKey = await requirePassphrase({ envVar: 'TAMGA_S3_SECRET_ACCESS_KEY', label: 'S3 secret access key' });
  return { kind: 's3', endpoint: opts.s3 as string, bucket: opts.bucket, prefix: opts.prefix ?? '', region: opts.region ?? null, accessKeyId, secretAccessKey };
}

export function registerReplica(program: Command): void {
  const replica = program.command('replica').description('off-site copies of the vault that hold only ciphertext: add, push, status, verify, remove');

  replica
    .command('add')
    .description('add a replica: a folder (a USB disk, a share) or an S3 bucket')
    .argument('<vault>', 'the vault folder')
    .argument('<name>', 'a short name for the replica, e.g. usb-office')
    .option('--folder <path>', 'a folder, new or empty')
    .option('--s3 <endpoint>', 'an S3 endpoint URL (credentials from TAMGA_S3_ACCESS_KEY_ID and TAMGA_S3_SECRET_ACCESS_KEY, or asked once)')
    .option('--bucket <bucket>', 'the S3 bucket')
    .option('--prefix <prefix>', 'a key prefix inside the bucket')
    .option('--region <region>', 'the S3 region')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, name: string, opts: AddOptions & { json?: boolean }) => {
      const config = await configFrom(opts);
      const added = await withVault(dir, opts, (engine) => engine.addReplica({ name, config }));
      if (opts.json) return printJson(added);
      process.stdout.write(`Replica "${added.name}" added: ${added.description}. Push to it with: tamga replica push ${dir} ${added.name}\n`);
    });

  replica
    .command('push')
    .description('send what is new to a replica (or to every replica), then a signed manifest')
    .argument('<vault>', 'the vault folder')
    .argument('[name]', 'the replica; every replica when left out')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--quiet', 'no progress on stderr')
    .option('--json', 'print as JSON')
    .action(async (dir: string, name: string | undefined, opts: VaultCommandOptions & { quiet?: boolean; json?: boolean }) => {
      const progress = progressPrinter(opts.quiet === true);
      const results = await withVault(dir, opts, async (engine) => {
        const cancel = (): void => void engine.cancelReplicaPush();
        process.once('SIGINT', cancel);
        try {
          return await engine.pushReplicas(name, { onProgress: progress.onProgress });
        } finally {
          process.off('SIGINT', cancel);
          progress.done();
        }
      });
      if (opts.json) return printJson(results);
      for (const r of results) {
        process.stdout.write(`Pushed to "${r.name}" (${r.description}): manifest ${r.number}, ${r.objectCount} objects, ${r.totalBytes} bytes; sent ${r.uploadedObjects} objects, ${r.uploadedBytes} bytes; removed ${r.removedObjects} old.\n`);
        if (r.abortedUploads > 0) process.stdout.write(`Aborted ${r.abortedUploads} unfinished upload${r.abortedUploads === 1 ? '' : 's'} an earlier, stopped push left in "${r.name}" (${r.abortedUploads === 1 ? 'it' : 'they'} held storage).\n`);
        if (r.uploadsUnlisted !== null) process.stdout.write(`NOTE ${r.uploadsUnlisted}\n`);
      }
    });

  replica
    .command('status')
    .description("the vault's replicas and what each has of it")
    .argument('<vault>', 'the vault folder')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, opts: VaultCommandOptions & { json?: boolean }) => {
      const list = await withVault(dir, opts, (engine) => engine.listReplicas(), true);
      if (opts.json) return printJson(list);
      if (list.length === 0) return void process.stdout.write('No replicas. Add one with: tamga replica add VAULT NAME --folder PATH\n');
      for (const r of list) {
        const last = r.lastManifest === null ? 'never pushed' : `manifest ${r.lastManifest.number} at ${r.lastManifest.pushedAt} (SHA-256 ${r.lastManifest.sha256})`;
        printRows([
          ['Replica', r.name],
          ['Where', r.description],
          ['Last push', last],
          ['Not yet sent', `${r.pendingObjects} originals and thumbnails`],
        ]);
        process.stdout.write('\n');
      }
    });

  replica
    .command('verify')
    .description('check a replica against its manifest: every object, decrypted with the vault; or --keyless with no vault')
    .argument('<vault-or-source>', 'the vault folder; with --keyless, the replica folder or s3://BUCKET[/PREFIX] with --endpoint')
    .argument('[name]', 'the replica (not with --keyless)')
    .option('--keyless', 'no vault: check the replica against a pinned key (--key)')
    .option('--key <fingerprint>', 'with --keyless: the key fingerprint the manifest must be signed by')
    .option('--endpoint <url>', 'with --keyless and an s3:// source: the S3 server (credentials from TAMGA_S3_ACCESS_KEY_ID and TAMGA_S3_SECRET_ACCESS_KEY, or asked)')
    .option('--region <region>', 'with --keyless and an s3:// source: the S3 region')
    .option('--sample <n>', 'read whole only N originals and thumbnails, the next N after the last verify; the rest by size')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--quiet', 'no progress on stderr')
    .option('--json', 'print the report as JSON')
    .action(async (target: string, name: string | undefined, opts: VaultCommandOptions & S3SourceOptions & { keyless?: boolean; key?: string; sample?: string; quiet?: boolean; json?: boolean }) => {
      const progress = progressPrinter(opts.quiet === true || opts.json === true);
      let report;
      if (opts.keyless) {
        if (opts.key === undefined) throw new TamgaError('INVALID_ARGUMENT', '--keyless needs --key FINGERPRINT: the key the manifest must be signed by (tamga info shows it).');
        const source = await replicaSource(target, opts);
        const engine = await loadEngine({ actor: defaultActor('cli') });
        try {
          report = await engine.verifyReplicaKeyless({ source, keyFingerprint: opts.key }, { onProgress: progress.onProgress });
        } finally {
          await engine.close();
        }
      } else {
        if (name === undefined) throw new TamgaError('INVALID_ARGUMENT', 'Name the replica to verify: tamga replica verify VAULT NAME.');
        if (opts.endpoint !== undefined || opts.region !== undefined) throw new TamgaError('INVALID_ARGUMENT', '--endpoint and --region are for --keyless with an s3:// source; the vault already knows where its replicas are.');
        const sample = opts.sample === undefined ? undefined : Number(opts.sample);
        report = await withVault(target, opts, (engine) => engine.verifyReplica({ name, ...(sample === undefined ? {} : { sample }) }, { onProgress: progress.onProgress }), 'write-if-possible');
      }
      progress.done();
      if (opts.json) printJson(report);
      else printCheckReport(report);
      process.exitCode = report.ok ? EXIT_OK : EXIT_CHECK_FAILED;
    });

  replica
    .command('remove')
    .description('forget a replica (what it holds stays there)')
    .argument('<vault>', 'the vault folder')
    .argument('<name>', 'the replica')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .action(async (dir: string, name: string, opts: VaultCommandOptions) => {
      await withVault(dir, opts, (engine) => engine.removeReplica(name));
      process.stdout.write(`Replica "${name}" removed from the vault; the files it holds were left where they are.\n`);
    });
}
