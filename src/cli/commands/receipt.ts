/**
 * `tamga receipt <bundle> --vault VAULT --out RECEIPT [--key FP]`: the recipient checks a
 * bundle and signs a receipt with the vault key (which bundle, its tag-manifest hash, the
 * verdict, when, the recipient's key and operator), to send back to the sender.
 * `tamga receipt import <vault> <receipt> [--expect FP | --accept-unconfirmed]`: the sender
 * checks a receipt for a bundle the vault exported and records `delivered` on each
 * exhibit's chain and on the vault chain. Exit 1 when a receipt is refused (forged,
 * altered, for a bundle this vault never sent, or by a key not confirmed): nothing is
 * recorded then. docs/formats.md, "Delivery receipts".
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import { EXIT_CHECK_FAILED } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';

interface MakeOptions extends VaultCommandOptions {
  vault?: string;
  out?: string;
  key?: string;
  json?: boolean;
}

interface ImportOptions extends VaultCommandOptions {
  expect?: string;
  acceptUnconfirmed?: boolean;
  json?: boolean;
}

const TRUST_TEXT = {
  expected: 'the key you gave with --expect',
  'known-sender': 'a known sender',
  unconfirmed: 'NOT confirmed (accepted with --accept-unconfirmed)',
} as const;

export function registerReceipt(program: Command): void {
  const receipt = program
    .command('receipt')
    .description("sign a receipt for a bundle received (with --vault), or record a recipient's receipt: receipt import")
    .argument('<bundle>', 'the bundle received (folder or .zip)')
    .option('--vault <vault>', "the recipient's vault, whose key signs the receipt")
    .option('--out <file>', 'where to write the receipt (must not exist)')
    .option('--key <fingerprint>', "the fingerprint the sender published: the bundle's seal is checked against it")
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (bundle: string, opts: MakeOptions) => {
      if (opts.vault === undefined) throw new TamgaError('INVALID_ARGUMENT', 'Name the vault whose key signs the receipt with --vault VAULT.');
      if (opts.out === undefined) throw new TamgaError('INVALID_ARGUMENT', 'Say where the receipt goes with --out FILE.');
      const out = opts.out;
      const made = await withVault(opts.vault, opts, (engine) => engine.makeReceipt({ bundle, ...(opts.key === undefined ? {} : { key: opts.key }) }), true);
      try {
        await writeFile(out, made.text, { flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new TamgaError('ALREADY_EXISTS', `${out} exists already; choose another name for the receipt.`, { path: out });
        throw err;
      }
      if (opts.json) return printJson({ receipt: made.receipt, path: out });
      const r = made.receipt;
      printRows([
        ['Receipt', out],
        ['Bundle', r.bundleId],
        ['Tag manifest SHA-256', r.tagManifestSha256],
        ['Verdict', r.problems.length === 0 ? r.verdict : `${r.verdict} (${r.problems.join(', ')})`],
        ['Received at', r.receivedAt],
        ['Signed by', `${r.recipient.fingerprint}${r.recipient.operator === null ? '' : ` (${r.recipient.operator})`}`],
      ]);
    });

  receipt
    .command('import')
    .description("check a recipient's receipt for a bundle this vault exported and record it as delivered")
    .argument('<vault>', 'the vault folder')
    .argument('<receipt>', 'the receipt file')
    .option('--expect <fingerprint>', "the recipient's published key fingerprint: a receipt by any other key is refused")
    .option('--accept-unconfirmed', "record a receipt by a key that is neither --expect's nor a known sender's (recorded as unconfirmed)")
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, file: string, opts: ImportOptions) => {
      const request = { path: file, ...(opts.expect === undefined ? {} : { expect: opts.expect }), acceptUnconfirmed: opts.acceptUnconfirmed === true };
      const result = await withVault(dir, opts, (engine) => engine.importReceipt(request));
      if (opts.json) printJson(result);
      if (!result.ok) {
        if (!opts.json) process.stderr.write(`tamga: the receipt was refused: ${result.message} [${result.problem}]\n`);
        process.exitCode = EXIT_CHECK_FAILED;
        return;
      }
      if (opts.json) return;
      const r = result.receipt;
      const who = result.recipientName === null ? r.recipient.fingerprint : `${r.recipient.fingerprint} (${result.recipientName})`;
      printRows([
        [result.recorded ? 'Recorded' : 'Already recorded', result.recorded ? `delivered, on ${result.items.length} exhibit chain(s) and the vault chain` : 'this receipt was recorded before; nothing was added'],
        ['Bundle', r.bundleId],
        ['Received at', `${r.receivedAt} (as the recipient signed)`],
        ['Recipient', `${who}${r.recipient.operator === null ? '' : `, operator ${r.recipient.operator}`}`],
        ['Key confirmed by', TRUST_TEXT[result.trust]],
        ["Recipient's check", r.problems.length === 0 ? r.verdict : `${r.verdict} (${r.problems.join(', ')})`],
      ]);
    });
}
