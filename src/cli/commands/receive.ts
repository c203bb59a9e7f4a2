/**
 * `tamga receive <vault> <bundle> [--key FP] [--accept-problems] [--json]`: takes a sealed
 * bundle from another vault in, keeping its custody (src/main/engine/receive). The bundle
 * is verified first, with the key given or the vault's known senders; one that does not
 * pass is refused (exit 1, its problems on stderr, nothing received) unless
 * --accept-problems is given, and then the problems are recorded with each item.
 * Exit 0 when every exhibit was received, 2 when one could not be (named on stdout).
 */
import type { Command } from 'commander';
import type { ReceiveResult } from '../../shared/receive';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';
import { reportRefusal } from '../refused-package';
import { printable } from './verify';

interface ReceiveOptions extends VaultCommandOptions {
  key?: string;
  acceptProblems?: boolean;
  json?: boolean;
}

function printResult(result: ReceiveResult): void {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  const sender = result.senderName === null ? `key ${result.senderFingerprint ?? 'unknown (no valid seal)'}` : `${printable(result.senderName)} (known sender, key ${result.senderFingerprint ?? ''})`;
  out(`Received bundle ${result.bundleId ?? '(no bundle id)'} from ${sender}; checked: ${result.verdict}.`);
  if (result.acceptedProblems.length > 0) {
    out(`Accepted ${result.acceptedProblems.length} problem(s), recorded with each item:`);
    for (const p of result.acceptedProblems) out(`  ${p.code}: ${printable(p.message)}`);
  }
  for (const r of result.received) out(`${r.exhibit}  ${r.isNew ? 'new item     ' : 'already held '}  ${r.itemId}  ${r.sha256.slice(0, 12)}`);
  for (const n of result.notReceived) out(`NOT RECEIVED  ${n.exhibit}: ${printable(n.message)}`);
}

export function registerReceive(program: Command): void {
  program
    .command('receive')
    .description("receive a sealed bundle from another vault: verified first; each exhibit becomes an item (or a new acquisition of one held) with a 'received' event, the sender's custody kept")
    .argument('<vault>', 'the vault folder')
    .argument('<bundle>', 'the bundle folder or .zip file')
    .option('--key <fingerprint>', "the key fingerprint the sender published; without it the vault's known senders confirm the seal")
    .option('--accept-problems', 'receive a bundle that does not pass its check; its problems are recorded with each item')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit codes: 0 every exhibit received; 1 the bundle did not pass its check and was refused (nothing received);\n2 an exhibit could not be received, or it could not run.')
    .action(async (dir: string, bundle: string, opts: ReceiveOptions) => {
      let result: ReceiveResult;
      try {
        result = await withVault(dir, opts, (engine) => engine.receiveBundle({ path: bundle, ...(opts.key === undefined ? {} : { key: opts.key }), acceptProblems: opts.acceptProblems === true }));
      } catch (err) {
        if (reportRefusal(err)) return;
        throw err;
      }
      if (opts.json) printJson(result);
      else printResult(result);
      process.exitCode = result.notReceived.length > 0 ? EXIT_ERROR : EXIT_OK;
    });
}
