/**
 * The timestamps a bundle gained after its seal (docs/formats.md, "Timestamps"): every
 * `seal/*.tsr` is an RFC 3161 TimeStampResp (or bare token) over the exact bytes of
 * seal/tagmanifest-sha256.txt.sig, checked with token.ts:
 *
 * - with a trust list (`--tsa-trust roots.pem`), in full: the imprint, the TSA's signature
 *   and certificate, and its chain to one of those roots at genTime; a chain that leads to
 *   none of them is TIMESTAMP_UNTRUSTED;
 * - without one, all but the chain: the token is over this seal and its signature holds,
 *   but nothing says who the TSA is, so its time is not confirmed (note
 *   TIMESTAMP_TSA_NOT_CONFIRMED, and `trusted: false`);
 * - a token over other data, damaged or not a token at all is TIMESTAMP_INVALID, naming
 *   the file.
 *
 * The chain file (….tsa-chain.pem) is for `openssl ts -verify`; this check never trusts
 * it: a root shipped in the bundle is chosen by whoever made the bundle.
 */
import type { VerifyNote, VerifyProblem, VerifyTimestamp } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';
import { SEAL_SIGNATURE } from '../layout';
import { verifyTimestamp } from '../../timestamp/token';
import { problem, show } from './problems';

export interface TimestampInput {
  /** Each seal/*.tsr, by path; bytes null when it could not be read (its read problem says so). */
  readonly tokens: readonly { readonly path: string; readonly bytes: Uint8Array | null }[];
  /** The bytes of seal/tagmanifest-sha256.txt.sig, or null when absent (SEAL_MISSING says so). */
  readonly signature: Uint8Array | null;
  /** The trust list as given (PEM text), or null for none. */
  readonly trust: string | null;
}

export async function checkTimestamps(input: TimestampInput, problems: VerifyProblem[], notes: VerifyNote[]): Promise<VerifyTimestamp[]> {
  const found: VerifyTimestamp[] = [];
  if (input.signature === null || input.signature.byteLength === 0) return found;
  for (const { path, bytes } of input.tokens) {
    if (bytes === null) continue;
    try {
      const facts = await verifyTimestamp(bytes, input.signature, input.trust === null ? { trustedRoots: [], skipChain: true } : { trustedRoots: [input.trust] });
      const tsa = facts.tsaName ?? facts.signer;
      found.push({ path, genTime: facts.genTime, tsa, trusted: input.trust !== null });
      if (input.trust === null) {
        notes.push({
          code: 'TIMESTAMP_TSA_NOT_CONFIRMED',
          message: `${show(path)} is a timestamp over ${SEAL_SIGNATURE} signed by "${facts.signer}", but no TSA trust list was given (--tsa-trust), so nothing confirms who that TSA is: its time ${facts.genTime} is not confirmed.`,
          path,
        });
      }
    } catch (error) {
      if (!(error instanceof TamgaError)) throw error;
      if (input.trust !== null && error.code === 'TIMESTAMP_UNTRUSTED_CHAIN') {
        problems.push(problem('TIMESTAMP_UNTRUSTED', `${show(path)} is signed by a TSA whose certificate does not lead to a root of the trust list: ${error.message}`, { path }));
      } else {
        problems.push(problem('TIMESTAMP_INVALID', `${show(path)} is not a valid timestamp over ${SEAL_SIGNATURE} (${error.code}): ${error.message}`, { path }));
      }
    }
  }
  return found;
}
