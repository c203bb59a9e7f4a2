/**
 * `tamga verify <bundle> [--key FP] [--known-senders FILE] [--vault VAULT] [--tsa-trust ROOTS.pem]
 * [--any-signer] [--json]`: checks a sealed bundle (folder or .zip) from anyone. Needs no vault and no
 * passphrase. Exit 0 only when the bundle is valid and sealed by a confirmed key (the
 * --key given, else a known sender: the known senders file, by default
 * ~/.config/tamga/known_senders, and with --vault that vault's); 1 when any check failed,
 * including an intact bundle sealed by a key nobody confirmed (SIGNER_NOT_CONFIRMED:
 * anyone can re-sign a forgery with a key of their own) unless --any-signer accepts
 * integrity alone, which it says loudly; 2 when it could not run at all.
 *
 * Everything printed that comes from the bundle (names, field values) is escaped first:
 * a hostile exhibit name must not be able to move the cursor or forge a line of the report.
 */
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { utcMinute, type VerifyLimits, type VerifyProgress, type VerifyReport } from '../../shared/bundle';
import { readFile } from 'node:fs/promises';
import { TamgaError } from '../../shared/errors';
import type { KnownSender } from '../../shared/senders';
import { anyOperatorStated, OPERATORS_LABEL, operatorsText } from '../../shared/operator';
import { defaultKnownSendersPath, readKnownSendersFile } from '../../main/engine/senders/known-senders-file';
import { problemTotal } from '../../main/engine/bundle/verify/problem-summary';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { withVault } from '../open-vault';
import { printJson, printRows } from '../output';

interface VerifyCommandOptions {
  key?: string;
  knownSenders?: string;
  vault?: string;
  passphraseFile?: string;
  anySigner?: boolean;
  since?: string;
  tsaTrust?: string;
  json?: boolean;
  timeLimit?: string;
  maxBytes?: string;
  maxEntries?: string;
}

const BIDI = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** C0/C1 controls and bidi overrides as \u escapes. */
export function printable(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) || BIDI.has(code) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

function count(value: string | undefined, name: string, scale = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new TamgaError('INVALID_ARGUMENT', `${name} must be a number.`);
  return Math.round(n * scale);
}

function limitsFrom(opts: VerifyCommandOptions): Partial<VerifyLimits> {
  const limits: { -readonly [K in keyof VerifyLimits]?: number } = {};
  const time = count(opts.timeLimit, '--time-limit', 1000);
  const bytes = count(opts.maxBytes, '--max-bytes');
  const entries = count(opts.maxEntries, '--max-entries');
  if (time !== undefined) limits.timeLimitMs = time;
  if (bytes !== undefined) limits.maxTotalBytes = bytes;
  if (entries !== undefined) limits.maxEntries = entries;
  return limits;
}

function signerLine(report: VerifyReport): string {
  const { fingerprint, pinned, trust, name } = report.signer;
  const known = name === null ? '' : `, known sender "${printable(name)}"`;
  switch (trust) {
    case 'trusted':
      return `${fingerprint ?? ''} — the key you gave with --key${known}`;
    case 'known-sender':
      return `${fingerprint ?? ''} — ${printable(name ?? '')} (known sender)`;
    case 'untrusted':
      return `${fingerprint ?? ''} — NOT the key you gave (${pinned ?? ''})${known}`;
    case 'unconfirmed':
      return `${fingerprint ?? ''} — NOT CONFIRMED: not --key, not a known sender; compare it with the fingerprint its owner published`;
    case 'unknown':
      return fingerprint === null ? 'none (no valid seal)' : `${fingerprint} — but the seal does not hold`;
  }
}

/** Who sealed it, for the verdict line: "Observers' vault (known sender)". */
function sealedBy(report: VerifyReport): string {
  const { trust, name } = report.signer;
  if (trust === 'known-sender') return `sealed by ${printable(name ?? '')} (known sender)`;
  return `sealed by the key you gave with --key${name === null ? '' : ` (known sender "${printable(name)}")`}`;
}

/** The loud line of --any-signer: whose key was NOT checked. */
function anySignerWarning(report: VerifyReport): string {
  return `WARNING (--any-signer): the signer was NOT checked. Key ${report.signer.fingerprint ?? '?'} is neither a key you gave nor a known sender's: anyone could have sealed this bundle.`;
}

function verdictLine(report: VerifyReport, anySigner: boolean): string {
  const total = problemTotal(report.problemCounts);
  const count = `${total} problem${total === 1 ? '' : 's'}`;
  switch (report.verdict) {
    case 'valid':
      return `VALID: every check passed; ${sealedBy(report)}.`;
    case 'intact-unconfirmed-signer':
      return anySigner
        ? `INTACT, SIGNER NOT CHECKED (--any-signer): unchanged since sealed, by key ${report.signer.fingerprint ?? '?'}, which nobody confirmed.`
        : `NOT CONFIRMED: intact, but nothing confirms who sealed it (key ${report.signer.fingerprint ?? '?'}). Compare that fingerprint with the one the sender published; then give it with --key, or add it with tamga keys add.`;
    case 'invalid':
      return `INVALID: ${count}${report.complete ? '' : '; the check did not run to its end'}.`;
  }
}

/** Exit 0 only for a confirmed signer, or for integrity alone when the user asked for just that. */
export function verifyExitCode(report: VerifyReport, anySigner: boolean): number {
  if (report.verdict === 'valid') return EXIT_OK;
  return report.verdict === 'intact-unconfirmed-signer' && anySigner ? EXIT_OK : EXIT_CHECK_FAILED;
}

/**
 * The known senders: the file named (it must exist), else the default file when there is
 * one; with --vault also that vault's (it is unlocked read-only, so it records nothing).
 */
async function knownSenders(opts: VerifyCommandOptions): Promise<KnownSender[]> {
  const fromFile = opts.knownSenders !== undefined ? await readKnownSendersFile(opts.knownSenders) : await readKnownSendersFile(defaultKnownSendersPath(), true);
  if (opts.vault === undefined) return fromFile;
  const fromVault = await withVault(opts.vault, opts, (engine) => engine.listKnownSenders(), true);
  return [...fromVault, ...fromFile];
}

/** One row per timestamp that holds, or the plain word that there is none. */
function timestampRows(report: VerifyReport): [string, string][] {
  if (report.timestamps.length === 0) return [['Timestamp', "no timestamp: the seal time is the sealer's own clock"]];
  return report.timestamps.map((stamp): [string, string] => [
    'Timestamp',
    `sealed no later than ${utcMinute(stamp.genTime)}, per TSA ${printable(stamp.tsa)}${stamp.trusted ? '' : ' — TSA NOT CONFIRMED (no --tsa-trust): this time is not proven'} (${printable(stamp.path)})`,
  ]);
}

function printReport(report: VerifyReport, anySigner: boolean): void {
  const rows: [string, string][] = [
    ['Bundle', `${printable(report.bundle)} (${report.container})`],
    ['Signed by', signerLine(report)],
    ['Payload', `Payload-Oxum ${report.payloadOxum}; ${report.checkedFiles} files, ${report.checkedBytes} bytes hashed`],
    ...(report.since === null
      ? []
      : ([['Since', report.since.consistent ? `${printable(report.since.path)}: the log then (${report.since.size} events) is a prefix of this one; history was only appended to` : `${printable(report.since.path)}: NOT shown to be a prefix of this log (see the problems)`]] as [string, string][])),
    ...timestampRows(report),
    ['Custody log', report.custodyLog === null ? 'no checkpoint in the bundle: nothing shows the chains complete' : `checkpoint of ${report.custodyLog.origin}: ${report.custodyLog.size} events, root ${report.custodyLog.root}`],
  ];
  if (report.externalIdentifier !== null) rows.splice(1, 0, ['Case', printable(report.externalIdentifier)]);
  if (report.sealedAt !== null) rows.splice(1, 0, ['Sealed at', printable(report.sealedAt)]);
  printRows(rows);
  if (report.exhibits.length > 0) process.stdout.write('\n');
  for (const e of report.exhibits) {
    const name = e.originalName ?? e.path ?? '(missing)';
    process.stdout.write(`${e.number}  ${e.status}  ${printable(name)} — ${printable(e.summary)}\n`);
    // Only when a record names an operator: older bundles name only the tool.
    if (anyOperatorStated(e.custodyOperators)) process.stdout.write(`       ${OPERATORS_LABEL}: ${printable(operatorsText(e.custodyOperators, e.custodyOperatorsOmitted))}\n`);
    // Received from other vaults: each earlier hop was checked in turn (HOP_* problems otherwise).
    if (e.hopPath !== null) process.stdout.write(`       Path (${e.hops} earlier hop${e.hops === 1 ? '' : 's'}${e.problems.some((c) => c.startsWith('HOP_')) ? ', NOT all checked: see the problems' : ', each checked'}): ${printable(e.hopPath)}\n`);
  }
  const total = problemTotal(report.problemCounts);
  if (total > 0) process.stdout.write(`\nProblems (${total}):\n`);
  for (const p of report.problems) process.stdout.write(`  ${p.code}: ${printable(p.message)}\n`);
  // The report shows the first problems of each code; the rest are counted, not listed.
  const shown = new Map<string, number>();
  for (const p of report.problems) shown.set(p.code, (shown.get(p.code) ?? 0) + 1);
  for (const [code, n] of Object.entries(report.problemCounts)) {
    const more = (n ?? 0) - (shown.get(code) ?? 0);
    if (more > 0) process.stdout.write(`  … and ${more.toLocaleString('en-US').replace(/,/g, ' ')} more ${code}\n`);
  }
  if (report.noteCount > 0) process.stdout.write(`\nNotes (${report.noteCount}; they change no verdict):\n`);
  for (const n of report.notes) process.stdout.write(`  ${n.code}: ${printable(n.message)}\n`);
  if (report.noteCount > report.notes.length) process.stdout.write(`  … and ${report.noteCount - report.notes.length} more\n`);
  process.stdout.write(`\n${verdictLine(report, anySigner)}\n`);
}

/** A progress bar on stderr, only on a terminal and only for text output. */
function showProgress(quiet: boolean): { onProgress: (progress: VerifyProgress) => void; stop: () => void } {
  if (quiet || !process.stderr.isTTY) return { onProgress: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: '{bar} {percentage}% | {done}/{total} MB', hideCursor: true }, Presets.shades_classic);
  let running = false;
  const onProgress = (progress: VerifyProgress): void => {
    const { bytesDone, bytesTotal } = progress;
    const payload = { done: (bytesDone / 1e6).toFixed(1), total: (bytesTotal / 1e6).toFixed(1) };
    if (!running) bar.start(Math.max(1, bytesTotal), bytesDone, payload);
    else bar.update(bytesDone, payload);
    running = true;
  };
  const stop = (): void => {
    if (running) bar.stop();
    running = false;
  };
  return { onProgress, stop };
}

async function readTrustFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'latin1');
  } catch (err) {
    throw new TamgaError('NOT_FOUND', `The TSA trust list ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`, { path });
  }
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('check a sealed bundle (folder or .zip): every hash, the seal, the signer and each custody chain; needs no vault')
    .argument('<bundle>', 'the bundle folder or .zip file')
    .option('--key <fingerprint>', 'the key fingerprint its owner published; a seal by any other key fails (UNTRUSTED_SIGNER)')
    .option('--known-senders <file>', `a known senders file (FINGERPRINT NAME lines) instead of the default ${defaultKnownSendersPath()}`)
    .option('--vault <vault>', "also accept the known senders of this vault (unlocked read-only; passphrase as for other commands)")
    .option('--passphrase-file <file>', 'read the passphrase of --vault from this file')
    .option('--since <old>', "an earlier bundle (folder or .zip) or checkpoint file of the same vault: check that the vault's custody log only grew since (LOG_FORK otherwise)")
    .option('--tsa-trust <roots.pem>', 'the root certificates (PEM) of the timestamp servers you trust: each seal/*.tsr must lead to one (TIMESTAMP_UNTRUSTED otherwise); without it a timestamp is checked but its TSA not confirmed')
    .option('--any-signer', 'exit 0 for an intact bundle whoever sealed it: integrity only, the signer NOT checked (said on stderr)')
    .option('--json', 'print the report as JSON')
    .option('--time-limit <seconds>', 'stop and fail after this long (default: no limit)')
    .option('--max-bytes <bytes>', 'refuse bundles holding more bytes than this (default 4 TiB)')
    .option('--max-entries <count>', 'refuse bundles holding more files and folders than this (default 250000)')
    .addHelpText(
      'after',
      '\nExit codes: 0 valid and sealed by a confirmed key (--key, or a known sender); 1 a check failed, or the bundle is intact\n' +
        'but sealed by a key nobody confirmed (SIGNER_NOT_CONFIRMED; exit 0 with --any-signer); 2 it could not run.\n' +
        'Known senders: see tamga keys --help.',
    )
    .action(async (bundle: string, opts: VerifyCommandOptions) => {
      // Straight to the verifier, not through the engine facade: it needs no vault, and so
      // none of the libraries the engine loads (see ../load-engine.ts).
      const { verifyBundle } = await import('../../main/engine/bundle/verify/verify');
      const senders = await knownSenders(opts);
      const anySigner = opts.anySigner === true;
      const progress = showProgress(opts.json === true);
      try {
        const tsaTrust = opts.tsaTrust === undefined ? undefined : await readTrustFile(opts.tsaTrust);
        const request = {
          path: bundle,
          ...(opts.key === undefined ? {} : { key: opts.key }),
          ...(opts.since === undefined ? {} : { since: opts.since }),
          ...(tsaTrust === undefined ? {} : { tsaTrust }),
          knownSenders: senders,
          limits: limitsFrom(opts),
        };
        const report = await verifyBundle(request, { onProgress: progress.onProgress });
        progress.stop();
        if (opts.json) printJson(report);
        else printReport(report, anySigner);
        if (anySigner && report.verdict === 'intact-unconfirmed-signer') process.stderr.write(`${anySignerWarning(report)}\n`);
        process.exitCode = verifyExitCode(report, anySigner);
      } finally {
        progress.stop();
      }
    });
}
