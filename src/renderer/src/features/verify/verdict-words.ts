/**
 * One sentence per verdict, in the window's language: for the problems people meet most
 * (a changed file, a missing one, a broken or foreign seal, an edited custody log) and for
 * every problem of the bundle's structure, the window's own words; only for a code this
 * version does not know, the engine's sentence, which names the file. Pure.
 */
import type { TFunction } from 'i18next';
import type { ExhibitVerdict, VerifyProblem, VerifySigner } from '../../../../shared/bundle';
import type { OperatorActs } from '../../../../shared/operator';

const KNOWN = new Set([
  // The structure of the bundle and of its zip (hostile or damaged copies); the finding names the file by its path.
  'BAGIT_TXT_INVALID',
  'BAGIT_TXT_MISSING',
  'BAG_INFO_INVALID',
  'BAG_INFO_MISSING',
  'DUPLICATE_NAME',
  'ENCRYPTED_ENTRY',
  'ENTRY_TOO_LARGE',
  'FETCH_NOT_ALLOWED',
  'MANIFEST_ALGORITHM_UNSUPPORTED',
  'MANIFEST_CONFLICT',
  'MANIFEST_DUPLICATE_LINE',
  'MANIFEST_LINE_INVALID',
  'MANIFEST_MISSING',
  'PAYLOAD_OXUM_INVALID',
  'PAYLOAD_OXUM_MISSING',
  'READ_ERROR',
  'SPECIAL_FILE',
  'SYMLINK',
  'TAG_FILE_TOO_LARGE',
  'TIME_LIMIT',
  'TOO_LARGE',
  'TOO_MANY_ENTRIES',
  'UNSAFE_PATH',
  'UNSUPPORTED_COMPRESSION',
  'ZIP_BOMB',
  'ZIP_HEADER_MISMATCH',
  'ZIP_OVERLAP',
  'ZIP_PREFIXED',
  'ZIP_SIZE_MISMATCH',
  // The exhibits' own files and the seal.
  'PAYLOAD_HASH_MISMATCH',
  'PAYLOAD_MISSING',
  'PAYLOAD_UNLISTED',
  'PAYLOAD_OXUM_MISMATCH',
  'TAG_HASH_MISMATCH',
  'SEAL_MISSING',
  'SEAL_INVALID',
  'UNTRUSTED_SIGNER',
  'SIGNER_NOT_CONFIRMED',
  'NOT_A_BUNDLE',
  'CUSTODY_MISSING',
  'ZIP_CRC_MISMATCH',
  'ZIP_UNREADABLE',
  // The readable copies that contradict the sealed data (the engine's sentence names the file and both values).
  'EXHIBITS_CSV_MISMATCH',
  'EXHIBITS_JSON_INVALID',
  'REPORT_HTML_MISMATCH',
  'REPORT_PDF_MISMATCH',
  'README_VERIFY_MISMATCH',
  'EXHIBIT_FACT_MISMATCH',
  'SIGNER_ID_MISMATCH',
  // The custody log that follows the seal.
  'LOG_CHECKPOINT_INVALID',
  'LOG_PROOFS_INVALID',
  'LOG_PROOF_MISMATCH',
  'LOG_PROOF_MISSING',
  'LOG_FORK',
  // Timestamps added after the seal.
  'TIMESTAMP_INVALID',
  'TIMESTAMP_UNTRUSTED',
  'TIMESTAMP_CHAIN_MISMATCH',
]);

function isCustody(code: string): boolean {
  return code.startsWith('CUSTODY_') && code !== 'CUSTODY_MISSING';
}

export function problemSentence(t: TFunction, code: string, fallback: string, fingerprint: string | null = null): string {
  if (isCustody(code)) return t('verify.problems.CUSTODY');
  if (!KNOWN.has(code)) return fallback;
  return t(`verify.problems.${code}` as 'verify.problems.SEAL_MISSING', { key: fingerprint === null ? '' : `${fingerprint.slice(0, 4)}…${fingerprint.slice(-4)}` });
}

/** A FAIL names its first real problem; the unconfirmed signer, if also there, is said once for the whole bundle. */
export function exhibitSentence(t: TFunction, verdict: ExhibitVerdict, signer: VerifySigner): string {
  if (verdict.status === 'PASS') return t('verify.exhibitPasses', { count: verdict.custodyEvents });
  if (verdict.status === 'UNCONFIRMED') return t('verify.exhibitUnconfirmed');
  const first = verdict.problems.find((code) => code !== 'SIGNER_NOT_CONFIRMED');
  return first === undefined ? verdict.summary : problemSentence(t, first, verdict.summary, signer.fingerprint);
}

export function bundleProblems(problems: readonly VerifyProblem[]): VerifyProblem[] {
  return problems.filter((problem) => problem.exhibit === undefined);
}

/** "Aigerim Sultanova (observer) — Acquired, Tagged ×2; no operator stated — Described": who did each act, in the window's words for the acts. */
export function operatorsLine(t: TFunction, groups: readonly OperatorActs[], omitted: number): string {
  const acts = (group: OperatorActs): string =>
    group.acts.map(({ type, count }) => `${t(`custody.types.${type}` as 'custody.types.acquired', { defaultValue: type })}${count > 1 ? ` ×${count}` : ''}`).join(', ');
  const listed = groups.map((g) => `${g.operator ?? t('verify.noOperatorStated')} — ${acts(g)}`);
  if (omitted > 0) listed.push(t('verify.operatorsMore', { count: omitted }));
  return listed.join('; ');
}
