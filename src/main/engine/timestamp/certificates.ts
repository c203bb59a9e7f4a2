/**
 * X.509 certificates for RFC 3161 timestamps, read and written with pkijs (never
 * hand-written DER): a trust list of roots the user controls, as PEM text (any number of
 * "CERTIFICATE" blocks, anything between them ignored, as `openssl -CAfile` reads it) or as
 * the DER bytes of one certificate; the PEM form of a chain, for shipping next to a token
 * so that `openssl ts -verify -CAfile` can check it; and names as people read them.
 *
 * All cryptography goes through Node's WebCrypto (SHA-256, RSA PKCS#1 v1.5 and ECDSA),
 * which Electron's BoringSSL build provides as well; pkijs is handed this engine on every
 * call, so no global pkijs setting is read or changed.
 */
import { webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import { Certificate, CryptoEngine, type GeneralName, type RelativeDistinguishedNames } from 'pkijs';
import { TamgaError } from '../../../shared/errors';

// pkijs types its engine with the DOM's Crypto, which the Node build of the engine does not declare; Node's webcrypto is that API.
type WebCrypto = ConstructorParameters<typeof CryptoEngine>[0]['crypto'];
export const PKI_ENGINE = new CryptoEngine({ name: 'tamga-node-webcrypto', crypto: webcrypto as unknown as WebCrypto });

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n]+?)-----END CERTIFICATE-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** One DER certificate; null for anything else (trailing bytes included). */
export function decodeCertificate(der: Uint8Array): Certificate | null {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || parsed.offset !== der.byteLength) return null;
  try {
    return new Certificate({ schema: parsed.result });
  } catch {
    return null;
  }
}

/**
 * The certificates of a trust list entry: PEM text (or its bytes) with one or more
 * CERTIFICATE blocks, or one DER certificate. INVALID_ARGUMENT when nothing in it is a
 * certificate, or when a PEM block is not one: a typo in a trust list is fixed, not skipped.
 */
export function parseCertificates(input: string | Uint8Array): Certificate[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const text = bytes.toString('latin1');
  if (!text.includes('-----BEGIN')) {
    const cert = decodeCertificate(bytes);
    if (cert === null) throw new TamgaError('INVALID_ARGUMENT', 'This is not a certificate: a trust list entry is PEM text with CERTIFICATE blocks, or one DER certificate.');
    return [cert];
  }
  const certs: Certificate[] = [];
  for (const match of text.matchAll(PEM_BLOCK)) {
    const body = (match[1] ?? '').replace(/[\r\n]/g, '');
    const cert = BASE64.test(body) ? decodeCertificate(Buffer.from(body, 'base64')) : null;
    if (cert === null) throw new TamgaError('INVALID_ARGUMENT', `PEM block ${certs.length + 1} of the trust list is not a certificate.`, { block: certs.length + 1 });
    certs.push(cert);
  }
  if (certs.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'The trust list has no CERTIFICATE block.');
  return certs;
}

/** The DER bytes of a certificate (pkijs keeps the signed part as it was read). */
export function certificateDer(cert: Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema().toBER(false));
}

/** One "CERTIFICATE" PEM block, 64 base64 characters a line, LF line ends. */
export function certificatePem(cert: Certificate): string {
  const lines = Buffer.from(certificateDer(cert)).toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

const NAME_LABELS: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/**
 * A distinguished name as `openssl x509 -subject` orders it (as encoded, most general
 * first): "C=KZ, O=Example, CN=Example TSA". An attribute without a known label is shown
 * by its OID; a value that is not a string, as # and its hex DER.
 */
export function distinguishedName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => {
      const label = NAME_LABELS[tv.type] ?? tv.type;
      const raw: unknown = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
      const value = typeof raw === 'string' ? raw : `#${Buffer.from(tv.value.toBER(false)).toString('hex')}`;
      return `${label}=${value}`;
    })
    .join(', ');
}

/** A GeneralName (the TSTInfo tsa field) as text: a directory name as above, a DNS name, URI or e-mail as itself. */
export function generalName(name: GeneralName): string {
  const value: unknown = name.value;
  if (name.type === 4 && value !== null && typeof value === 'object' && 'typesAndValues' in value) return distinguishedName(value as RelativeDistinguishedNames);
  if (typeof value === 'string') return value;
  return `[GeneralName ${name.type}]`;
}

/** The certificate's serial number as lower-case hex, without leading zero bytes. */
export function serialHex(cert: Certificate): string {
  return integerHex(cert.serialNumber);
}

/** An ASN.1 INTEGER (non-negative, as serials and nonces are) as lower-case hex without leading zeros. */
export function integerHex(value: asn1js.Integer): string {
  const hex = value.toBigInt().toString(16);
  return hex.length % 2 === 0 ? hex : `0${hex}`;
}
