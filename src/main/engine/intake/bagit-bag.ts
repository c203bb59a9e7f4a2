/**
 * A plain BagIt bag (RFC 8493) as bagit-python or Archivematica make it, checked before
 * its payload is taken in: bagit.txt read, every payload manifest (md5, sha1, sha256,
 * sha512) checked against every payload file, every tag manifest against its tag files,
 * Payload-Oxum compared, and bag-info.txt kept as the sender's statements (label and value,
 * in file order; nothing in it is checked or believed). A folder or a zip (one top-level
 * folder holding bagit.txt, or bagit.txt at the root).
 *
 * The bag is read through the verifier's source (bundle/verify/source.ts): a listing built
 * by walking the bag, links refused, names checked, nothing extracted, hostile zips bounded;
 * manifest lines are read by the verifier's strict manifest parser. A problem never throws:
 * it is listed, and `complete` is false.
 */
import { createHash, type Hash } from 'node:crypto';
import type { VerifyProblem } from '../../../shared/bundle';
import type { BagCheck, BagInfoField, BagPayloadFile, IntakeProblem } from '../../../shared/intake';
import { BAG_INFO_TXT, BAGIT_TXT, PAYLOAD_DIR } from '../bundle/layout';
import { checkPayloadOxum, parseBagInfo } from '../bundle/verify/bag-info';
import { isHashAlgorithm, type HashAlgorithm } from '../bundle/verify/hashing';
import { resolveLimits } from '../bundle/verify/limits';
import { manifestName, parseManifest, type Manifest } from '../bundle/verify/manifest';
import { show } from '../bundle/verify/problems';
import { openBundleSource, type BundleSource } from '../bundle/verify/source';
import { decodeTagText, tagLines } from '../bundle/verify/tag-text';

async function readWhole(source: BundleSource, path: string, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.read(path, signal)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function digestsOf(source: BundleSource, path: string, algorithms: readonly HashAlgorithm[], signal: AbortSignal): Promise<Record<string, string>> {
  const hashes = new Map<HashAlgorithm, Hash>(algorithms.map((a) => [a, createHash(a)]));
  for await (const chunk of source.read(path, signal)) for (const hash of hashes.values()) hash.update(chunk);
  return Object.fromEntries([...hashes].map(([a, h]) => [a, h.digest('hex')]));
}

/** bag-info.txt as the sender wrote it: every label and value in order, continuation lines joined by a space. */
export function bagInfoFields(bytes: Uint8Array, problems: IntakeProblem[]): BagInfoField[] {
  const text = tagLines(bytes);
  if (!text.ok) {
    problems.push({ code: 'BAG_INFO_INVALID', message: `${BAG_INFO_TXT} cannot be read: ${text.reason}.`, path: BAG_INFO_TXT });
    return [];
  }
  const fields: { label: string; value: string }[] = [];
  for (const { text: line, number } of text.lines) {
    const last = fields.at(-1);
    if (/^[ \t]/.test(line) && last !== undefined) {
      last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const match = /^([^:\s][^:]*?): ?(.*)$/.exec(line);
    if (match === null) {
      problems.push({ code: 'BAG_INFO_INVALID', message: `Line ${number} of ${BAG_INFO_TXT} is not "Label: value": ${show(line)}.`, path: BAG_INFO_TXT });
      continue;
    }
    fields.push({ label: match[1] ?? '', value: match[2] ?? '' });
  }
  return fields;
}

/**
 * RFC 8493 separates digest and path by one or more spaces or tabs; the verifier's parser
 * reads only sha256sum's two characters (Tamga's own bundles). Other tools' bags are read
 * with the first run of blanks made sha256sum's "  " (a "*" after it is kept).
 */
export function sha256sumForm(bytes: Uint8Array): Uint8Array {
  const decoded = decodeTagText(bytes);
  // Text that is not UTF-8 is left as it is, for the parser to refuse.
  if (!decoded.ok) return bytes;
  return Buffer.from(decoded.text.replace(/^([0-9A-Fa-f]+)[ \t]+(\*?)/gm, (_, digest: string, star: string) => (star === '' ? `${digest}  ` : `${digest} *`)), 'utf8');
}

const fromVerify = (p: VerifyProblem): IntakeProblem => ({ code: p.code, message: p.message, ...(p.path === undefined ? {} : { path: p.path }) });

export async function checkBag(path: string, signal: AbortSignal = new AbortController().signal): Promise<BagCheck> {
  const problems: IntakeProblem[] = [];
  const opened = await openBundleSource(path, resolveLimits(), signal);
  if (!opened.ok) {
    return { kind: 'bagit', version: null, manifestAlgorithms: [], tagManifestAlgorithms: [], payload: [], bagInfo: [], complete: false, problems: opened.problems.map(fromVerify) };
  }
  const { source } = opened;
  try {
    problems.push(...source.problems.map(fromVerify));
    for (const refused of source.refused) problems.push({ code: 'BAG_FILE_REFUSED', message: `${show(refused)} is not a regular file (a link, or an entry Tamga does not read): it was not taken in.`, path: refused });

    let version: string | null = null;
    if (!source.files.has(BAGIT_TXT)) {
      problems.push({ code: 'BAGIT_TXT_MISSING', message: `There is no ${BAGIT_TXT}: this is not a BagIt bag.`, path: BAGIT_TXT });
    } else {
      const declared: VerifyProblem[] = [];
      const info = parseBagInfo(await readWhole(source, BAGIT_TXT, signal), declared);
      version = info?.get('BagIt-Version') ?? null;
      const encoding = info?.get('Tag-File-Character-Encoding') ?? null;
      if (version === null || !/^\d+\.\d+$/.test(version)) problems.push({ code: 'BAGIT_TXT_INVALID', message: `${BAGIT_TXT} does not give a BagIt-Version.`, path: BAGIT_TXT });
      if (encoding === null || encoding.toUpperCase() !== 'UTF-8') problems.push({ code: 'BAGIT_TXT_INVALID', message: `${BAGIT_TXT} gives the tag file encoding ${show(encoding ?? '')}; Tamga reads UTF-8 bags only.`, path: BAGIT_TXT });
    }

    const payloadManifests: Manifest[] = [];
    const tagManifests: Manifest[] = [];
    for (const file of source.files.values()) {
      if (file.path.includes('/')) continue;
      const named = manifestName(file.path);
      if (named === null) continue;
      if (!isHashAlgorithm(named.algorithm)) {
        problems.push({ code: 'BAG_ALGORITHM_UNSUPPORTED', message: `${show(file.path)} uses ${show(named.algorithm)}, which Tamga does not compute (md5, sha1, sha256, sha512): it was not checked.`, path: file.path });
        continue;
      }
      const found: VerifyProblem[] = [];
      const manifest = parseManifest(file.path, named.kind, named.algorithm, sha256sumForm(await readWhole(source, file.path, signal)), found);
      problems.push(...found.map(fromVerify));
      (named.kind === 'payload' ? payloadManifests : tagManifests).push(manifest);
    }
    if (payloadManifests.length === 0) problems.push({ code: 'BAG_MANIFEST_MISSING', message: 'The bag has no payload manifest (manifest-<algorithm>.txt): nothing shows its files are as the sender bagged them.' });

    const algorithms = [...new Set<HashAlgorithm>(['sha256', ...payloadManifests.map((m) => m.algorithm)])];
    const payload: BagPayloadFile[] = [];
    let bytes = 0;
    for (const file of source.files.values()) {
      if (!file.path.startsWith(`${PAYLOAD_DIR}/`)) continue;
      const digests = await digestsOf(source, file.path, algorithms, signal);
      bytes += file.size;
      let listedIn = 0;
      let mismatch = false;
      for (const manifest of payloadManifests) {
        const listed = manifest.entries.get(file.path);
        if (listed === undefined) {
          problems.push({ code: 'BAG_PAYLOAD_UNLISTED', message: `${show(file.path)} is in the bag but not in ${manifest.name}: it was added after bagging, or the manifest is incomplete.`, path: file.path });
          continue;
        }
        listedIn += 1;
        if (listed.digest !== digests[manifest.algorithm] || manifest.conflicted.has(file.path)) {
          problems.push({ code: 'BAG_PAYLOAD_MISMATCH', message: `${show(file.path)} does not match its ${manifest.algorithm} in ${manifest.name}: it changed after it was bagged.`, path: file.path });
          mismatch = true;
        }
      }
      // 'ok' only when every payload manifest lists it with its digest.
      const status: BagPayloadFile['status'] = mismatch ? 'mismatch' : listedIn === 0 ? 'unlisted' : listedIn < payloadManifests.length ? 'mismatch' : 'ok';
      payload.push({ path: file.path, size: file.size, digests, status });
    }
    for (const manifest of payloadManifests) {
      for (const listed of manifest.entries.keys()) {
        if (!source.files.has(listed)) problems.push({ code: 'BAG_PAYLOAD_MISSING', message: `${manifest.name} lists ${show(listed)}, which is not in the bag.`, path: listed });
      }
    }

    for (const manifest of tagManifests) {
      for (const [listed, line] of manifest.entries) {
        if (!source.files.has(listed)) {
          problems.push({ code: 'BAG_TAG_FILE_MISSING', message: `${manifest.name} lists ${show(listed)}, which is not in the bag.`, path: listed });
          continue;
        }
        const digest = (await digestsOf(source, listed, [manifest.algorithm], signal))[manifest.algorithm];
        if (digest !== line.digest) problems.push({ code: 'BAG_TAG_FILE_MISMATCH', message: `${show(listed)} does not match its ${manifest.algorithm} in ${manifest.name}: it changed after it was bagged.`, path: listed });
      }
    }

    let bagInfo: BagInfoField[] = [];
    if (source.files.has(BAG_INFO_TXT)) {
      const raw = await readWhole(source, BAG_INFO_TXT, signal);
      bagInfo = bagInfoFields(raw, problems);
      // Payload-Oxum is optional in RFC 8493; when given, it must fit.
      const info = parseBagInfo(raw, []);
      if (info?.get('Payload-Oxum') !== null) problems.push(...checkPayloadOxum(info, bytes, payload.length).map(fromVerify));
    }
    return {
      kind: 'bagit',
      version,
      manifestAlgorithms: payloadManifests.map((m) => m.algorithm).sort(),
      tagManifestAlgorithms: tagManifests.map((m) => m.algorithm).sort(),
      payload,
      bagInfo,
      complete: problems.length === 0,
      problems,
    };
  } finally {
    await source.close();
  }
}
