/**
 * The sender's material in a bundle, read for keeping: the seal, the tag manifest and
 * bag-info.txt it covers, the custody log files and timestamps that follow it, the exhibit
 * list, and per exhibit its custody file and the earlier hops it carries. Read through the
 * verifier's own source (a folder or a zip, listing built by walking it: no name inside
 * the bundle can point outside it), each file whole and within the verifier's tag-file limit.
 */
import type { VerifyLimits } from '../../../shared/bundle';
import { TamgaError } from '../../../shared/errors';
import { BAG_INFO_TXT, CUSTODY_CHECKPOINT, CUSTODY_PROOFS, custodyFile, EXHIBITS_JSON, HOPS_DIR, isTimestampFile, SEAL_PUBLIC_KEY, SEAL_SIGNATURE, TAGMANIFEST_SHA256 } from '../bundle/layout';
import type { BundleSource } from '../bundle/verify/source';
import type { ProvenanceFileInput } from '../provenance/provenance-store';

/** Files of the whole bundle kept with every exhibit's record: name in the record → path in the bundle, and role. */
const BUNDLE_FILES: readonly (readonly [string, string, string])[] = [
  ['bag-info.txt', BAG_INFO_TXT, 'bag-info'],
  ['tagmanifest-sha256.txt', TAGMANIFEST_SHA256, 'tag-manifest'],
  ['tagmanifest-sha256.txt.sig', SEAL_SIGNATURE, 'seal'],
  ['signer.pem', SEAL_PUBLIC_KEY, 'signer'],
  ['custody-log.checkpoint', CUSTODY_CHECKPOINT, 'checkpoint'],
  ['custody-proofs.jsonl', CUSTODY_PROOFS, 'custody-proofs'],
];

export interface BundleMaterial {
  /** The whole-bundle files, as provenance files (names as in a hop folder). */
  readonly shared: readonly ProvenanceFileInput[];
  readonly tagManifest: Buffer | null;
  readonly exhibitList: Buffer | null;
  /** The custody file of an exhibit, or null. */
  custody(exhibit: string): Promise<Buffer | null>;
  /** The earlier hops the bundle carries for an exhibit, as provenance files `hops/<n>/<name>`. */
  hops(exhibit: string): Promise<ProvenanceFileInput[]>;
}

/** The proofs of a large bundle (~1.5 kB an exhibit), as verify reads them (bundle-check.ts). */
const MAX_PROOFS_BYTES = 256 * 1024 * 1024;

export async function readWhole(source: BundleSource, path: string, limits: VerifyLimits, signal: AbortSignal): Promise<Buffer | null> {
  const file = source.files.get(path);
  if (file === undefined) return null;
  if (file.size > (path === CUSTODY_PROOFS ? Math.max(limits.maxTagFileBytes, MAX_PROOFS_BYTES) : limits.maxTagFileBytes)) throw new TamgaError('INVALID_ARGUMENT', `${path} in the bundle holds ${file.size} bytes, more than Tamga keeps as provenance (${limits.maxTagFileBytes}).`, { path });
  const parts: Buffer[] = [];
  for await (const chunk of source.read(path, signal)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

export async function readMaterial(source: BundleSource, limits: VerifyLimits, signal: AbortSignal): Promise<BundleMaterial> {
  const shared: ProvenanceFileInput[] = [];
  for (const [name, path, role] of BUNDLE_FILES) {
    const content = await readWhole(source, path, limits, signal);
    if (content !== null) shared.push({ name, role, content });
  }
  for (const path of [...source.files.keys()].filter(isTimestampFile).sort()) {
    const content = await readWhole(source, path, limits, signal);
    if (content !== null) shared.push({ name: path.slice('seal/'.length), role: path.endsWith('.tsr') ? 'timestamp' : 'tsa-chain', content });
  }
  const tagManifest = shared.find((f) => f.role === 'tag-manifest')?.content ?? null;
  return {
    shared,
    tagManifest: tagManifest === null ? null : Buffer.from(tagManifest),
    exhibitList: await readWhole(source, EXHIBITS_JSON, limits, signal),
    custody: (exhibit) => readWhole(source, custodyFile(exhibit), limits, signal),
    async hops(exhibit) {
      const prefix = `${HOPS_DIR}/${exhibit}/`;
      const files: ProvenanceFileInput[] = [];
      for (const path of [...source.files.keys()].filter((p) => p.startsWith(prefix)).sort()) {
        const rest = path.slice(prefix.length);
        if (!/^\d+\/[^/]+$/u.test(rest)) continue;
        const content = await readWhole(source, path, limits, signal);
        if (content !== null) files.push({ name: `hops/${rest}`, role: 'earlier-hop', content });
      }
      return files;
    },
  };
}
