/**
 * README-VERIFY.txt against the sealed files. A clerk compares what its commands print
 * with the numbers and the fingerprint it states, so a sealed README that states other
 * ones would make a correct check look failed, or a wrong one look passed. Read back, in
 * the forms export/readme-verify.ts writes:
 *
 * - `Exhibits: <n> file(s) in data/, <bytes> bytes`: the payload manifest's exhibits and
 *   their bytes (required: every Tamga README states it);
 * - `Files in this folder, this one included: <n>.` and every `must print <n>`: the files
 *   the sealed manifests list, plus the three they cannot (checked when stated: READMEs of
 *   Tamga 0.1.0 state no total);
 * - every run of 64 hex digits: the seal's key fingerprint (at least one is required).
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { MANIFEST_SHA256, PAYLOAD_DIR, README_VERIFY, TAGMANIFEST_SHA256, UNLISTABLE_FILES } from '../layout';
import type { Manifest } from './manifest';
import { problem, show } from './problems';
import { decodeTagText } from './tag-text';

/** The sizes of payload files, by path. */
export type PayloadSizes = Pick<ReadonlyMap<string, number>, 'get' | 'has'>;

export interface ReadmeFacts {
  /** The seal's key fingerprint, or null when there is no readable key (the seal's own problem says so). */
  readonly fingerprint: string | null;
  readonly manifests: readonly Manifest[];
  /** Payload file path → size, as found (a view of the listing, not a copy: it may hold 250 000 files). */
  readonly sizes: PayloadSizes;
  /** How many of the custody log files that follow the seal (CUSTODY_LOG_FILES) the bundle holds. */
  readonly custodyLogFiles: number;
}

const EXHIBITS_LINE = new RegExp(`^Exhibits: (\\d+) files? in ${PAYLOAD_DIR}/, (\\d+) bytes`, 'mu');
const TOTAL_LINES = [/^Files in this folder, this one included: (\d+)\.$/gmu, /\bmust print (\d+)\b/gu];
const FINGERPRINTS = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/gu;

/**
 * The files a bundle folder holds as sealed: those its manifests list, the three they
 * cannot, and the custody log files that follow the seal (as many as are there: a bundle
 * whose README states them and lacks them has lost them); null without both manifests.
 */
export function sealedFileCount(manifests: readonly Manifest[], custodyLogFiles: number): number | null {
  const payload = manifests.find((m) => m.name === MANIFEST_SHA256);
  const tags = manifests.find((m) => m.name === TAGMANIFEST_SHA256);
  return payload === undefined || tags === undefined ? null : payload.entries.size + tags.entries.size + UNLISTABLE_FILES.length + custodyLogFiles;
}

export function checkReadme(bytes: Uint8Array | null, facts: ReadmeFacts, problems: VerifyProblem[]): void {
  if (bytes === null) return; // absent or unreadable: TAG_FILE_MISSING or its read problem says so
  const differ = (what: string): void => void problems.push(problem('README_VERIFY_MISMATCH', `${README_VERIFY} ${what}.`, { path: README_VERIFY }));
  const decoded = decodeTagText(bytes);
  if (!decoded.ok) return differ(`cannot be read (${decoded.reason}), so what it tells a clerk to compare was not checked`);
  const text = decoded.text;
  const payload = facts.manifests.find((m) => m.name === MANIFEST_SHA256);

  const exhibits = EXHIBITS_LINE.exec(text);
  if (exhibits === null) differ(`does not state the number of exhibits and their bytes ("Exhibits: <n> files in ${PAYLOAD_DIR}/, <bytes> bytes")`);
  else if (payload !== undefined) {
    const listed = [...payload.entries.keys()];
    const bytesListed = listed.reduce((sum, p) => sum + (facts.sizes.get(p) ?? 0), 0);
    if (Number(exhibits[1]) !== listed.length) differ(`says the bundle holds ${exhibits[1]} exhibit files, but ${MANIFEST_SHA256} lists ${listed.length}`);
    if (listed.every((p) => facts.sizes.has(p)) && Number(exhibits[2]) !== bytesListed) differ(`says the exhibits hold ${exhibits[2]} bytes, but the files ${MANIFEST_SHA256} lists hold ${bytesListed}`);
  }

  const sealedTotal = sealedFileCount(facts.manifests, facts.custodyLogFiles);
  if (sealedTotal !== null) {
    const stated = new Set(TOTAL_LINES.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => Number(m[1]))));
    for (const total of stated) {
      if (total !== sealedTotal) differ(`says the bundle folder holds ${total} files, but it holds ${sealedTotal} as sealed (the files its manifests list, ${UNLISTABLE_FILES.join(', ')}${facts.custodyLogFiles > 0 ? ' and the custody log files' : ''})`);
    }
  }

  const stated = [...new Set([...text.matchAll(FINGERPRINTS)].map((m) => m[0].toLowerCase()))];
  if (stated.length === 0) differ('states no key fingerprint to compare with the one the sender published');
  if (facts.fingerprint === null) return;
  for (const fingerprint of stated) {
    if (fingerprint !== facts.fingerprint) differ(`gives the key fingerprint ${show(fingerprint)}, but the seal's key is ${facts.fingerprint}`);
  }
}
