/**
 * bagit.txt, the bag declaration (RFC 8493 §2.1.1): exactly two lines,
 * `BagIt-Version: 1.0` and `Tag-File-Character-Encoding: UTF-8`, in that order. Tamga
 * checks version 1.0 bags only; the encoding name is compared without regard to case.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { BAGIT_TXT } from '../layout';
import { problem, show } from './problems';
import { tagLines } from './tag-text';

const place = { path: BAGIT_TXT };

export function checkBagitTxt(bytes: Uint8Array | null): VerifyProblem[] {
  if (bytes === null) {
    return [problem('BAGIT_TXT_MISSING', `There is no ${BAGIT_TXT}: this is not a BagIt bag, so it is not a Tamga bundle (or it was unpacked into the wrong folder).`, place)];
  }
  const text = tagLines(bytes);
  if (!text.ok) return [problem('BAGIT_TXT_INVALID', `${BAGIT_TXT} cannot be read: ${text.reason}.`, place)];
  const [version, encoding, ...rest] = text.lines;
  const problems: VerifyProblem[] = [];
  const versionMatch = /^BagIt-Version: (\S+)$/.exec(version?.text ?? '');
  if (versionMatch === null) {
    problems.push(problem('BAGIT_TXT_INVALID', `The first line of ${BAGIT_TXT} must be "BagIt-Version: 1.0"; it is ${show(version?.text ?? '')}.`, { ...place, line: 1 }));
  } else if (versionMatch[1] !== '1.0') {
    problems.push(problem('BAGIT_TXT_INVALID', `The bag is BagIt version ${show(versionMatch[1] ?? '')}; Tamga bundles are version 1.0 (RFC 8493).`, { ...place, line: 1 }));
  }
  if (!/^Tag-File-Character-Encoding: UTF-8$/i.test(encoding?.text ?? '')) {
    problems.push(problem('BAGIT_TXT_INVALID', `The second line of ${BAGIT_TXT} must be "Tag-File-Character-Encoding: UTF-8"; it is ${show(encoding?.text ?? '')}.`, { ...place, line: 2 }));
  }
  if (rest.length > 0) {
    problems.push(problem('BAGIT_TXT_INVALID', `${BAGIT_TXT} has ${rest.length} line(s) after its two declarations, which BagIt does not allow.`, { ...place, line: 3 }));
  }
  return problems;
}
