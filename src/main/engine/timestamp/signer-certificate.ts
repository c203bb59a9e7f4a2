/**
 * The two rules that tie a token's signature to a TSA certificate, beyond the CMS
 * signature itself:
 *
 * - RFC 3161 §2.3: the TSA's certificate MUST contain exactly one extendedKeyUsage
 *   extension, critical, whose only KeyPurposeId is id-kp-timeStamping
 *   (1.3.6.1.5.5.7.3.8). A certificate for anything else (a web server, a person) signs
 *   no timestamps, however well it chains.
 * - RFC 3161 §2.4.2 with RFC 2634/5035 (ESS): the signer's signed attributes MUST carry a
 *   SigningCertificate (1.2.840.113549.1.9.16.2.12, SHA-1) or SigningCertificateV2
 *   (1.2.840.113549.1.9.16.2.47, SHA-256 unless it names another hash) whose first
 *   ESSCertID is the hash of the signer's whole certificate (DER), so that no other
 *   certificate with the same key can be substituted under the signature.
 *
 * Both read the ASN.1 that pkijs and asn1js parsed; nothing is decoded by hand.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import { ExtKeyUsage, type Certificate, type SignerInfo } from 'pkijs';
import { certificateDer } from './certificates';

export const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const ID_CE_EXT_KEY_USAGE = '2.5.29.37';
const ID_AA_SIGNING_CERTIFICATE = '1.2.840.113549.1.9.16.2.12';
const ID_AA_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

const HASHES: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Why the certificate may not sign timestamps, or null when it may. */
export function timeStampingUsageProblem(cert: Certificate): string | null {
  const ekus = (cert.extensions ?? []).filter((e) => e.extnID === ID_CE_EXT_KEY_USAGE);
  if (ekus.length === 0) return 'it has no extendedKeyUsage extension, so it is not a timestamping certificate';
  if (ekus.length > 1) return 'it has more than one extendedKeyUsage extension';
  const eku = ekus[0];
  if (eku === undefined || !(eku.parsedValue instanceof ExtKeyUsage)) return 'its extendedKeyUsage extension cannot be read';
  const purposes = eku.parsedValue.keyPurposes;
  if (purposes.length !== 1 || purposes[0] !== ID_KP_TIME_STAMPING) return `its extendedKeyUsage is ${purposes.join(', ') || 'empty'}, not only id-kp-timeStamping`;
  if (!eku.critical) return 'its extendedKeyUsage (id-kp-timeStamping) is not marked critical';
  return null;
}

/** Why the signed attributes do not name this certificate, or null when they do. */
export function signingCertificateProblem(signerInfo: SignerInfo, cert: Certificate): string | null {
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const v2 = attributes.find((a) => a.type === ID_AA_SIGNING_CERTIFICATE_V2);
  const v1 = attributes.find((a) => a.type === ID_AA_SIGNING_CERTIFICATE);
  const attribute = v2 ?? v1;
  if (attribute === undefined) return 'its signed attributes have no SigningCertificate (ESS), which names the certificate that signed';
  const value: unknown = attribute.values[0];
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return 'its SigningCertificate attribute cannot be read';
  const fields = first.valueBlock.value;
  let hash = v2 !== undefined ? 'sha256' : 'sha1';
  let index = 0;
  if (v2 !== undefined && fields[0] instanceof asn1js.Sequence) {
    const oid = fields[0].valueBlock.value[0];
    const name = oid instanceof asn1js.ObjectIdentifier ? HASHES[oid.valueBlock.toString()] : undefined;
    if (name === undefined) return 'its SigningCertificateV2 uses a hash algorithm Tamga does not know';
    hash = name;
    index = 1;
  }
  const certHash = fields[index];
  if (!(certHash instanceof asn1js.OctetString)) return 'its SigningCertificate attribute cannot be read';
  const expected = createHash(hash).update(certificateDer(cert)).digest();
  if (!expected.equals(Buffer.from(certHash.valueBlock.valueHexView))) return 'its SigningCertificate attribute names another certificate than the one that signed';
  return null;
}
