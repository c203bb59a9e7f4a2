/**
 * `verifyBundle`: checks a sealed bundle (folder or .zip) from anyone, trusting nothing in
 * it, and reports every problem with a code and a sentence, plus PASS/FAIL per exhibit.
 * It needs no vault and no passphrase, writes nothing anywhere (no temp files: contents
 * are streamed through hashes, never extracted), and stays within the limits of
 * limits.ts. docs/formats.md, "Verifying a bundle", lists every check and problem code.
 *
 * It throws only when it cannot run at all (no such path: NOT_FOUND; unreadable:
 * PERMISSION_DENIED; a malformed request: INVALID_ARGUMENT). A hostile, damaged or
 * oversized bundle is a report with valid = false.
 */
import type { BundleFormat, VerifyNote, VerifySince, VerifyProblem, VerifyProgress, VerifyReport, VerifyRequest, VerifyVerdict } from '../../../../shared/bundle';
import type { KnownSender } from '../../../../shared/senders';
import { TamgaError } from '../../../../shared/errors';
import { payloadOxum } from '../layout';
import { BundleCheck } from './bundle-check';
import { resolveLimits } from './limits';
import { problem, VerifyStopped } from './problems';
import { BoundedProblems } from './problem-summary';
import { normaliseFingerprint, type SealOutcome } from './seal';
import { openBundleSource } from './source';
import { checkSince } from './since-check';
import { exhibitVerdicts, type ExhibitFacts } from './verdicts';

export interface VerifyOptions {
  /** Stops the check (reported as TIME_LIMIT when the time limit fired, else as cancelled). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: VerifyProgress) => void;
}

function stoppedProblem(error: VerifyStopped): VerifyProblem {
  return error.reason === 'time-limit'
    ? problem('TIME_LIMIT', 'The check reached its time limit before it finished: the bundle was not checked in full, so it is not accepted.')
    : problem('TIME_LIMIT', 'The check was cancelled before it finished: the bundle was not checked in full, so it is not accepted.');
}

interface ReportParts {
  readonly container: BundleFormat;
  readonly complete: boolean;
  readonly problems: readonly VerifyProblem[];
  readonly seal: SealOutcome;
  readonly facts: readonly ExhibitFacts[];
  readonly check: BundleCheck | null;
  readonly notes?: readonly VerifyNote[];
  readonly since?: VerifySince | null;
}

/** As many notes as problems of one code are listed; the rest are counted. */
const NOTES_SHOWN = 50;

/** Intact but unconfirmed only when the unconfirmed signer is the one thing wrong (judged on the counts: past the first of a code, problems may be only counted). */
function verdictOf(problems: BoundedProblems, complete: boolean): VerifyVerdict {
  if (!complete) return 'invalid';
  if (problems.total === 0) return 'valid';
  return [...problems.counts.keys()].every((code) => code === 'SIGNER_NOT_CONFIRMED') ? 'intact-unconfirmed-signer' : 'invalid';
}

function report(path: string, pinned: string | null, parts: ReportParts): VerifyReport {
  const { check } = parts;
  const problems = BoundedProblems.copyOf(parts.problems);
  const payload = check === null ? { bytes: 0, files: 0 } : check.payloadTotals();
  const info = (label: string): string | null => check?.bagInfo?.get(label) ?? null;
  const verdict = verdictOf(problems, parts.complete);
  return {
    bundle: path,
    container: parts.container,
    verdict,
    valid: verdict === 'valid',
    complete: parts.complete,
    signer: { fingerprint: parts.seal.fingerprint, pinned, trust: parts.seal.trust, name: parts.seal.name },
    exhibits: exhibitVerdicts(parts.facts, problems, parts.seal.fingerprint, check?.hopOutcomes),
    ...problems.summary(),
    notes: (parts.notes ?? []).slice(0, NOTES_SHOWN),
    noteCount: parts.notes?.length ?? 0,
    since: parts.since ?? null,
    custodyLog: check?.custodyLog == null ? null : { origin: check.custodyLog.origin, size: check.custodyLog.size, root: check.custodyLog.root },
    payloadOxum: payloadOxum(payload.bytes, payload.files),
    checkedFiles: check?.checkedFiles ?? 0,
    checkedBytes: check?.checkedBytes ?? 0,
    bundleId: info('Tamga-Bundle-Id'),
    externalIdentifier: info('External-Identifier'),
    sealedAt: info('Tamga-Sealed-At'),
    timestamps: check?.timestamps ?? [],
  };
}

/** The known senders as given, each fingerprint normalised; INVALID_ARGUMENT for a malformed one. */
function checkKnownSenders(input: unknown): Pick<KnownSender, 'name' | 'fingerprint'>[] {
  if (input === undefined) return [];
  if (!Array.isArray(input)) throw new TamgaError('INVALID_ARGUMENT', 'knownSenders must be a list of {name, fingerprint}.');
  return input.map((sender: unknown) => {
    const { name, fingerprint } = (sender ?? {}) as { name?: unknown; fingerprint?: unknown };
    if (typeof name !== 'string' || name === '' || typeof fingerprint !== 'string') throw new TamgaError('INVALID_ARGUMENT', 'Each known sender needs a name and a fingerprint.');
    return { name, fingerprint: normaliseFingerprint(fingerprint) };
  });
}

/** The TSA trust list as given, checked to hold certificates (INVALID_ARGUMENT otherwise); null for none. */
async function checkTsaTrust(input: unknown): Promise<string | null> {
  if (input === undefined || input === null || input === '') return null;
  if (typeof input !== 'string') throw new TamgaError('INVALID_ARGUMENT', 'tsaTrust must be PEM text with the root certificates of the timestamp servers you trust.');
  // PKI.js (~15 MB of memory) is loaded only when timestamps are to be checked (as in timestamp-check.ts).
  const { parseCertificates } = await import('../../timestamp/certificates');
  parseCertificates(input);
  return input;
}

export async function verifyBundle(request: VerifyRequest, options: VerifyOptions = {}): Promise<VerifyReport> {
  if (typeof request.path !== 'string' || request.path === '') throw new TamgaError('INVALID_ARGUMENT', 'Name the bundle to verify: a folder or a .zip file.');
  if (request.key !== undefined && typeof request.key !== 'string') throw new TamgaError('INVALID_ARGUMENT', 'key must be a fingerprint: 64 hexadecimal digits.');
  const limits = resolveLimits(request.limits);
  const pinned = request.key === undefined || request.key === '' ? null : normaliseFingerprint(request.key);
  const signals = [options.signal, limits.timeLimitMs > 0 ? AbortSignal.timeout(limits.timeLimitMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
  const signal = AbortSignal.any(signals);
  const onProgress = options.onProgress ?? (() => undefined);
  const noSeal: SealOutcome = { publicKey: null, fingerprint: null, trust: 'unknown', name: null };
  const knownSenders = checkKnownSenders(request.knownSenders);
  const tsaTrust = await checkTsaTrust(request.tsaTrust);

  let opened;
  try {
    opened = await openBundleSource(request.path, limits, signal);
  } catch (error) {
    if (!(error instanceof VerifyStopped)) throw error;
    return report(request.path, pinned, { container: 'directory', complete: false, problems: [stoppedProblem(error)], seal: noSeal, facts: [], check: null });
  }
  if (!opened.ok) return report(request.path, pinned, { container: opened.container, complete: false, problems: opened.problems, seal: noSeal, facts: [], check: null });

  const check = new BundleCheck(opened.source, limits, signal, pinned, knownSenders, onProgress, tsaTrust);
  let complete = true;
  let since: VerifySince | null = null;
  try {
    await check.run();
    if (typeof request.since === 'string' && request.since !== '') {
      since = await checkSince({ path: request.since, checkpoint: check.custodyLog, earlier: check.earlierCheckpoints, publicKey: check.seal.publicKey }, limits, signal, check.problems);
    }
  } catch (error) {
    if (!(error instanceof VerifyStopped)) throw error;
    check.problems.push(stoppedProblem(error));
    complete = false;
  } finally {
    await check.close();
    await opened.source.close();
  }
  const facts = check.exhibitFacts();
  return report(request.path, pinned, { container: opened.source.container, complete, problems: check.problems, seal: check.seal, facts, check, notes: [...opened.source.notes, ...check.notes], since });
}
