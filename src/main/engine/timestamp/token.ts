/**
 * Checking an RFC 3161 timestamp over some bytes, and what it says once it holds. In this
 * order, each failure with its own code:
 *
 *  1. The bytes are a TimeStampResp or a bare token (response.ts), else TIMESTAMP_MALFORMED;
 *     a response's status is granted or grantedWithMods, else TSA_REFUSED, and a granted
 *     one carries a token, else TIMESTAMP_MALFORMED.
 *  2. The TSTInfo's messageImprint is the hash of exactly these bytes (SHA-256, or the
 *     SHA-384/512 a token names), else TIMESTAMP_IMPRINT_MISMATCH: a true token over other data.
 *  3. When checking a fresh answer to a request, its nonce is the request's, else
 *     TIMESTAMP_NONCE_MISMATCH: an old answer replayed, or one for someone else's request.
 *  4. The CMS signature over the signed attributes (whose messageDigest is the TSTInfo's
 *     hash) verifies with the key of the signer's certificate, which the token must carry
 *     (requests ask for it with certReq), else TIMESTAMP_SIGNATURE_INVALID (or, when the
 *     token does not carry that certificate, TIMESTAMP_UNTRUSTED_CHAIN).
 *  5. That certificate is a TSA certificate: critical extendedKeyUsage of only
 *     id-kp-timeStamping (RFC 3161 §2.3), else TIMESTAMP_SIGNER_NOT_TSA.
 *  6. The signed ESS SigningCertificate(V2) attribute names that very certificate, else
 *     TIMESTAMP_SIGNATURE_INVALID.
 *  7. The certificate chains, through certificates in the token, to one of the roots the
 *     user trusts, every certificate valid at genTime (the TSA vouches for the moment it
 *     signed; a TSA certificate that expired since does not undo a timestamp made while it
 *     was valid), else TIMESTAMP_UNTRUSTED_CHAIN. Revocation is not checked: Tamga is
 *     offline, and a trust list the user keeps is the control.
 *
 * What holds then: a TSA that the user trusts attested that the hash of these bytes
 * existed no later than genTime. Nothing about who made or sent them.
 */
import { createHash } from 'node:crypto';
import { CertificateChainValidationEngine, Certificate, checkCA, SignedDataVerifyError, type SignedData, type TSTInfo } from 'pkijs';
import { TamgaError } from '../../../shared/errors';
import { certificatePem, distinguishedName, generalName, integerHex, parseCertificates, PKI_ENGINE, serialHex } from './certificates';
import { describeStatus, isGranted, parseTimestamp } from './response';
import { signingCertificateProblem, timeStampingUsageProblem } from './signer-certificate';

export interface TimestampCheck {
  /** The root certificates the user trusts, each PEM text (one or more blocks) or one DER certificate. */
  readonly trustedRoots: readonly (string | Uint8Array)[];
  /** The nonce of the request this is a fresh answer to; leave it out for a stored token. */
  readonly nonce?: bigint;
  /**
   * Leave the chain unchecked (step 7): for a token just received from a TSA the user named
   * but may not yet trust (the vault stamps, verify checks the chain against a trust list).
   * The facts then have `root: null`, and chainPem is the signer's certificate followed by
   * the others the token carries.
   */
  readonly skipChain?: boolean;
}

export interface TimestampFacts {
  /** When the TSA says it signed: ISO 8601 UTC ("2026-03-01T12:00:00.000Z"). */
  readonly genTime: string;
  /** The TSA's stated accuracy of genTime in milliseconds (± this), or null when it states none. */
  readonly accuracyMs: number | null;
  /** The TSA's policy under which it issued the token (an OID). */
  readonly policy: string;
  /** The token's serial number, lower-case hex: unique per TSA. */
  readonly serialNumber: string;
  /** The nonce the token echoes, lower-case hex, or null. */
  readonly nonce: string | null;
  /** "SHA-256", "SHA-384" or "SHA-512": the hash of the data the token carries. */
  readonly hashAlgorithm: string;
  /** The TSTInfo's tsa field (the TSA's own name for itself), or null when it has none. */
  readonly tsaName: string | null;
  /** The subject of the certificate that signed, e.g. "C=LV, O=Example, CN=Example TSA". */
  readonly signer: string;
  /** The subject of the trusted root the chain ends in; null when the chain was not checked (skipChain). */
  readonly root: string | null;
  /**
   * The chain as PEM, signer first, trusted root last: what a bundle ships next to the
   * token for `openssl ts -verify -CAfile`. (Shipping the root is a convenience; an auditor
   * trusts it only after comparing it with the TSA's published one.)
   */
  readonly chainPem: string;
}

const IMPRINT_HASHES: Readonly<Record<string, readonly [string, string]>> = {
  '2.16.840.1.101.3.4.2.1': ['sha256', 'SHA-256'],
  '2.16.840.1.101.3.4.2.2': ['sha384', 'SHA-384'],
  '2.16.840.1.101.3.4.2.3': ['sha512', 'SHA-512'],
};

function checkImprint(tstInfo: TSTInfo, data: Uint8Array): string {
  const oid = tstInfo.messageImprint.hashAlgorithm.algorithmId;
  const hash = IMPRINT_HASHES[oid];
  if (hash === undefined) throw new TamgaError('TIMESTAMP_MALFORMED', `The timestamp is over a hash Tamga does not check (${oid}); only SHA-256, SHA-384 and SHA-512 are.`, { algorithm: oid });
  const actual = createHash(hash[0]).update(data).digest();
  const stamped = Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView);
  if (!actual.equals(stamped)) {
    throw new TamgaError('TIMESTAMP_IMPRINT_MISMATCH', `The timestamp is for other data: it carries ${hash[1]} ${stamped.toString('hex')}, and the data's is ${actual.toString('hex')}.`, {
      stamped: stamped.toString('hex'),
      actual: actual.toString('hex'),
    });
  }
  return hash[1];
}

function checkNonce(tstInfo: TSTInfo, expected: bigint): void {
  const got = tstInfo.nonce?.toBigInt() ?? null;
  if (got === expected) return;
  const want = expected.toString(16);
  throw new TamgaError(
    'TIMESTAMP_NONCE_MISMATCH',
    got === null
      ? `The timestamp server's answer has no nonce, and the request's was ${want}: it cannot be told apart from a replayed old answer.`
      : `The timestamp server's answer carries nonce ${got.toString(16)}, not the request's ${want}: it answers another request (a replayed old answer?).`,
    { expected: want, got: got === null ? null : got.toString(16) },
  );
}

async function checkSignature(signedData: SignedData, data: Uint8Array): Promise<Certificate> {
  try {
    const result = await signedData.verify({ signer: 0, data: new Uint8Array(data).buffer, checkChain: false, extendedMode: true }, PKI_ENGINE);
    if (result.signatureVerified === true && result.signerCertificate instanceof Certificate) return result.signerCertificate;
    throw new TamgaError('TIMESTAMP_SIGNATURE_INVALID', "The timestamp's signature does not verify with its signer's key: the token was changed or damaged.");
  } catch (err) {
    if (err instanceof TamgaError) throw err;
    if (err instanceof SignedDataVerifyError && err.code >= 1 && err.code <= 3) {
      throw new TamgaError('TIMESTAMP_UNTRUSTED_CHAIN', `The timestamp does not carry the certificate that signed it, so its signature cannot be traced to a trusted root (${err.message}).`);
    }
    const why = err instanceof Error ? err.message : String(err);
    throw new TamgaError('TIMESTAMP_SIGNATURE_INVALID', `The timestamp's signature does not verify: ${why}.`, { reason: why });
  }
}

async function checkChain(signedData: SignedData, signer: Certificate, roots: readonly Certificate[], at: Date): Promise<Certificate[]> {
  const subject = distinguishedName(signer.subject);
  if (roots.length === 0) throw new TamgaError('TIMESTAMP_UNTRUSTED_CHAIN', `No root certificate is trusted, so the timestamp by "${subject}" cannot be traced to one.`);
  // As pkijs's own SignedData.verify does: the token's CA certificates, then the signer last (its leaf).
  const intermediates = (signedData.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate && checkCA(c, signer) !== null);
  const engine = new CertificateChainValidationEngine({ trustedCerts: [...roots], certs: [...intermediates, signer], checkDate: at });
  let why: string;
  try {
    const result = await engine.verify({}, PKI_ENGINE);
    if (result.result && result.certificatePath !== undefined && result.certificatePath.length >= 2) return result.certificatePath;
    why = result.resultMessage;
  } catch (err) {
    why = err instanceof Error ? err.message : typeof err === 'object' && err !== null && 'resultMessage' in err ? String(err.resultMessage) : String(err);
  }
  throw new TamgaError('TIMESTAMP_UNTRUSTED_CHAIN', `The timestamp is signed by "${subject}", whose certificate does not lead to a trusted root valid at ${at.toISOString()} (${why}).`, {
    signer: subject,
    reason: why,
  });
}

function accuracyMs(tstInfo: TSTInfo): number | null {
  const a = tstInfo.accuracy;
  if (a === undefined) return null;
  return (a.seconds ?? 0) * 1000 + (a.millis ?? 0) + (a.micros ?? 0) / 1000;
}

/** Checks a timestamp (response or bare token) over `data`; throws the first failure (see above). */
export async function verifyTimestamp(der: Uint8Array, data: Uint8Array, check: TimestampCheck): Promise<TimestampFacts> {
  if (data.byteLength === 0) throw new TamgaError('INVALID_ARGUMENT', 'A timestamp is checked over some data; these are no bytes at all.');
  const roots = check.trustedRoots.flatMap((entry) => parseCertificates(entry));
  const parsed = parseTimestamp(der);
  if (parsed.status !== null && !isGranted(parsed.status)) {
    throw new TamgaError('TSA_REFUSED', `The timestamp server refused: ${describeStatus(parsed.status)}.`, { status: parsed.status.name, text: parsed.status.text, failInfo: parsed.status.failInfo });
  }
  if (parsed.token === null) throw new TamgaError('TIMESTAMP_MALFORMED', 'The timestamp server granted the request but sent no token.');
  const { signedData, tstInfo } = parsed.token;

  const hashAlgorithm = checkImprint(tstInfo, data);
  if (check.nonce !== undefined) checkNonce(tstInfo, check.nonce);
  const signer = await checkSignature(signedData, data);
  const subject = distinguishedName(signer.subject);
  const usage = timeStampingUsageProblem(signer);
  if (usage !== null) throw new TamgaError('TIMESTAMP_SIGNER_NOT_TSA', `The timestamp is signed by "${subject}", which may not sign timestamps: ${usage}.`, { signer: subject, serial: serialHex(signer) });
  const signerInfo = signedData.signerInfos[0];
  const ess = signerInfo === undefined ? 'it has no signer' : signingCertificateProblem(signerInfo, signer);
  if (ess !== null) throw new TamgaError('TIMESTAMP_SIGNATURE_INVALID', `The timestamp's signature is not bound to its certificate: ${ess}.`, { signer: subject });
  const unchecked = (): Certificate[] => [signer, ...(signedData.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate && serialHex(c) !== serialHex(signer))];
  const path = check.skipChain === true ? unchecked() : await checkChain(signedData, signer, roots, tstInfo.genTime);
  const root = check.skipChain === true ? null : (path[path.length - 1] ?? signer);

  return {
    genTime: tstInfo.genTime.toISOString(),
    accuracyMs: accuracyMs(tstInfo),
    policy: tstInfo.policy,
    serialNumber: integerHex(tstInfo.serialNumber),
    nonce: tstInfo.nonce === undefined ? null : integerHex(tstInfo.nonce),
    hashAlgorithm,
    tsaName: tstInfo.tsa === undefined ? null : generalName(tstInfo.tsa),
    signer: subject,
    root: root === null ? null : distinguishedName(root.subject),
    chainPem: path.map(certificatePem).join(''),
  };
}
