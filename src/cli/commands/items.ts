/** `tamga list` and `tamga show`: what the vault holds, and everything known about one item. */
import type { Command } from 'commander';
import type { ItemDetail } from '../../shared/items';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';

interface JsonOption extends VaultCommandOptions {
  json?: boolean;
}

function captureText(local: string | null, utc: string | null, source: string | null): string {
  if (local === null && utc === null) return 'unknown';
  const zone = utc === null ? ' (time zone unknown)' : '';
  return `${local ?? utc}${zone} [${source ?? '?'}]`;
}

function printDetail(item: ItemDetail): void {
  const m = item.metadata;
  const field = (value: { value: string; source: string } | null | undefined): string => (value ? `${value.value} [${value.source}]` : 'not recorded');
  printRows([
    ['Item', item.id],
    ['Original name', item.originalName],
    ['Kind', `${item.kind}${item.format ? ` (${item.format})` : ''}`],
    ['Size', `${item.size} bytes`],
    ['SHA-256', item.sha256],
    ...(item.sha1 ? ([['SHA-1', item.sha1]] as Array<[string, string]>) : []),
    ...(item.md5 ? ([['MD5', item.md5]] as Array<[string, string]>) : []),
    ['Taken', captureText(item.capturedLocal, item.capturedUtc, item.captureSource)],
    ['Place', m?.gps ? `${m.gps.lat}, ${m.gps.lon}${m.gps.alt === null ? '' : `, ${m.gps.alt} m`} [${m.gps.source}]` : 'no location recorded'],
    ['Make', field(m?.make)],
    ['Model', field(m?.model)],
    ['Pixels', m?.pixelSize ? `${m.pixelSize.width}×${m.pixelSize.height} [${m.pixelSize.source}]` : 'unknown'],
    ['Duration', m?.durationSeconds == null ? '—' : `${m.durationSeconds.toFixed(3)} s`],
    ['Tags', item.tags.join(', ') || '—'],
    ['Imported', item.importedAt],
    ['Thumbnail', `${item.thumbStatus ?? 'none'}${item.thumbReason ? ` (${item.thumbReason})` : ''}`],
  ]);
  for (const problem of m?.problems ?? []) process.stdout.write(`Metadata problem: ${problem}\n`);
  process.stdout.write('\nAcquisitions\n');
  for (const a of item.acquisitions) process.stdout.write(`  ${a.acquiredAt}  ${a.sourcePath}  (modified ${a.fileModified ?? 'unknown'})\n`);
  process.stdout.write('\nCustody chain\n');
  for (const { event, hash } of item.custody) process.stdout.write(`  #${event.seq} ${event.at} ${event.type} by ${event.actor}  ${hash.slice(0, 16)}…\n`);
}

export function registerItems(program: Command): void {
  program
    .command('list')
    .description('list the items in the vault')
    .argument('<vault>', 'the vault folder')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, opts: JsonOption) => {
      const items = await withVault(dir, opts, (engine) => engine.listItems(), true);
      if (opts.json) return printJson(items);
      for (const i of items) {
        process.stdout.write(`${i.id}  ${i.sha256.slice(0, 12)}  ${i.kind.padEnd(5)}  ${(i.capturedLocal ?? '—').padEnd(19)}  ${i.originalName}\n`);
      }
      process.stdout.write(`${items.length} item(s)\n`);
    });

  program
    .command('show')
    .description('show everything known about one item: metadata with sources, hashes, acquisitions, custody chain')
    .argument('<vault>', 'the vault folder')
    .argument('<item>', 'item id, or SHA-256 (8+ hex digits)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, ref: string, opts: JsonOption) => {
      const item = await withVault(dir, opts, (engine) => engine.getItem(ref), true);
      if (opts.json) printJson(item);
      else printDetail(item);
    });
}
