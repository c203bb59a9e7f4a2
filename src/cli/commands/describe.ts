/**
 * `tamga describe <vault> <items...> [--title T] [--description D] [--notes N] [--place P]
 * [--private-description | --public-description]`: sets what people write about items;
 * with no option, prints it. Each change is a `described` custody event with the old and
 * the new text, or, for notes and a private description, a commitment to the new text.
 */
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import { ITEM_TEXT_FIELDS, type ItemDescription, type ItemText } from '../../shared/organise';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';

interface DescribeOptions extends VaultCommandOptions, ItemText {
  json?: boolean;
  privateDescription?: boolean;
  publicDescription?: boolean;
}

function printDescription(d: ItemDescription): void {
  printRows([
    ['Item', d.itemId],
    ['Title', d.title || '—'],
    ['Place', d.place || '—'],
    ['Tags', d.tags.join(', ') || '—'],
    ['Cases', d.cases.map((c) => c.name).join(', ') || '—'],
    [d.descriptionPrivate ? 'Description (private: never exported)' : 'Description', d.description || '—'],
    ['Notes (private: never exported)', d.notes || '—'],
  ]);
}

export function registerDescribe(program: Command): void {
  program
    .command('describe')
    .description('set the title, description, notes or place of items (recorded in their custody chains), or show them')
    .argument('<vault>', 'the vault folder')
    .argument('<items...>', 'item ids or SHA-256 prefixes (8+ hex digits)')
    .option('--title <text>', 'a short title ("" clears it)')
    .option('--description <text>', 'what the item shows')
    .option('--notes <text>', 'free notes (private: never exported; custody records a commitment, not the text)')
    .option('--private-description', 'keep the description private from now on, like notes')
    .option('--public-description', 'let the description be exported again (its private changes stay committed, not written out)')
    .option('--place <text>', 'where it was taken, in words, e.g. "Petropavlovsk, polling station 660"')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, items: string[], opts: DescribeOptions) => {
      const text: ItemText = Object.fromEntries(ITEM_TEXT_FIELDS.flatMap((f) => (opts[f] === undefined ? [] : [[f, opts[f]]])));
      if (opts.privateDescription === true && opts.publicDescription === true) throw new TamgaError('INVALID_ARGUMENT', 'Give --private-description or --public-description, not both.');
      const marking = opts.privateDescription === true ? { descriptionPrivate: true } : opts.publicDescription === true ? { descriptionPrivate: false } : {};
      if (Object.keys(text).length === 0 && !('descriptionPrivate' in marking)) {
        const descriptions = await withVault(dir, opts, (engine) => Promise.all(items.map((i) => engine.getItemDescription(i))), true);
        if (opts.json) return printJson(items.length === 1 ? descriptions[0] : descriptions);
        descriptions.forEach((d, i) => {
          if (i > 0) process.stdout.write('\n');
          printDescription(d);
        });
        return;
      }
      const result = await withVault(dir, opts, (engine) => engine.describeItems({ items, ...text, ...marking }));
      if (opts.json) return printJson(result);
      process.stdout.write(`Described ${result.changed.length} item(s); ${result.unchanged.length} already as asked.\n`);
    });
}
