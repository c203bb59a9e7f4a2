/**
 * `tamga keys add|list|remove`: known senders, the keys whose owners you confirmed (you
 * compared the fingerprint with the one they published), each under a name. A bundle
 * sealed by one of them verifies as "sealed by <name> (known sender)" without --key.
 *
 *   tamga keys add VAULT NAME FINGERPRINT    in the vault, encrypted; a custody event
 *   tamga keys list VAULT
 *   tamga keys remove VAULT NAME|FINGERPRINT
 *
 * With --file PATH in place of VAULT, a plain known_senders file (no vault); with
 * --default-file, the one `tamga verify` reads when given no --known-senders.
 *
 * The file format is in docs/formats.md, "Known senders file".
 */
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import type { KnownSender } from '../../shared/senders';
import { addToKnownSendersFile, defaultKnownSendersPath, readKnownSendersFile, removeFromKnownSendersFile } from '../../main/engine/senders/known-senders-file';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

interface KeysOptions extends VaultCommandOptions {
  file?: string;
  defaultFile?: boolean;
  json?: boolean;
}

const USAGE = 'Use: keys add VAULT NAME FINGERPRINT | keys list VAULT | keys remove VAULT NAME|FINGERPRINT, or --file PATH (or --default-file) instead of VAULT.';

const out = (line: string): boolean => process.stdout.write(`${line}\n`);

function grouped(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}

/** The vault and the remaining arguments, or the file: `--file` takes the vault's place. */
function target(args: readonly string[], opts: KeysOptions, want: number): { vault: string | null; file: string | null; rest: string[] } {
  if (opts.file !== undefined && opts.defaultFile === true) throw new TamgaError('INVALID_ARGUMENT', 'Give --file PATH or --default-file, not both.');
  const file = opts.file ?? (opts.defaultFile === true ? defaultKnownSendersPath() : null);
  const rest = file === null ? args.slice(1) : [...args];
  const vault = file === null ? (args[0] ?? null) : null;
  if ((file === null && vault === null) || rest.length !== want) throw new TamgaError('INVALID_ARGUMENT', USAGE);
  return { vault, file, rest };
}

function printSender(s: KnownSender): void {
  out(`${s.fingerprint}  ${s.name}${s.addedAt === null ? '' : `  (added ${s.addedAt})`}`);
}

function addCommand(keys: Command): void {
  keys
    .command('add')
    .description('remember a confirmed key under a name (compare its fingerprint with the one its owner published first)')
    .argument('<args...>', 'VAULT NAME FINGERPRINT, or with --file/--default-file: NAME FINGERPRINT')
    .option('--file <path>', 'a known senders file instead of a vault')
    .option('--default-file', `the known senders file tamga verify reads by default (${defaultKnownSendersPath()})`)
    .option('--passphrase-file <file>', 'read the vault passphrase from this file')
    .option('--json', 'print the sender added as JSON')
    .action(async (args: string[], opts: KeysOptions) => {
      const { vault, file, rest } = target(args, opts, 2);
      const request = { name: rest[0] ?? '', fingerprint: rest[1] ?? '' };
      const added = file !== null ? await addToKnownSendersFile(file, request) : await withVault(vault ?? '', opts, (engine) => engine.addKnownSender(request));
      if (opts.json) return printJson(added);
      out(`Added known sender "${added.name}": ${grouped(added.fingerprint)}${file === null ? '' : ` (to ${file})`}`);
    });
}

function listCommand(keys: Command): void {
  keys
    .command('list')
    .description('list the known senders of a vault, or of a known senders file')
    .argument('[vault]', 'the vault folder (or give --file)')
    .option('--file <path>', 'a known senders file instead of a vault')
    .option('--default-file', `the known senders file tamga verify reads by default (${defaultKnownSendersPath()})`)
    .option('--passphrase-file <file>', 'read the vault passphrase from this file')
    .option('--json', 'print them as JSON')
    .action(async (vaultArg: string | undefined, opts: KeysOptions) => {
      const { vault, file } = target(vaultArg === undefined ? [] : [vaultArg], opts, 0);
      const senders = file !== null ? await readKnownSendersFile(file) : await withVault(vault ?? '', opts, (engine) => engine.listKnownSenders(), true);
      if (opts.json) return printJson(senders);
      senders.forEach(printSender);
      out(`${senders.length} known sender(s)`);
    });
}

function removeCommand(keys: Command): void {
  keys
    .command('remove')
    .description('forget a known sender, by name (ignoring case) or by fingerprint')
    .argument('<args...>', 'VAULT NAME|FINGERPRINT, or with --file/--default-file: NAME|FINGERPRINT')
    .option('--file <path>', 'a known senders file instead of a vault')
    .option('--default-file', `the known senders file tamga verify reads by default (${defaultKnownSendersPath()})`)
    .option('--passphrase-file <file>', 'read the vault passphrase from this file')
    .option('--json', 'print the sender removed as JSON')
    .action(async (args: string[], opts: KeysOptions) => {
      const { vault, file, rest } = target(args, opts, 1);
      const which = rest[0] ?? '';
      const removed = file !== null ? await removeFromKnownSendersFile(file, which) : await withVault(vault ?? '', opts, (engine) => engine.removeKnownSender(which));
      if (opts.json) return printJson(removed);
      out(`Removed known sender "${removed.name}": ${grouped(removed.fingerprint)}`);
    });
}

export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('known senders: keys you confirmed, by name, that `tamga verify` accepts without --key')
    .addHelpText('after', `\n${USAGE}\n--default-file is ${defaultKnownSendersPath()}, the file tamga verify reads when not given --known-senders.`);
  addCommand(keys);
  listCommand(keys);
  removeCommand(keys);
  for (const command of keys.commands) command.exitOverride();
}
