/**
 * `tamga search <vault> "<query>"`: the query language of the window (src/shared/search.ts)
 * for scripts; and `tamga search <vault> --file PATH`: does the vault hold exactly this
 * file? Read-only: works while the app has the vault open. Exit 0; with --file, exit 1
 * when the vault does not hold the file (a check that found nothing, like grep).
 */
import type { Command } from 'commander';
import { TamgaError } from '../../shared/errors';
import type { FindByFileResult, SearchItem, SearchResult, SearchSort, SortOrder } from '../../shared/search';
import { SEARCH_MAX_LIMIT } from '../../shared/search';
import { searchWhenText } from '../capture-text';
import { acceptDashOperands } from '../dash-operands';
import { EXIT_CHECK_FAILED } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';

interface SearchOptions extends VaultCommandOptions {
  json?: boolean;
  limit: string;
  sort?: SearchSort;
  order?: SortOrder;
  cursor?: string;
  all?: boolean;
  file?: string;
}

const out = (line: string): boolean => process.stdout.write(`${line}\n`);

function itemLine(i: SearchItem): string {
  const extra = [i.title, i.tags.length > 0 ? `[${i.tags.join(', ')}]` : ''].filter((x) => x !== '').join(' ');
  return `${i.id}  ${i.sha256.slice(0, 12)}  ${i.kind.padEnd(5)}  ${searchWhenText(i).padEnd(20)}  ${i.originalName}${extra ? `  ${extra}` : ''}`;
}

function printResult(result: SearchResult, shown: number): void {
  for (const i of result.items) out(itemLine(i));
  out(`${shown} of ${result.total} item(s)${result.understood === '' ? ' (everything)' : `; searched for: ${result.understood}`}`);
  for (const note of result.notes) out(`note: ${note}`);
  if (result.nextCursor !== null) out(`more: --cursor ${result.nextCursor}`);
}

function printFound(found: FindByFileResult): void {
  if (found.item === null) {
    out(`Not in this vault: ${found.path} (SHA-256 ${found.sha256}, ${found.size} bytes).`);
    return;
  }
  const { item } = found;
  printRows([
    ['File', found.path],
    ['SHA-256', found.sha256],
    ['Held as item', item.id],
    ['Names', item.names.join(', ')],
    ['Imported', item.importedAt],
    ['Tags', item.tags.join(', ') || '—'],
    ['Cases', item.cases.join(', ') || '—'],
  ]);
  out('\nAcquisitions');
  for (const a of item.acquisitions) out(`  ${a.acquiredAt}  ${a.sourcePath}`);
}

function limitOf(text: string): number {
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT) {
    throw new TamgaError('INVALID_ARGUMENT', `--limit must be a whole number from 1 to ${SEARCH_MAX_LIMIT}.`);
  }
  return limit;
}

export function registerSearch(program: Command): void {
  acceptDashOperands(program.command('search'))
    .description('find items with the query language (tag: case: type: after: before: near: …), or look a file up by its content')
    .argument('<vault>', 'the vault folder')
    .argument('[query]', 'e.g. "petropavlovsk tag:\\"ballot stuffing\\" after:2021-01-10 -type:photo"', '')
    .option('--limit <n>', `items per page (1–${SEARCH_MAX_LIMIT})`, '100')
    .option('--sort <key>', 'captured, imported or relevance (default captured)')
    .option('--order <order>', 'desc (newest first, default) or asc')
    .option('--cursor <cursor>', 'the next page of a previous search (printed as "more:")')
    .option('--all', 'print every page')
    .option('--file <path>', 'hash this file and say whether the vault holds it (exit 1 if not)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nA query may begin with "-" (tamga search V \'-tag:x type:video\'); "--" also ends the options (tamga search V -- -draft).')
    .action(async (dir: string, query: string, opts: SearchOptions) => {
      if (opts.file !== undefined) {
        if (query !== '') throw new TamgaError('INVALID_ARGUMENT', 'Give either a query or --file, not both.');
        const found = await withVault(dir, opts, (engine) => engine.findByFile(opts.file ?? ''), true);
        if (opts.json) printJson(found);
        else printFound(found);
        if (found.item === null) process.exitCode = EXIT_CHECK_FAILED;
        return;
      }
      const limit = limitOf(opts.limit);
      const request = { query, limit, ...(opts.sort ? { sort: opts.sort } : {}), ...(opts.order ? { order: opts.order } : {}) };
      await withVault(
        dir,
        opts,
        async (engine) => {
          let result = await engine.searchItems({ ...request, ...(opts.cursor ? { cursor: opts.cursor } : {}) });
          if (!opts.all) {
            if (opts.json) printJson(result);
            else printResult(result, result.items.length);
            return;
          }
          const items = [...result.items];
          while (result.nextCursor !== null) {
            result = await engine.searchItems({ ...request, cursor: result.nextCursor });
            items.push(...result.items);
          }
          if (opts.json) printJson({ ...result, items, nextCursor: null });
          else printResult({ ...result, items, nextCursor: null }, items.length);
        },
        true,
      );
    });
}
