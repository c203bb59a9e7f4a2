/**
 * What both reports (HTML and PDF) show, computed once: the bundle's header facts and, per
 * exhibit, the labelled lines a reader sees. Text from evidence and users is made visible
 * here (controls and bidi overrides written out); each renderer only escapes for its medium.
 */
import { bundleFileCount, COUNT_COMMAND, CUSTODY_LOG_FILES, EXTRA_FILES_COMMAND, FINGERPRINT_COMMAND, README_VERIFY, TIMESTAMP_COMMANDS, TIMESTAMP_TOKEN, TSA_ROOT_NAME, UNLISTABLE_FILES, VERIFY_COMMANDS } from '../layout';
import { captureText, custodySummary, deviceText, gpsText, hopPathText } from './describe';
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
  /** False for a bundle exported from a vault open read-only: it carries no custody log files. */
  readonly withCustodyLog: boolean;
  /** The files of the earlier hops the exhibits carry (counted with the bundle's files). */
  readonly hopFiles: number;
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

/** One paragraph of the verify box: prose, or a command set in monospace and never wrapped. */
export interface VerifyStep {
  readonly text: string;
  readonly command?: boolean;
}

/**
 * How to verify, as the reports print it: the commands of README-VERIFY.txt, in its order,
 * and what a pass does not prove, shorter. A command's own line breaks (EXTRA_FILES_COMMAND)
 * are where bash waits for more, so a copy of the lines runs as printed.
 */
export function reportVerifySteps(exhibitCount: number, withCustodyLog: boolean, hopFiles = 0): readonly VerifyStep[] {
  const [sha256Payload, sha512Payload, sha256Tags, opensslSeal] = VERIFY_COMMANDS;
  const [tsVerify, tsTime] = TIMESTAMP_COMMANDS;
  const command = (text: string): VerifyStep => ({ text, command: true });
  return [
    {
      text: 'This list describes the exhibits of a sealed bundle. To check the bundle without Tamga, open a terminal (bash) in the bundle folder and run each command. The manifests: every line must end in "OK":',
    },
    command(sha256Payload),
    command(sha512Payload),
    command(sha256Tags),
    { text: 'The seal, which must print "Signature Verified Successfully":' },
    command(opensslSeal),
    {
      text: `No file added: this lists every file no manifest lists (except ${[...UNLISTABLE_FILES, ...(withCustodyLog ? CUSTODY_LOG_FILES : [])].join(', ')}, which cannot be listed, and timestamp files, seal/*.tsr and seal/*.tsa-chain.pem, which may be added later) and must print nothing:`,
    },
    command(EXTRA_FILES_COMMAND),
    { text: `The number of files (timestamp files not counted), which must be ${bundleFileCount(exhibitCount, withCustodyLog, hopFiles)}:` },
    command(COUNT_COMMAND),
    { text: 'Who sealed it: this prints the fingerprint of the sealing key, which must equal the one the sender published by another channel:' },
    command(FINGERPRINT_COMMAND),
    {
      text: `When it was sealed, only if a timestamp came with the bundle (${TIMESTAMP_TOKEN}, possibly sent later): save the root certificate the timestamp authority publishes as ${TSA_ROOT_NAME} next to the bundle folder, not in it; this must print "Verification: OK", then the time and the authority:`,
    },
    command(tsVerify),
    command(tsTime),
    {
      text: `A pass shows the files are unchanged since that key sealed them. It does not show who holds the key (only the comparison above does; the fingerprint printed in this list is itself part of the bundle), when it was sealed (the sealed-at time is the sealer's own clock; a timestamp that passes shows only that the seal existed no later than its time), or that the custody logs are true (they record what the sealer's software recorded). ${README_VERIFY} in the bundle explains each step.`,
    },
  ];
}

/** The labels of the lines verify reads back from the PDF (verify/report-pdf-check.ts). */
export const FILE_LINE_LABELS = { file: 'File', size: 'Size', sha256: 'SHA-256', sha512: 'SHA-512' } as const;

/** A file's size as the reports print it: "999 bytes", "1234 bytes (1.2 kB)". */
export function sizeLine(size: number): string {
  return size < 1000 ? `${size} bytes` : `${size} bytes (${humanSize(size)})`;
}

/** An exhibit's first lines: its payload file, size and digests, as verify reads them back. */
export function fileLines(path: string, size: number, sha256: string, sha512: string): ReportLine[] {
  const L = FILE_LINE_LABELS;
  return [
    { label: L.file, value: visibleName(path), mono: true },
    { label: L.size, value: sizeLine(size) },
    { label: L.sha256, value: sha256, mono: true },
    { label: L.sha512, value: sha512, mono: true },
  ];
}

/** The label of the path line (verify reads it back from the HTML). */
export const HOP_PATH_LABEL = 'Path';

export function reportExhibit(e: SealedExhibit, header?: Pick<ReportHeader, 'vaultId' | 'sealedAt'>): ReportExhibit {
  const optional = (label: string, value: string | null | undefined): ReportLine | null =>
    value === null || value === undefined || value === '' ? null : { label, value: visibleText(value) };
  const lines: Array<ReportLine | null> = [
    ...fileLines(e.path, e.item.size, e.sha256, e.sha512),
    { label: 'Captured', value: visibleText(captureText(e) ?? 'not recorded in the file') },
    optional('GPS', gpsText(e)),
    optional('Device', deviceText(e)),
    optional('Title', e.text.title),
    optional('Description', e.text.description),
    optional('Place', e.text.place),
    optional('Tags', e.tags.join(', ')),
    { label: 'Custody', value: visibleText(custodySummary(e)) },
    header === undefined ? null : optional(HOP_PATH_LABEL, hopPathText(e, header.vaultId, header.sealedAt)),
  ];
  return { number: e.number, originalName: visibleName(e.item.originalName), lines: lines.filter((l): l is ReportLine => l !== null) };
}
