/**
 * `tamga tag <vault> <items...> --add T --remove T`: tags on one item or many (ids or
 * SHA-256 prefixes). Each tag added or removed is a custody event on the item's chain.
 */
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import type { OrganiseResult } from '../../shared/organise';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

interface TagOptions extends VaultCommandOptions {
  add: string[];
  remove: string[];
  json?: boolean;
}

const collect = (value: string, all: string[]): string[] => [...all, value];

export function registerTag(program: Command): void {
  program
    .command('tag')
    .description('add or remove tags on items (each change is recorded in the item\'s custody chain)')
    .argument('<vault>', 'the vault folder')
    .argument('<items...>', 'item ids or SHA-256 prefixes (8+ hex digits)')
    .option('--add <tag>', 'add this tag (repeatable)', collect, [])
    .option('--remove <tag>', 'remove this tag, ignoring case (repeatable)', collect, [])
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print what changed as JSON')
    .action(async (dir: string, items: string[], opts: TagOptions) => {
      if (opts.add.length === 0 && opts.remove.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'Give --add TAG or --remove TAG (or both).');
      const result = await withVault(dir, opts, async (engine) => ({
        added: opts.add.length > 0 ? await engine.tagItems({ items, tags: opts.add }) : null,
        removed: opts.remove.length > 0 ? await engine.untagItems({ items, tags: opts.remove }) : null,
      }));
      if (opts.json) return printJson(result);
      const say = (what: string, r: OrganiseResult | null): void => {
        if (r !== null) process.stdout.write(`${what} on ${r.changed.length} item(s); ${r.unchanged.length} already as asked.\n`);
      };
      say(`Added ${opts.add.map((t) => JSON.stringify(t)).join(', ')}`, result.added);
      say(`Removed ${opts.remove.map((t) => JSON.stringify(t)).join(', ')}`, result.removed);
    });
}
