/**
 * `tamga list` and `tamga show`: what the vault holds, and everything known about items.
 * `show` takes several items, or --all, with one unlock (scrypt costs a second or two per
 * unlock): with --json those print as JSON lines, one item per line, streamed page by page
 * so that a script can walk a large vault in constant memory.
 */
import type { Command } from 'commander';
import type { Engine } from '../../main/engine/api';
import { TamgaError } from '../../shared/errors';
import type { ItemDetail } from '../../shared/items';
import type { ProvenanceRecord } from '../../shared/provenance';
import { SEARCH_MAX_LIMIT } from '../../shared/search';
import { itemCaptureText } from '../capture-text';
import { custodyLines } from '../custody-text';
import { stdoutClosed } from '../closed-pipe';
import { EXIT_ERROR } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printError, printJson, printRows, writeOut } from '../output';

interface JsonOption extends VaultCommandOptions {
  json?: boolean;
}

interface ShowOptions extends JsonOption {
  all?: boolean;
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
    ['Taken', itemCaptureText(item)],
    ['Place', m?.gps ? `${m.gps.lat}, ${m.gps.lon}${m.gps.alt === null ? '' : `, ${m.gps.alt} m`} [${m.gps.source}]` : 'no location recorded'],
    ['Make', field(m?.make)],
    ['Model', field(m?.model)],
    ['Pixels', m?.pixelSize ? `${m.pixelSize.width}×${m.pixelSize.height} [${m.pixelSize.source}]` : 'unknown'],
    ['Duration', m?.durationSeconds == null ? '—' : `${m.durationSeconds.toFixed(3)} s`],
    ['Tags', item.tags.join(', ') || '—'],
    ['Imported', item.importedAt],
    ['Thumbnail', `${item.thumbStatus ?? 'none'}${item.thumbReason ? ` (${item.thumbReason})` : ''}`],
    // ExifTool, the reader of last resort: what it filled, or why it gave nothing (the problem below says more).
    ...(m?.exiftool
      ? ([['ExifTool', m.exiftool.status === 'read' ? `read (${m.exiftool.version ?? '?'}): ${m.exiftool.filled.join(', ') || 'nothing Tamga lacked'}` : `not read (${m.exiftool.reason ?? 'failed'})`]] as Array<[string, string]>)
      : []),
  ]);
  for (const problem of m?.problems ?? []) process.stdout.write(`Metadata problem: ${problem}\n`);
  process.stdout.write('\nAcquisitions\n');
  for (const a of item.acquisitions) process.stdout.write(`  ${a.acquiredAt}  ${a.sourcePath}  (modified ${a.fileModified ?? 'unknown'})\n`);
  process.stdout.write('\nCustody chain\n');
  for (const line of custodyLines(item.custody)) process.stdout.write(`${line}\n`);
  for (const record of item.provenance) printProvenance(record);
}

/** A received copy: who sent it and the sender's own statements, labelled as theirs and kept apart from this vault's fields. */
function printProvenance(record: ProvenanceRecord): void {
  const sender = record.senderName === null ? `key ${record.senderFingerprint ?? 'unknown'}` : `${record.senderName} (known sender, key ${record.senderFingerprint ?? ''})`;
  process.stdout.write(`\nReceived ${record.receivedAt} in bundle ${record.bundleId ?? '(none)'} as ${record.exhibit ?? '?'} from ${sender}; checked: ${record.verdict} (custody event #${record.eventSeq ?? '?'})\n`);
  for (const p of record.problems) process.stdout.write(`  Accepted problem ${p.code}: ${p.message}\n`);
  const s = record.statements;
  const said: [string, string | undefined][] = [
    ["Sender's title", s.title],
    ["Sender's description", s.description],
    ["Sender's place", s.place],
    ["Sender's tags", s.tags === undefined ? undefined : s.tags.join(', ')],
    ["Sender's original name", s.originalName],
  ];
  for (const [label, value] of said) if (value !== undefined && value !== '') process.stdout.write(`  ${label}: ${value}\n`);
  process.stdout.write(`  Kept from the sender: ${record.files.map((f) => f.name).join(', ')}\n`);
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
    .description('show everything known about items: metadata with sources, hashes, acquisitions, custody chain')
    .argument('<vault>', 'the vault folder')
    .argument('[items...]', 'item ids, or SHA-256s (8+ hex digits); several are read with one unlock')
    .option('--all', 'every item in the vault, oldest import first')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON: one item pretty-printed; several or --all as JSON lines (one item per line)')
    .addHelpText(
      'after',
      [
        '',
        'Unlocking costs a second or two (scrypt), so a script reading many items asks once:',
        '  tamga show VAULT ID1 ID2 ID3 --json     one JSON object per line, in the order given',
        '  tamga show VAULT --all --json           every item, one per line, streamed (constant memory)',
        'An item that is not in the vault is named on stderr; the others are still printed, and the exit code is 2.',
      ].join('\n'),
    )
    .action(async (dir: string, refs: string[], opts: ShowOptions) => {
      if (opts.all === true && refs.length > 0) throw new TamgaError('INVALID_ARGUMENT', 'Give either item ids or --all, not both.');
      if (opts.all !== true && refs.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'Name the item(s) to show, or give --all.');
      // One item with --json stays one pretty object, as before; several are JSON lines.
      const jsonLines = opts.json === true && (opts.all === true || refs.length > 1);
      let first = true;
      const print = async (item: ItemDetail): Promise<void> => {
        if (jsonLines) await writeOut(`${JSON.stringify(item)}\n`);
        else if (opts.json) printJson(item);
        else {
          if (!first) await writeOut('\n');
          printDetail(item);
        }
        first = false;
      };
      const missing = await withVault(dir, opts, (engine) => (opts.all ? showAll(engine, print) : showEach(engine, refs, print)), true);
      if (missing > 0) process.exitCode = EXIT_ERROR;
    });
}

/** Prints each named item; one not in the vault is said on stderr and the rest still printed. Returns how many were not found. */
async function showEach(engine: Engine, refs: readonly string[], print: (item: ItemDetail) => Promise<void>): Promise<number> {
  if (refs.length === 1) {
    await print(await engine.getItem(refs[0] ?? ''));
    return 0;
  }
  let missing = 0;
  for (const ref of refs) {
    if (stdoutClosed()) break;
    try {
      await print(await engine.getItem(ref));
    } catch (err) {
      if (!(err instanceof TamgaError) || err.code !== 'NOT_FOUND') throw err;
      printError(err);
      missing += 1;
    }
  }
  return missing;
}

/** Every item, a page of ids at a time (never the whole vault in memory), until the reader goes away. */
async function showAll(engine: Engine, print: (item: ItemDetail) => Promise<void>): Promise<number> {
  let cursor: string | undefined;
  do {
    const page = await engine.searchItems({ query: '', sort: 'imported', order: 'asc', limit: SEARCH_MAX_LIMIT, ...(cursor === undefined ? {} : { cursor }) });
    for (const { id } of page.items) {
      if (stdoutClosed()) return 0;
      await print(await engine.getItem(id));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && !stdoutClosed());
  return 0;
}
