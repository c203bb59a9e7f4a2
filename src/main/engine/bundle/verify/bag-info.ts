/**
 * bag-info.txt (RFC 8493 §2.2.2): `Label: value` lines, a value continued on lines that
 * start with a space or tab. Labels are compared without regard to case. Labels that
 * may appear once (RFC 8493's and Tamga's own) are reported when repeated: two
 * Payload-Oxum or two key fingerprints would let a reader pick the one it likes.
 *
 * Payload-Oxum is `<payload bytes>.<payload files>` and must match the payload found.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { BAG_INFO_TXT, payloadOxum } from '../layout';
import { problem, show } from './problems';
import { tagLines } from './tag-text';

const SINGLE_LABELS = ['bagging-date', 'bag-size', 'payload-oxum', 'bag-group-identifier', 'bag-count', 'tamga-bundle-format', 'tamga-bundle-id', 'tamga-signer', 'tamga-key-fingerprint', 'tamga-sealed-at'];
const place = { path: BAG_INFO_TXT };

export interface BagInfo {
  /** Lower-case label → value (the first, when repeated). */
  get(label: string): string | null;
}

export function parseBagInfo(bytes: Uint8Array | null, problems: VerifyProblem[]): BagInfo | null {
  if (bytes === null) {
    problems.push(problem('BAG_INFO_MISSING', `There is no ${BAG_INFO_TXT}: a Tamga bundle names its sender, its seal and its Payload-Oxum there.`, place));
    return null;
  }
  const text = tagLines(bytes);
  if (!text.ok) {
    problems.push(problem('BAG_INFO_INVALID', `${BAG_INFO_TXT} cannot be read: ${text.reason}.`, place));
    return null;
  }
  const fields = new Map<string, string>();
  // The label whose value a continuation line extends; null after a repeated label, whose
  // continuation lines are dropped with it.
  let last: string | null = null;
  let continuable = false;
  for (const { text: line, number } of text.lines) {
    if (/^[ \t]/.test(line) && continuable) {
      if (last !== null) fields.set(last, `${fields.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const match = /^([^:\s][^:]*?): ?(.*)$/.exec(line);
    if (match === null) {
      problems.push(problem('BAG_INFO_INVALID', `Line ${number} of ${BAG_INFO_TXT} is not "Label: value": ${show(line)}.`, { ...place, line: number }));
      continuable = false;
      continue;
    }
    continuable = true;
    const label = (match[1] ?? '').toLowerCase();
    if (fields.has(label)) {
      // Every Tamga- label, the ones a later version adds included, names one fact of the bundle.
      if (SINGLE_LABELS.includes(label) || label.startsWith('tamga-')) problems.push(problem('BAG_INFO_INVALID', `${BAG_INFO_TXT} gives ${match[1]} more than once (line ${number}); it may appear only once.`, { ...place, line: number }));
      last = null;
      continue;
    }
    fields.set(label, match[2] ?? '');
    last = label;
  }
  return { get: (label) => fields.get(label.toLowerCase()) ?? null };
}

/** Payload-Oxum against the payload files found (their bytes and their number). */
export function checkPayloadOxum(info: BagInfo | null, bytes: number, files: number): VerifyProblem[] {
  if (info === null) return [];
  const found = payloadOxum(bytes, files);
  const value = info.get('Payload-Oxum');
  if (value === null) return [problem('PAYLOAD_OXUM_MISSING', `${BAG_INFO_TXT} has no Payload-Oxum, the count of payload bytes and files a quick check relies on.`, place)];
  const match = /^(\d{1,16})\.(\d{1,16})$/.exec(value);
  if (match === null) return [problem('PAYLOAD_OXUM_INVALID', `Payload-Oxum in ${BAG_INFO_TXT} is ${show(value)}, not "<bytes>.<files>".`, place)];
  if (value === found || (Number(match[1]) === bytes && Number(match[2]) === files)) return [];
  return [
    problem(
      'PAYLOAD_OXUM_MISMATCH',
      `Payload-Oxum says the payload is ${match[1]} bytes in ${match[2]} files, but the bundle holds ${bytes} bytes in ${files} files: files were added, removed or changed.`,
      place,
    ),
  ];
}
