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
 * The chain files (….tsa-chain.pem) are for `openssl ts -verify`; this check never trusts
 * them (a root shipped in the bundle is chosen by whoever made the bundle), but it holds
 * them to what the tokens over this seal carry (trusted or not): a chain file that is not
 * certificates, that holds a certificate no such token carries or was checked against,
 * or that lacks such a token's signer is TIMESTAMP_CHAIN_MISMATCH. A changed chain file would otherwise pass
 * unnoticed here and mislead an auditor who runs OpenSSL with it.
 */
import type { VerifyNote, VerifyProblem, VerifyTimestamp } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';
import { SEAL_SIGNATURE } from '../layout';
import { problem, show } from './problems';

export interface TimestampInput {
  /** Each seal/*.tsr, by path; bytes null when it could not be read (its read problem says so). */
  readonly tokens: readonly { readonly path: string; readonly bytes: Uint8Array | null }[];
  /** The bytes of seal/tagmanifest-sha256.txt.sig, or null when absent (SEAL_MISSING says so). */
  readonly signature: Uint8Array | null;
  /** Each seal/*.tsa-chain.pem, by path; bytes null when it could not be read. */
  readonly chains: readonly { readonly path: string; readonly bytes: Uint8Array | null }[];
  /** The trust list as given (PEM text), or null for none. */
  readonly trust: string | null;
}

const PEM_CERT = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g;

export async function checkTimestamps(input: TimestampInput, problems: VerifyProblem[], notes: VerifyNote[]): Promise<VerifyTimestamp[]> {
  const found: VerifyTimestamp[] = [];
  if (input.signature === null || input.signature.byteLength === 0) return found;
  // Loaded here, not at the top: PKI.js is ~15 MB of memory, which a bundle without
  // timestamps (and a hostile one at its memory bound) should not pay for.
  const { verifyTimestamp } = await import('../../timestamp/token');
  const certificates = await import('../../timestamp/certificates');
  /** Each valid token's signer certificate, and every certificate it carries or was checked against, as PEM. */
  const signers = new Map<string, string>();
  const known = new Set<string>();
  for (const { path, bytes } of input.tokens) {
    if (bytes === null) continue;
    try {
      const facts = await verifyTimestamp(bytes, input.signature, input.trust === null ? { trustedRoots: [], skipChain: true } : { trustedRoots: [input.trust] });
      const tsa = facts.tsaName ?? facts.signer;
      const pems = facts.chainPem.match(PEM_CERT) ?? [];
      if (pems[0] !== undefined) signers.set(path, pems[0]);
      for (const pem of pems) known.add(pem);
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
        // Over this seal, signed, but by a TSA not trusted: what it carries is still what a chain file may hold.
        const carried = await verifyTimestamp(bytes, input.signature, { trustedRoots: [], skipChain: true });
        const pems = carried.chainPem.match(PEM_CERT) ?? [];
        if (pems[0] !== undefined) signers.set(path, pems[0]);
        for (const pem of pems) known.add(pem);
        problems.push(problem('TIMESTAMP_UNTRUSTED', `${show(path)} is signed by a TSA whose certificate does not lead to a root of the trust list: ${error.message}`, { path }));
      } else {
        problems.push(problem('TIMESTAMP_INVALID', `${show(path)} is not a valid timestamp over ${SEAL_SIGNATURE} (${error.code}): ${error.message}`, { path }));
      }
    }
  }
  // With no token over this seal, its problem says all: a chain file has nothing to match.
  if (signers.size > 0) checkChainFiles(input.chains, signers, known, certificates, problems);
  return found;
}

type Certificates = typeof import('../../timestamp/certificates');

function checkChainFiles(
  chains: TimestampInput['chains'],
  signers: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
  { parseCertificates, certificatePem }: Certificates,
  problems: VerifyProblem[],
): void {
  const shipped = new Set<string>();
  for (const { path, bytes } of chains) {
    if (bytes === null) continue;
    const mismatch = (what: string): void => void problems.push(problem('TIMESTAMP_CHAIN_MISMATCH', `${show(path)} ${what}.`, { path }));
    let pems: string[];
    try {
      pems = parseCertificates(bytes).map(certificatePem);
    } catch (error) {
      if (!(error instanceof TamgaError)) throw error;
      mismatch('is not a list of certificates (PEM)');
      continue;
    }
    const foreign = pems.filter((pem) => !known.has(pem)).length;
    if (foreign > 0) mismatch(`holds ${foreign} certificate${foreign === 1 ? '' : 's'} that no valid timestamp of this bundle carries: a root or a TSA certificate put there by someone else would make \`openssl ts -verify -CAfile\` with this file pass`);
    for (const pem of pems) shipped.add(pem);
  }
  if (chains.length === 0) return; // the chain file is a convenience: openssl needs only the TSA's published root
  for (const [token, signer] of signers) {
    if (!shipped.has(signer)) problems.push(problem('TIMESTAMP_CHAIN_MISMATCH', `No ${show('seal/*.tsa-chain.pem')} holds the certificate that signed ${show(token)}.`, { path: token }));
  }
}
