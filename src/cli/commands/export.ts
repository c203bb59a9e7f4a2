/**
 * `tamga export <vault> (--items … | --query "…" | --case NAME) --out DIR|FILE.zip`: a
 * sealed bundle for a court or an auditor. A progress bar on a terminal; Ctrl-C cancels and
 * leaves nothing under the bundle's name; `--json` prints the result for scripts. Exit 0
 * when the bundle is written, 2 when it could not be (nothing is left then).
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { utcMinute, type ExportRequest, type ExportResult, type ExportSelection } from '../../shared/bundle';
import { TamgaError } from '../../shared/errors';
import type { Engine } from '../../main/engine/api';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson, printRows } from '../output';

interface ExportOptions extends VaultCommandOptions {
  items?: string[];
  query?: string;
  case?: string;
  out: string;
  zip?: boolean;
  recipient?: string;
  organization?: string;
  contactName?: string;
  contactEmail?: string;
  description?: string;
  caseId?: string;
  tsa?: string[];
  timestamp?: boolean;
  json?: boolean;
}

function selectionOf(opts: ExportOptions): ExportSelection {
  const given = [opts.items !== undefined, opts.query !== undefined, opts.case !== undefined].filter(Boolean).length;
  if (given !== 1) throw new TamgaError('INVALID_ARGUMENT', 'Choose the exhibits with exactly one of --items, --query or --case.');
  if (opts.items !== undefined) return { kind: 'items', items: opts.items };
  if (opts.query !== undefined) return { kind: 'query', query: opts.query };
  return { kind: 'case', case: opts.case ?? '' };
}

function startProgress(engine: Engine, quiet: boolean): () => void {
  if (quiet || !process.stderr.isTTY) return () => undefined;
  const bar = new SingleBar(
    { stream: process.stderr, format: '{bar} {percentage}% | {exhibits} exhibits | {done}/{total} MB | {phase} {current}', hideCursor: true },
    Presets.shades_classic,
  );
  let running = false;
  const unsubscribe = engine.subscribe((event) => {
    if (event.type !== 'exportProgress') return;
    const p = event.progress;
    const payload = {
      exhibits: `${p.exhibitsDone}/${p.exhibitsTotal}`,
      done: (p.bytesDone / 1e6).toFixed(1),
      total: (p.bytesTotal / 1e6).toFixed(1),
      phase: p.phase,
      current: p.currentExhibit ?? '',
    };
    if (!running) bar.start(Math.max(1, p.bytesTotal), p.bytesDone, payload);
    else bar.update(p.bytesDone, payload);
    running = true;
  });
  return () => {
    unsubscribe();
    if (running) bar.stop();
  };
}

function printResult(result: ExportResult): void {
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  out(`Sealed bundle written: ${result.outPath}`);
  printRows([
    ['  bundle id', result.bundleId],
    ['  exhibits', `${result.exhibits.length} (Payload-Oxum ${result.payloadOxum})`],
    ['  sealed at', result.sealedAt],
    ['  key fingerprint', result.keyFingerprint],
  ]);
  for (const e of result.exhibits) out(`  ${e.number}  ${e.sha256}  ${e.path}`);
  out(`Anyone can check it with README-VERIFY.txt inside, or: tamga verify ${result.outPath} --key ${result.keyFingerprint}`);
  for (const t of result.timestamps) {
    out(t.ok ? `Timestamped by ${t.tsa}: sealed no later than ${utcMinute(t.genTime ?? '')}, per TSA ${t.tsaName ?? t.tsa} (in seal/).` : `NOT TIMESTAMPED by ${t.tsa}: ${t.error?.code ?? 'FAILED'}: ${t.error?.message ?? ''} Nothing was recorded for it; tamga timestamp VAULT asks again later.`);
  }
  if (!result.recorded) out('NOT RECORDED: the vault is open read-only, so this export is in no custody chain. The bundle itself is complete and sealed.');
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a sealed evidence bundle (a folder, or a .zip) with manifests, custody logs, an exhibit list and a signature')
    .argument('<vault>', 'the vault folder')
    .option('--items <refs...>', 'item ids or SHA-256 prefixes, in exhibit order')
    .option('--query <query>', 'a search query; exhibits in capture order')
    .option('--case <name>', 'a case (name or id); exhibits in the order they were added')
    .requiredOption('--out <path>', 'the bundle folder, or FILE.zip, to create (must not exist)')
    .option('--zip', 'write a .zip even if --out does not end in .zip')
    .option('--recipient <text>', 'who receives the bundle (Tamga-Recipient)')
    .option('--organization <text>', 'who sends it (Source-Organization)')
    .option('--contact-name <text>', 'Contact-Name')
    .option('--contact-email <text>', 'Contact-Email')
    .option('--description <text>', 'what these exhibits are (External-Description)')
    .option('--case-id <text>', 'the case or file number (External-Identifier); default: the case name')
    .option('--tsa <url>', 'timestamp the seal right away with this timestamp server (RFC 3161; repeat for more; sends it only the seal signature\'s SHA-256)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--timestamp', 'timestamp the seal right away with the timestamp servers saved in the vault (tamga timestamp --save)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, opts: ExportOptions) => {
      const request: ExportRequest = {
        selection: selectionOf(opts),
        outPath: opts.out,
        ...(opts.zip ? { format: 'zip' as const } : {}),
        ...(opts.recipient === undefined ? {} : { recipient: opts.recipient }),
        ...(opts.organization === undefined ? {} : { organization: opts.organization }),
        ...(opts.contactName === undefined ? {} : { contactName: opts.contactName }),
        ...(opts.contactEmail === undefined ? {} : { contactEmail: opts.contactEmail }),
        ...(opts.description === undefined ? {} : { description: opts.description }),
        ...(opts.caseId === undefined ? {} : { caseIdentifier: opts.caseId }),
        ...(opts.tsa !== undefined ? { timestampWith: opts.tsa } : opts.timestamp === true ? { timestampWith: [] } : {}),
      };
      const result = await withVault(
        dir,
        opts,
        async (engine) => {
        const stop = startProgress(engine, opts.json === true);
        // Ctrl-C cancels cleanly: what was written is removed, nothing keeps the bundle's name.
        const onSigint = (): void => void engine.cancelExport();
        process.once('SIGINT', onSigint);
        try {
          return await engine.exportBundle(request);
        } finally {
          process.off('SIGINT', onSigint);
          stop();
        }
        },
        'write-if-possible',
      );
      if (opts.json) printJson(result);
      else printResult(result);
    });
}
