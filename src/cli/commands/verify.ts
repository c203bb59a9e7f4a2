/**
 * `tamga verify <bundle> [--key FP] [--json]`: checks a sealed bundle (folder or .zip)
 * from anyone. Needs no vault and no passphrase. Exit 0 when the bundle is valid, 1 when
 * any check failed (every problem is printed), 2 when it could not run at all.
 *
 * Everything printed that comes from the bundle (names, field values) is escaped first:
 * a hostile exhibit name must not be able to move the cursor or forge a line of the report.
 */
import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import type { VerifyLimits, VerifyProgress, VerifyReport } from '../../shared/bundle';
import { TamgaError } from '../../shared/errors';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { printJson, printRows } from '../output';

interface VerifyCommandOptions {
  key?: string;
  json?: boolean;
  timeLimit?: string;
  maxBytes?: string;
  maxEntries?: string;
}

const BIDI = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** C0/C1 controls and bidi overrides as \u escapes. */
function printable(text: string): string {
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
  const { fingerprint, pinned, trust } = report.signer;
  switch (trust) {
    case 'trusted':
      return `${fingerprint ?? ''} — the key you gave with --key`;
    case 'untrusted':
      return `${fingerprint ?? ''} — NOT the key you gave (${pinned ?? ''})`;
    case 'not-compared':
      return `${fingerprint ?? ''} — not compared: check it against the fingerprint its owner published (--key)`;
    case 'unknown':
      return fingerprint === null ? 'none (no valid seal)' : `${fingerprint} — but the seal does not hold`;
  }
}

function printReport(report: VerifyReport): void {
  const rows: [string, string][] = [
    ['Bundle', `${printable(report.bundle)} (${report.container})`],
    ['Signed by', signerLine(report)],
    ['Payload', `Payload-Oxum ${report.payloadOxum}; ${report.checkedFiles} files, ${report.checkedBytes} bytes hashed`],
  ];
  if (report.externalIdentifier !== null) rows.splice(1, 0, ['Case', printable(report.externalIdentifier)]);
  if (report.sealedAt !== null) rows.splice(1, 0, ['Sealed at', printable(report.sealedAt)]);
  printRows(rows);
  if (report.exhibits.length > 0) process.stdout.write('\n');
  for (const e of report.exhibits) {
    const name = e.originalName ?? e.path ?? '(missing)';
    process.stdout.write(`${e.number}  ${e.status}  ${printable(name)} — ${printable(e.summary)}\n`);
  }
  if (report.problems.length > 0) process.stdout.write(`\nProblems (${report.problems.length}):\n`);
  for (const p of report.problems) process.stdout.write(`  ${p.code}: ${printable(p.message)}\n`);
  const verdict = report.valid ? 'VALID: every check passed.' : `INVALID: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}${report.complete ? '' : '; the check did not run to its end'}.`;
  process.stdout.write(`\n${verdict}\n`);
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

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('check a sealed bundle (folder or .zip): every hash, the seal, the signer and each custody chain; needs no vault')
    .argument('<bundle>', 'the bundle folder or .zip file')
    .option('--key <fingerprint>', 'the key fingerprint its owner published; a seal by any other key fails (UNTRUSTED_SIGNER)')
    .option('--json', 'print the report as JSON')
    .option('--time-limit <seconds>', 'stop and fail after this long (default: no limit)')
    .option('--max-bytes <bytes>', 'refuse bundles holding more bytes than this (default 4 TiB)')
    .option('--max-entries <count>', 'refuse bundles holding more files and folders than this (default 250000)')
    .action(async (bundle: string, opts: VerifyCommandOptions) => {
      // Straight to the verifier, not through the engine facade: it needs no vault, and so
      // none of the libraries the engine loads (see ../load-engine.ts).
      const { verifyBundle } = await import('../../main/engine/bundle/verify/verify');
      const progress = showProgress(opts.json === true);
      try {
        const report = await verifyBundle({ path: bundle, ...(opts.key === undefined ? {} : { key: opts.key }), limits: limitsFrom(opts) }, { onProgress: progress.onProgress });
        progress.stop();
        if (opts.json) printJson(report);
        else printReport(report);
        process.exitCode = report.valid ? EXIT_OK : EXIT_CHECK_FAILED;
      } finally {
        progress.stop();
      }
    });
}
