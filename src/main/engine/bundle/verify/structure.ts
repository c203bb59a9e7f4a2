/**
 * The bag's shape against its manifests: every payload file listed in every payload
 * manifest and every listed file present (RFC 8493 §3); every file outside data/ listed in
 * the sealed tag manifest, except that manifest itself and the two seal files, which
 * cannot be (the seal signs the tag manifest), the custody log files and the timestamps
 * (seal/*.tsr, seal/*.tsa-chain.pem) that follow the seal; no fetch.txt (a sealed bundle holds its
 * payload, it does not point to it); and each payload file an exhibit, `data/E0001_…`,
 * with its own number.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { CUSTODY_LOG_FILES, exhibitOfPath, isTimestampFile, PAYLOAD_DIR, SEAL_PUBLIC_KEY, SEAL_SIGNATURE, TAGMANIFEST_SHA256 } from '../layout';
import type { Manifest } from './manifest';
import { problem, show } from './problems';
import type { BundleSource } from './source';

const FETCH_TXT = 'fetch.txt';
const UNLISTED_ALLOWED = new Set<string>([TAGMANIFEST_SHA256, SEAL_SIGNATURE, SEAL_PUBLIC_KEY, ...CUSTODY_LOG_FILES]);

export function isPayloadPath(path: string): boolean {
  return path.startsWith(`${PAYLOAD_DIR}/`);
}

function placeOf(path: string): { path: string; exhibit?: string } {
  const exhibit = exhibitOfPath(path);
  return exhibit === null ? { path } : { path, exhibit };
}

export function checkStructure(source: BundleSource, manifests: readonly Manifest[], problems: VerifyProblem[]): void {
  const payloadManifests = manifests.filter((m) => m.kind === 'payload');
  const sealed = manifests.find((m) => m.name === TAGMANIFEST_SHA256);
  const files = [...source.files.keys()];

  for (const path of files.filter(isPayloadPath)) {
    const missingFrom = payloadManifests.filter((m) => !m.entries.has(path)).map((m) => m.name);
    if (missingFrom.length > 0) {
      problems.push(problem('PAYLOAD_UNLISTED', `${show(path)} is in the payload but not in ${missingFrom.join(' or ')}: it was added after the bundle was sealed, or its line was removed.`, placeOf(path)));
    }
  }
  const listedPayload = new Set(payloadManifests.flatMap((m) => [...m.entries.keys()]));
  for (const path of listedPayload) {
    if (source.files.has(path) || source.refused.has(path)) continue;
    problems.push(problem('PAYLOAD_MISSING', `${show(path)} is listed in the payload manifests but is not in the bundle: it was removed or renamed.`, placeOf(path)));
  }

  for (const path of files.filter((p) => !isPayloadPath(p) && !UNLISTED_ALLOWED.has(p) && !isTimestampFile(p))) {
    if (sealed !== undefined && !sealed.entries.has(path)) {
      problems.push(problem('TAG_FILE_UNLISTED', `${show(path)} is not listed in ${TAGMANIFEST_SHA256}, so the seal does not cover it: it was added after the bundle was sealed.`, placeOf(path)));
    }
    if (path === FETCH_TXT) {
      problems.push(problem('FETCH_NOT_ALLOWED', `The bundle has a ${FETCH_TXT}, which asks for files to be fetched from elsewhere: a sealed bundle must hold all of its files, and Tamga never fetches.`, { path }));
    }
  }
  for (const manifest of manifests.filter((m) => m.kind === 'tag')) {
    for (const path of manifest.entries.keys()) {
      if (source.files.has(path) || source.refused.has(path)) continue;
      problems.push(problem('TAG_FILE_MISSING', `${show(path)} is listed in ${manifest.name} but is not in the bundle: it was removed or renamed.`, placeOf(path)));
    }
  }

  const byExhibit = new Map<string, string>();
  for (const path of files.filter(isPayloadPath)) {
    const exhibit = exhibitOfPath(path);
    if (exhibit === null) {
      problems.push(problem('PAYLOAD_NOT_AN_EXHIBIT', `${show(path)} is not named like an exhibit ("${PAYLOAD_DIR}/E0001_<name>"), so it has no custody log and no place in the exhibit list.`, { path }));
      continue;
    }
    const earlier = byExhibit.get(exhibit);
    if (earlier !== undefined) {
      problems.push(problem('DUPLICATE_EXHIBIT', `${show(path)} and ${show(earlier)} both claim to be exhibit ${exhibit}.`, { path, exhibit }));
    } else {
      byExhibit.set(exhibit, path);
    }
  }
}
