/**
 * `tamga describe <vault> <items...> [--title T] [--description D] [--notes N] [--place P]`:
 * sets what people write about items; with no option, prints it. Each change is a
 * `described` custody event with the old and the new text.
 */
import type { Command } from 'commander';
import { ITEM_TEXT_FIELDS, type ItemDescription, type ItemText } from '../../shared/organise';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';

interface DescribeOptions extends VaultCommandOptions, ItemText {
  json?: boolean;
}

function printDescription(d: ItemDescription): void {
  printRows([
    ['Item', d.itemId],
    ['Title', d.title || '—'],
    ['Place', d.place || '—'],
    ['Tags', d.tags.join(', ') || '—'],
    ['Cases', d.cases.map((c) => c.name).join(', ') || '—'],
    ['Description', d.description || '—'],
    ['Notes', d.notes || '—'],
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
    .option('--notes <text>', 'free notes')
    .option('--place <text>', 'where it was taken, in words, e.g. "Petropavlovsk, polling station 660"')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, items: string[], opts: DescribeOptions) => {
      const text: ItemText = Object.fromEntries(ITEM_TEXT_FIELDS.flatMap((f) => (opts[f] === undefined ? [] : [[f, opts[f]]])));
      if (Object.keys(text).length === 0) {
        const descriptions = await withVault(dir, opts, (engine) => Promise.all(items.map((i) => engine.getItemDescription(i))), true);
        if (opts.json) return printJson(items.length === 1 ? descriptions[0] : descriptions);
        descriptions.forEach((d, i) => {
          if (i > 0) process.stdout.write('\n');
          printDescription(d);
        });
        return;
      }
      const result = await withVault(dir, opts, (engine) => engine.describeItems({ items, ...text }));
      if (opts.json) return printJson(result);
      process.stdout.write(`Described ${result.changed.length} item(s); ${result.unchanged.length} already as asked.\n`);
    });
}
