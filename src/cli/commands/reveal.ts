/**
 * `tamga reveal <vault> <item> --field notes|description --event SEQ`: prints, as JSON,
 * the text of a private field as one `described` event committed to it, with the salt and
 * the commitment, so that the owner can prove that text to someone who holds the signed
 * event (docs/formats.md, "Private fields", gives their one-line check). It prints the
 * private text: it is for the owner to hand over deliberately.
 */
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import { PRIVATE_FIELDS, type PrivateField } from '../../shared/organise';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

interface RevealOptions extends VaultCommandOptions {
  field: string;
  event: string;
}

export function registerReveal(program: Command): void {
  program
    .command('reveal')
    .description("print a private field's text as one custody event committed to it, with the salt that proves it (JSON)")
    .argument('<vault>', 'the vault folder')
    .argument('<item>', 'item id, or SHA-256 (8+ hex digits)')
    .requiredOption('--field <field>', `the private field: ${PRIVATE_FIELDS.join(' or ')}`)
    .requiredOption('--event <seq>', "the number (seq) of the described event in the item's custody chain")
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .action(async (dir: string, item: string, opts: RevealOptions) => {
      if (!(PRIVATE_FIELDS as readonly string[]).includes(opts.field)) throw new TamgaError('INVALID_ARGUMENT', `--field is ${PRIVATE_FIELDS.join(' or ')}.`);
      if (!/^\d{1,15}$/.test(opts.event)) throw new TamgaError('INVALID_ARGUMENT', "--event is the event's number, e.g. 3.");
      const request = { item, field: opts.field as PrivateField, event: Number(opts.event) };
      printJson(await withVault(dir, opts, (engine) => engine.revealPrivateField(request), true));
    });
}
