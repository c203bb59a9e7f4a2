/**
 * Reading an RFC 3161 answer (§2.4.2). The bytes are one of:
 *
 *   TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken ContentInfo OPTIONAL }
 *                     (what a TSA sends, and what a bundle stores as `.tsr`), or
 *   TimeStampToken ::= ContentInfo   (the bare token: `openssl ts -verify -token_in`)
 *
 * told apart by the first element of the outer SEQUENCE (a SEQUENCE for a response, an
 * OBJECT IDENTIFIER for a token). Nothing may follow the outer value. A token must be a
 * CMS SignedData (1.2.840.113549.1.7.2) whose encapsulated content is an id-ct-TSTInfo
 * (1.2.840.113549.1.9.16.1.4) present in the token, a TSTInfo of version 1, signed by
 * exactly one signer (§2.4.2: "MUST NOT contain any signatures other than the signature
 * of the TSA"). Anything else is TIMESTAMP_MALFORMED. This file only reads; token.ts
 * decides whether the token is true.
 */
import * as asn1js from 'asn1js';
import { ContentInfo, SignedData, TimeStampResp, TSTInfo, type PKIStatusInfo } from 'pkijs';
import { TamgaError } from '../../../shared/errors';

const ID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';

/** PKIStatus (RFC 3161 §2.4.2): 0 granted, 1 grantedWithMods; 2 and above carry no token. */
export const PKI_STATUS_NAMES: readonly string[] = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'];

/** PKIFailureInfo bits by number (RFC 3161 §2.4.2). */
const FAILURE_BITS: Readonly<Record<number, string>> = {
  0: 'badAlg',
  2: 'badRequest',
  5: 'badDataFormat',
  14: 'timeNotAvailable',
  15: 'unacceptedPolicy',
  16: 'unacceptedExtension',
  17: 'addInfoNotAvailable',
  25: 'systemFailure',
};

export interface TimestampStatus {
  /** The PKIStatus number. */
  readonly status: number;
  /** Its name ("granted", "rejection" …), or "status N" for a number RFC 3161 does not define. */
  readonly name: string;
  /** The PKIFreeText strings the TSA sent, if any. */
  readonly text: readonly string[];
  /** The names of the PKIFailureInfo bits set ("badAlg", "bit 7" for an undefined one). */
  readonly failInfo: readonly string[];
}

export interface TimestampToken {
  readonly signedData: SignedData;
  readonly tstInfo: TSTInfo;
}

export interface ParsedTimestamp {
  /** The status of a TimeStampResp; null when the bytes are a bare token. */
  readonly status: TimestampStatus | null;
  /** The token; null for a response without one (every status but granted and grantedWithMods). */
  readonly token: TimestampToken | null;
}

export function isGranted(status: TimestampStatus): boolean {
  return status.status === 0 || status.status === 1;
}

/** "rejection (badAlg): unsupported algorithm", for messages. */
export function describeStatus(status: TimestampStatus): string {
  const fail = status.failInfo.length > 0 ? ` (${status.failInfo.join(', ')})` : '';
  const text = status.text.length > 0 ? `: ${status.text.join(' ')}` : '';
  return `${status.name}${fail}${text}`;
}

function malformed(why: string): TamgaError {
  return new TamgaError('TIMESTAMP_MALFORMED', `This is not a readable RFC 3161 timestamp: ${why}.`);
}

function readStatus(info: PKIStatusInfo): TimestampStatus {
  const failInfo: string[] = [];
  if (info.failInfo !== undefined) {
    const bits = info.failInfo.valueBlock.valueHexView;
    const count = bits.length * 8 - info.failInfo.valueBlock.unusedBits;
    for (let bit = 0; bit < count; bit++) {
      if (((bits[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0) failInfo.push(FAILURE_BITS[bit] ?? `bit ${bit}`);
    }
  }
  return {
    status: info.status,
    name: PKI_STATUS_NAMES[info.status] ?? `status ${info.status}`,
    text: (info.statusStrings ?? []).map((s) => s.valueBlock.value),
    failInfo,
  };
}

function readToken(info: ContentInfo): TimestampToken {
  if (info.contentType !== ID_SIGNED_DATA) throw malformed(`the token is content type ${info.contentType}, not CMS SignedData`);
  const signedData = new SignedData({ schema: info.content });
  const encap = signedData.encapContentInfo;
  if (encap.eContentType !== ID_CT_TSTINFO) throw malformed(`the token signs content type ${encap.eContentType}, not a TSTInfo`);
  if (encap.eContent === undefined) throw malformed('the token does not contain its TSTInfo');
  if (signedData.signerInfos.length !== 1) throw malformed(`the token has ${signedData.signerInfos.length} signatures, not exactly one by the TSA`);
  const content = new Uint8Array(encap.eContent.getValue());
  const parsed = asn1js.fromBER(content);
  if (parsed.offset === -1 || parsed.offset !== content.byteLength) throw malformed('its TSTInfo is not one DER value');
  const tstInfo = new TSTInfo({ schema: parsed.result });
  if (tstInfo.version !== 1) throw malformed(`its TSTInfo is version ${tstInfo.version}, not 1`);
  return { signedData, tstInfo };
}

/** A TimeStampResp or a bare token; TIMESTAMP_MALFORMED for anything else. */
export function parseTimestamp(der: Uint8Array): ParsedTimestamp {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw malformed('it is not DER');
  if (parsed.offset !== der.byteLength) throw malformed(`${der.byteLength - parsed.offset} bytes follow its end`);
  const outer = parsed.result;
  const first = outer instanceof asn1js.Sequence ? outer.valueBlock.value[0] : undefined;
  try {
    if (first instanceof asn1js.ObjectIdentifier) return { status: null, token: readToken(new ContentInfo({ schema: outer })) };
    if (!(first instanceof asn1js.Sequence)) throw malformed('it is neither a TimeStampResp nor a TimeStampToken');
    const response = new TimeStampResp({ schema: outer });
    const status = readStatus(response.status);
    if (response.timeStampToken === undefined) return { status, token: null };
    return { status, token: readToken(response.timeStampToken) };
  } catch (err) {
    if (err instanceof TamgaError) throw err;
    throw malformed(err instanceof Error ? err.message : String(err));
  }
}
