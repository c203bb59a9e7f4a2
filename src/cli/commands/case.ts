/**
 * `tamga case <vault> create|add|remove|list|rename|describe|show …`: cases, the named
 * collections of items (e.g. "Almaty kettling 2021-01-10"). Adding and removing items is
 * recorded in each item's custody chain.
 */
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import type { CaseSummary, OrganiseResult } from '../../shared/organise';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

interface CaseOptions extends VaultCommandOptions {
  description?: string;
  json?: boolean;
}

const USAGE =
  'Use: case <vault> create NAME [--description D] | add NAME ITEMS... | remove NAME ITEMS... | list | rename NAME NEW_NAME | describe NAME --description D | show NAME';

const out = (line: string): boolean => process.stdout.write(`${line}\n`);

function usage(problem: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', `${problem} ${USAGE}`);
}

function printCase(c: CaseSummary): void {
  out(`${c.id}  ${String(c.itemCount).padStart(6)} item(s)  ${c.name}${c.description ? ` — ${c.description.split('\n')[0] ?? ''}` : ''}`);
}

async function members(dir: string, opts: CaseOptions, action: 'add' | 'remove', args: readonly string[]): Promise<void> {
  const [name, ...items] = args;
  if (name === undefined || items.length === 0) throw usage(`${action} needs a case name and at least one item.`);
  const result: OrganiseResult = await withVault(dir, opts, (engine) =>
    action === 'add' ? engine.addToCase({ case: name, items }) : engine.removeFromCase({ case: name, items }),
  );
  if (opts.json) return printJson(result);
  out(`${action === 'add' ? 'Added' : 'Removed'} ${result.changed.length} item(s); ${result.unchanged.length} already as asked.`);
}

async function run(dir: string, action: string, args: readonly string[], opts: CaseOptions): Promise<void> {
  const [first, second] = args;
  switch (action) {
    case 'list': {
      const cases = await withVault(dir, opts, (engine) => engine.listCases(), true);
      if (opts.json) return printJson(cases);
      cases.forEach(printCase);
      return void out(`${cases.length} case(s)`);
    }
    case 'create': {
      if (first === undefined) throw usage('create needs a name.');
      const created = await withVault(dir, opts, (engine) => engine.createCase({ name: first, ...(opts.description === undefined ? {} : { description: opts.description }) }));
      return opts.json ? printJson(created) : printCase(created);
    }
    case 'add':
    case 'remove':
      return members(dir, opts, action, args);
    case 'rename':
    case 'describe': {
      if (first === undefined || (action === 'rename' ? second === undefined : opts.description === undefined)) {
        throw usage(action === 'rename' ? 'rename needs the case and its new name.' : 'describe needs the case and --description.');
      }
      const update = action === 'rename' ? { case: first, name: second } : { case: first, description: opts.description };
      const updated = await withVault(dir, opts, (engine) => engine.updateCase(update));
      return opts.json ? printJson(updated) : printCase(updated);
    }
    case 'show': {
      if (first === undefined) throw usage('show needs a case name.');
      const { found, items } = await withVault(
        dir,
        opts,
        async (engine) => {
          const all = await engine.listCases();
          const match = all.find((c) => c.id === first || c.name.toLowerCase() === first.toLowerCase());
          if (match === undefined) throw new TamgaError('NOT_FOUND', `There is no case "${first}" in this vault.`);
          return { found: match, items: await engine.searchItems({ query: `case:${match.id}`, limit: 500 }) };
        },
        true,
      );
      if (opts.json) return printJson({ case: found, items: items.items, total: items.total });
      printCase(found);
      if (found.description) out(found.description);
      for (const i of items.items) out(`  ${i.id}  ${i.kind.padEnd(5)}  ${i.originalName}${i.title ? `  ${i.title}` : ''}`);
      if (items.total > items.items.length) out(`  … and ${items.total - items.items.length} more (tamga search <vault> 'case:${found.id}')`);
      return;
    }
    default:
      throw usage(`"${action}" is not a case action.`);
  }
}

export function registerCase(program: Command): void {
  program
    .command('case')
    .description('cases: named collections of items (create, add, remove, list, rename, describe, show)')
    .argument('<vault>', 'the vault folder')
    .argument('<action>', 'create | add | remove | list | rename | describe | show')
    .argument('[args...]', 'the case name, then items (ids or SHA-256 prefixes) or the new name')
    .option('--description <text>', 'the case description (create, describe)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, action: string, args: string[], opts: CaseOptions) => run(dir, action, args, opts));
}
