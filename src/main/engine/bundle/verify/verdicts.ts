/**
 * Per-exhibit PASS/FAIL. An exhibit fails for its own problems (its file, its manifest
 * lines, its custody log, its entry in the exhibit list) and for any problem that breaks
 * the chain of trust for every exhibit at once: no valid seal, an unexpected signer, a
 * changed payload manifest, a bundle refused or checked only in part. Problems that touch
 * no exhibit (an extra file, an edited bag-info.txt) fail the bundle but not its exhibits.
 * An exhibit that would pass but whose seal is by a key nobody confirmed
 * (SIGNER_NOT_CONFIRMED) is UNCONFIRMED, never PASS: a forger who replaced the files and
 * re-signed everything with a key of their own gets exactly that.
 * Each verdict carries one sentence a person can act on.
 */
import type { OperatorActs } from '../../../../shared/operator';
import type { ExhibitVerdict, VerifyProblem, VerifyProblemCode } from '../../../../shared/bundle';
import { CUSTODY_DIR, exhibitOfPath, hopOfPath, MANIFEST_SHA256, MANIFEST_SHA512, PAYLOAD_DIR } from '../layout';
import type { HopOutcome } from './hop-check';

const TRUST_BREAKING = new Set<VerifyProblemCode>([
  'NOT_A_BUNDLE',
  'ZIP_UNREADABLE',
  'TOO_MANY_ENTRIES',
  'TOO_LARGE',
  'ZIP_OVERLAP',
  'ZIP_PREFIXED',
  'TIME_LIMIT',
  'BAGIT_TXT_MISSING',
  'BAGIT_TXT_INVALID',
  'MANIFEST_MISSING',
  'SEAL_MISSING',
  'SEAL_KEY_INVALID',
  'SEAL_INVALID',
  'UNTRUSTED_SIGNER',
  'SIGNER_KEY_MISMATCH',
  'SIGNER_ID_MISMATCH',
]);
const PAYLOAD_MANIFESTS = new Set([MANIFEST_SHA256, MANIFEST_SHA512]);
const MANIFEST_UNTRUSTED = new Set<VerifyProblemCode>(['TAG_HASH_MISMATCH', 'TAG_FILE_MISSING', 'TAG_FILE_TOO_LARGE', 'READ_ERROR']);

/** True when the problem leaves no exhibit's file or custody trustworthy. */
export function breaksTrust(p: VerifyProblem): boolean {
  // A whole-zip refusal has no path; a refused single entry has one and concerns that entry only.
  if (TRUST_BREAKING.has(p.code) || (p.path === undefined && (p.code === 'ZIP_BOMB' || p.code === 'ZIP_SIZE_MISMATCH' || p.code === 'ENCRYPTED_ENTRY'))) return true;
  return p.path !== undefined && PAYLOAD_MANIFESTS.has(p.path) && MANIFEST_UNTRUSTED.has(p.code);
}

export function exhibitOfProblem(p: VerifyProblem): string | null {
  return p.exhibit ?? (p.path === undefined ? null : (exhibitOfPath(p.path) ?? hopOfPath(p.path)?.exhibit ?? null));
}

/** True when the problem can change an exhibit's verdict: it breaks trust in all of them, or it is one exhibit's own. */
export function judgesAnExhibit(p: VerifyProblem): boolean {
  return breaksTrust(p) || exhibitOfProblem(p) !== null;
}

function sentence(p: VerifyProblem, fingerprint: string | null): string {
  switch (p.code) {
    case 'PAYLOAD_HASH_MISMATCH':
      return 'The file differs from the one that was sealed.';
    case 'PAYLOAD_MISSING':
      return 'The file is missing from the bundle.';
    case 'UNTRUSTED_SIGNER':
      return `Signed by a key you did not expect: ${fingerprint === null ? 'unknown' : `${fingerprint.slice(0, 8)}…`}`;
    case 'SEAL_MISSING':
    case 'SEAL_KEY_INVALID':
    case 'SEAL_INVALID':
      return 'The bundle\'s seal does not hold, so nothing in it can be trusted.';
    case 'TIME_LIMIT':
      return 'Not fully checked: the time limit was reached.';
    case 'ACQUIRED_HASH_MISMATCH':
      return 'Its chain of custody records a different file than the one in the bundle.';
    case 'CUSTODY_MISSING':
      return 'Its chain of custody is missing.';
    case 'EXHIBITS_JSON_MISMATCH':
      return 'The exhibit list describes it differently from the sealed file.';
    case 'REPORT_PDF_MISMATCH':
      return 'The PDF exhibit list describes it differently from the sealed file.';
    case 'TAG_HASH_MISMATCH':
      return p.path?.startsWith(CUSTODY_DIR) === true ? 'Its chain of custody was changed after the bundle was sealed.' : p.message;
    default:
      if (p.code.startsWith('CUSTODY_')) return 'Its chain of custody was altered or damaged after it was signed.';
      return p.message;
  }
}

/** Which of an exhibit's own problems its one sentence names: the file first, then its custody. */
function rank(p: VerifyProblem): number {
  if (p.path?.startsWith(`${PAYLOAD_DIR}/`) === true) return 0;
  if (p.code.startsWith('CUSTODY_') || p.code === 'ACQUIRED_HASH_MISMATCH') return 1;
  return 2;
}

export interface ExhibitFacts {
  readonly number: string;
  readonly path: string | null;
  readonly originalName: string | null;
  readonly itemId: string | null;
  readonly sha256: string | null;
  readonly size: number | null;
  readonly custodyEvents: number;
  readonly custodyWithheld: number;
  readonly custodyOperators: readonly OperatorActs[];
  readonly custodyOperatorsOmitted: number;
}

export function exhibitVerdicts(facts: readonly ExhibitFacts[], problems: readonly VerifyProblem[], fingerprint: string | null, hops: ReadonlyMap<string, HopOutcome> = new Map()): ExhibitVerdict[] {
  const general = problems.filter(breaksTrust);
  const unconfirmed = problems.some((p) => p.code === 'SIGNER_NOT_CONFIRMED');
  // Grouped once: a bundle may hold 100 000 exhibits and as many problems.
  const byExhibit = new Map<string, VerifyProblem[]>();
  for (const p of problems) {
    const exhibit = breaksTrust(p) ? null : exhibitOfProblem(p);
    if (exhibit === null) continue;
    const list = byExhibit.get(exhibit);
    if (list === undefined) byExhibit.set(exhibit, [p]);
    else list.push(p);
  }
  return facts.map((f) => {
    const fact = { ...f, hops: hops.get(f.number)?.hops ?? 0, hopPath: hops.get(f.number)?.path ?? null };
    const own = [...(byExhibit.get(fact.number) ?? [])].sort((a, b) => rank(a) - rank(b));
    const failing = [...general, ...own];
    // What is wrong with the file itself is the most specific thing to say; else the broken
    // trust; else the rest. A changed file beats a refused one (both are rank 0).
    const fileProblem = own.find((p) => p.code === 'PAYLOAD_HASH_MISMATCH') ?? (own[0] !== undefined && rank(own[0]) === 0 ? own[0] : undefined);
    const first = fileProblem ?? failing[0];
    const withheld =
      fact.custodyWithheld === 0
        ? ''
        : `; ${fact.custodyWithheld} of them withheld: signed and linked, but their contents (text the sender keeps private: notes, or a description marked private) stayed in the sender's vault and were not checked`;
    const intact = `The file is the one that was sealed, and its chain of custody (${fact.custodyEvents} event${fact.custodyEvents === 1 ? '' : 's'}${withheld}) is intact`;
    const codes = [...new Set(failing.map((p) => p.code))];
    if (unconfirmed) codes.push('SIGNER_NOT_CONFIRMED');
    if (first === undefined && unconfirmed) {
      return { ...fact, status: 'UNCONFIRMED', summary: `${intact}, but nothing confirms who sealed it: the key is neither one you gave nor a known sender's.`, problems: codes };
    }
    return {
      ...fact,
      status: first === undefined ? 'PASS' : 'FAIL',
      summary: first === undefined ? `${intact}.` : sentence(first, fingerprint),
      problems: codes,
    };
  });
}
