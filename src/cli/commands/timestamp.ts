/**
 * `tamga timestamp <vault> [--tsa URL …] [--save] [--json]`: asks timestamp servers (RFC
 * 3161 TSAs) for a timestamp over the seal of every bundle the vault exported that they
 * have not stamped yet, then over a checkpoint of the vault's custody log (when they have
 * not stamped every event yet), keeps each token in the vault and records a `timestamped`
 * event. `tamga timestamp <vault> --addendum BUNDLE_ID --out DIR` writes the token files
 * of one bundle, to be copied into the copy already sent; `--log-out DIR` writes the
 * newest stamped checkpoint with its tokens (docs/formats.md, "Timestamps").
 * Exit 0 when every TSA answered with a token (or there was nothing to stamp), 1 when one
 * did not (each is reported; nothing is recorded for it), 2 when it could not run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { utcMinute } from '../../shared/bundle';
import { TamgaError } from '../../shared/errors';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

interface TimestampOptions extends VaultCommandOptions {
  tsa?: string[];
  save?: boolean;
  addendum?: string;
  out?: string;
  logOut?: string;
  timeout?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Writes each file under `out`, never over one that exists. */
async function writeFiles(out: string, files: readonly { readonly path: string; readonly bytes: Uint8Array }[]): Promise<void> {
  for (const file of files) {
    const target = join(out, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes, { flag: 'wx' });
  }
}


export function registerTimestamp(program: Command): void {
  program
    .command('timestamp')
    .description('get RFC 3161 timestamps (trusted time) for the bundles this vault sealed, or write one bundle\'s timestamp files (--addendum)')
    .argument('<vault>', 'the vault folder')
    .option('--tsa <url>', 'a timestamp server (http://… or https://…); repeat for more: two, of different operators, are recommended', collect)
    .option('--save', 'keep the --tsa addresses in the vault, to be used when none is given')
    .option('--addendum <bundle-id>', 'write the timestamp files of this bundle (Tamga-Bundle-Id) into --out, to be copied into the bundle')
    .option('--out <dir>', 'with --addendum: the folder to write seal/… into (copy its seal/ files into the bundle folder)')
    .option('--log-out <dir>', "write the newest timestamped checkpoint of the custody log (checkpoint.txt) and its timestamps into this folder")
    .option('--timeout <seconds>', 'how long to wait for each timestamp server (default 15)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .addHelpText(
      'after',
      '\nNo timestamp server is used unless given or saved: asking one sends it the SHA-256 of a seal signature or of a signed checkpoint of the custody log (nothing else).\n' +
        'A server that cannot be reached is reported as TSA_UNREACHABLE and nothing is recorded for it; run the command again later.\n' +
        'Exit codes: 0 every server gave its timestamps; 1 one did not; 2 it could not run.',
    )
    .action(async (dir: string, opts: TimestampOptions) => {
      if (opts.logOut !== undefined) {
        if (opts.addendum !== undefined || opts.out !== undefined) throw new TamgaError('INVALID_ARGUMENT', '--log-out goes alone: --addendum BUNDLE_ID --out DIR is for one bundle.');
        const out = opts.logOut;
        const files = await withVault(dir, opts, (engine) => engine.timestampedCheckpointFiles(), true);
        await writeFiles(out, files);
        if (opts.json) return printJson({ out, files: files.map((f) => f.path) });
        process.stdout.write(`${files.map((f) => `${join(out, f.path)}\n`).join('')}The checkpoint dates the custody log at its size: openssl ts -verify -data checkpoint.txt -in checkpoint.txt.tsr -CAfile tsa-root.pem; a later bundle of this vault is checked against it with tamga verify BUNDLE --since checkpoint.txt.\n`);
        return;
      }
      if (opts.addendum !== undefined) {
        if (opts.out === undefined) throw new TamgaError('INVALID_ARGUMENT', '--addendum needs --out DIR: the folder the timestamp files are written into.');
        const out = opts.out;
        const files = await withVault(dir, opts, (engine) => engine.timestampAddendum(opts.addendum ?? ''), true);
        await writeFiles(out, files);
        if (opts.json) return printJson({ bundleId: opts.addendum, out, files: files.map((f) => f.path) });
        process.stdout.write(`${files.map((f) => `${join(out, f.path)}\n`).join('')}Copy these into the bundle folder (the seal and every other file stay as they are); tamga verify BUNDLE --tsa-trust ROOTS.pem checks them.\n`);
        return;
      }
      if (opts.out !== undefined) throw new TamgaError('INVALID_ARGUMENT', '--out goes with --addendum BUNDLE_ID.');
      const timeout = opts.timeout === undefined ? undefined : Number(opts.timeout);
      if (timeout !== undefined && (!Number.isFinite(timeout) || timeout <= 0)) throw new TamgaError('INVALID_ARGUMENT', '--timeout must be a number of seconds.');
      const result = await withVault(dir, opts, (engine) =>
        engine.timestampSeals({ ...(opts.tsa === undefined ? {} : { urls: opts.tsa }), save: opts.save === true, ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }) }),
      );
      const failed = [...result.outcomes, ...result.log].filter((o) => !o.ok);
      process.exitCode = failed.length > 0 ? EXIT_CHECK_FAILED : EXIT_OK;
      if (opts.json) return printJson(result);
      if (result.saved) process.stdout.write(`Saved ${result.tsas.length} timestamp server${result.tsas.length === 1 ? '' : 's'} in the vault.\n`);
      for (const o of result.outcomes) {
        process.stdout.write(o.ok ? `${o.bundleId}  ${o.tsa}  stamped: sealed no later than ${utcMinute(o.genTime ?? '')}\n` : `${o.bundleId}  ${o.tsa}  ${o.error?.code ?? 'FAILED'}: ${o.error?.message ?? ''}\n`);
      }
      for (const o of result.log) {
        const log = `custody log (${o.size} events, root ${o.root.slice(0, 16)}…)`;
        process.stdout.write(o.ok ? `${log}  ${o.tsa}  stamped: every one of these events existed no later than ${utcMinute(o.genTime ?? '')}\n` : `${log}  ${o.tsa}  ${o.error?.code ?? 'FAILED'}: ${o.error?.message ?? ''}\n`);
      }
      const fresh = result.outcomes.filter((o) => o.ok).length;
      const logStamped = result.log.filter((o) => o.ok).length;
      const seals =
        result.outcomes.length === 0
          ? `No seal to stamp: ${result.seals === 0 ? 'this vault has exported no bundle since it keeps seals' : `every one of the ${result.seals} seals has a timestamp from each server named`}.`
          : `${fresh} seal timestamp${fresh === 1 ? '' : 's'} recorded; ${result.stamped} of ${result.seals} bundles have a timestamp. tamga timestamp VAULT --addendum BUNDLE_ID --out DIR writes a bundle's files.`;
      const log =
        result.log.length === 0
          ? 'The custody log already has a timestamp from each server named over every event but timestamps.'
          : `${logStamped} timestamp${logStamped === 1 ? '' : 's'} of the custody log recorded; tamga timestamp VAULT --log-out DIR writes the stamped checkpoint.`;
      process.stdout.write(`${seals}\n${log}\n`);
    });
}
