/**
 * What both reports (HTML and PDF) show, computed once: the bundle's header facts and, per
 * exhibit, the labelled lines a reader sees. Text from evidence and users is made visible
 * here (controls and bidi overrides written out); each renderer only escapes for its medium.
 */
import { FINGERPRINT_COMMAND, VERIFY_COMMANDS } from '../layout';
import { captureText, custodySummary, deviceText, gpsText } from './describe';
import type { SealedExhibit } from './exhibit';
import { humanSize, visibleName, visibleText } from './text';

export interface ReportHeader {
  readonly bundleId: string;
  readonly sealedAt: string;
  readonly caseIdentifier: string;
  readonly caseName: string;
  readonly description: string;
  readonly recipient: string;
  readonly organization: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly keyFingerprint: string;
  readonly vaultId: string;
  readonly payloadBytes: number;
  readonly exhibitCount: number;
}

export interface ReportLine {
  readonly label: string;
  readonly value: string;
  /** Hashes and paths: set in a monospaced font and allowed to break anywhere. */
  readonly mono?: boolean;
}

export interface ReportExhibit {
  readonly number: string;
  readonly originalName: string;
  readonly lines: readonly ReportLine[];
}

/** The header facts as labelled lines, empty ones left out. */
export function headerLines(h: ReportHeader): ReportLine[] {
  const lines: Array<ReportLine | null> = [
    h.caseIdentifier !== '' ? { label: 'Case', value: visibleText(h.caseIdentifier) } : null,
    h.caseName !== '' && h.caseName !== h.caseIdentifier ? { label: 'Case name', value: visibleText(h.caseName) } : null,
    h.description !== '' ? { label: 'Description', value: visibleText(h.description) } : null,
    h.recipient !== '' ? { label: 'Recipient', value: visibleText(h.recipient) } : null,
    h.organization !== '' ? { label: 'From', value: visibleText(h.organization) } : null,
    h.contactName !== '' || h.contactEmail !== '' ? { label: 'Contact', value: visibleText([h.contactName, h.contactEmail].filter((s) => s !== '').join(', ')) } : null,
    { label: 'Exhibits', value: `${h.exhibitCount} (${humanSize(h.payloadBytes)}, ${h.payloadBytes} bytes)` },
    { label: 'Sealed at', value: h.sealedAt.replace('T', ' ').replace('Z', ' UTC') },
    { label: 'Bundle id', value: h.bundleId, mono: true },
    { label: 'Signer (vault id)', value: h.vaultId, mono: true },
    { label: 'Key fingerprint', value: h.keyFingerprint, mono: true },
  ];
  return lines.filter((l): l is ReportLine => l !== null);
}

/** How to verify, as the reports print it (the same commands as README-VERIFY.txt). */
export const REPORT_VERIFY_STEPS = {
  intro:
    'This list describes the exhibits of a sealed bundle. To check that the bundle is complete and unchanged, open a terminal in the bundle folder and run (each must pass):',
  commands: VERIFY_COMMANDS,
  fingerprintIntro: 'Then check who sealed it: this prints the fingerprint of the sealing key, which must equal the one the sender published:',
  fingerprintCommand: FINGERPRINT_COMMAND,
  readme: 'README-VERIFY.txt in the bundle explains each step.',
} as const;

export function reportExhibit(e: SealedExhibit): ReportExhibit {
  const optional = (label: string, value: string | null | undefined): ReportLine | null =>
    value === null || value === undefined || value === '' ? null : { label, value: visibleText(value) };
  const lines: Array<ReportLine | null> = [
    { label: 'File', value: visibleName(e.path), mono: true },
    { label: 'Size', value: e.item.size < 1000 ? `${e.item.size} bytes` : `${e.item.size} bytes (${humanSize(e.item.size)})` },
    { label: 'SHA-256', value: e.sha256, mono: true },
    { label: 'SHA-512', value: e.sha512, mono: true },
    { label: 'Captured', value: visibleText(captureText(e) ?? 'not recorded in the file') },
    optional('GPS', gpsText(e)),
    optional('Device', deviceText(e)),
    optional('Title', e.text.title),
    optional('Description', e.text.description),
    optional('Place', e.text.place),
    optional('Tags', e.tags.join(', ')),
    { label: 'Custody', value: visibleText(custodySummary(e)) },
  ];
  return { number: e.number, originalName: visibleName(e.item.originalName), lines: lines.filter((l): l is ReportLine => l !== null) };
}
