/**
 * bag-info.txt (RFC 8493 §2.2.2): one `Label: value` line per field, in the order of
 * BAG_INFO_LABELS, UTF-8, LF line ends. Fields without a value are left out. Every value
 * is folded to one line first, so nothing a user types can add a label or a line.
 */
import { BUNDLE_FORMAT_VERSION, BAG_INFO_LABELS, payloadOxum, type BagInfoLabel } from '../layout';
import { humanSize, oneLine } from './text';

export interface BagInfoInput {
  readonly organization: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly description: string;
  readonly caseIdentifier: string;
  readonly recipient: string;
  readonly bundleId: string;
  /** ISO 8601 UTC with milliseconds. */
  readonly sealedAt: string;
  readonly vaultId: string;
  readonly keyFingerprint: string;
  readonly payloadBytes: number;
  readonly payloadFiles: number;
}

export function bagInfoFields(input: BagInfoInput): Partial<Record<BagInfoLabel, string>> {
  return {
    'Source-Organization': input.organization,
    'Contact-Name': input.contactName,
    'Contact-Email': input.contactEmail,
    // RFC 8493: Bagging-Date is YYYY-MM-DD; the instant is Tamga-Sealed-At.
    'Bagging-Date': input.sealedAt.slice(0, 10),
    'Payload-Oxum': payloadOxum(input.payloadBytes, input.payloadFiles),
    'Bag-Size': humanSize(input.payloadBytes),
    'External-Identifier': input.caseIdentifier,
    'External-Description': input.description,
    'Tamga-Bundle-Format': String(BUNDLE_FORMAT_VERSION),
    'Tamga-Bundle-Id': input.bundleId,
    'Tamga-Recipient': input.recipient,
    'Tamga-Signer': input.vaultId,
    'Tamga-Key-Fingerprint': input.keyFingerprint,
    'Tamga-Sealed-At': input.sealedAt,
  };
}

export function bagInfoText(input: BagInfoInput): string {
  const fields = bagInfoFields(input);
  let out = '';
  for (const label of BAG_INFO_LABELS) {
    const value = oneLine(fields[label] ?? '');
    if (value !== '') out += `${label}: ${value}\n`;
  }
  return out;
}
