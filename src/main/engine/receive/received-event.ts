/**
 * The `received` event an item's chain gains when it arrives in a sealed bundle
 * (docs/formats.md, "Custody event format v1" and "Receiving a bundle"): which bundle,
 * whose seal, what the check found, and the link to the sender's chain — the hash of the
 * sender's last event for that exhibit, which the next verifier follows to the hop.
 */
import type { JsonObject } from '../../../shared/custody';
import type { VerifyVerdict } from '../../../shared/bundle';

export interface ReceivedFacts {
  readonly bundleId: string | null;
  readonly exhibit: string;
  readonly senderVault: string | null;
  readonly senderFingerprint: string | null;
  readonly senderName: string | null;
  readonly tagManifestSha256: string | null;
  readonly sealedAt: string | null;
  readonly verdict: VerifyVerdict;
  /** The codes of the problems accepted, each once, in the order found; empty when it passed. */
  readonly problems: readonly string[];
  readonly senderHead: string | null;
  readonly sha256: string;
  readonly size: number;
  readonly sourcePath: string;
  readonly provenance: string;
}

export function receivedEventData(f: ReceivedFacts): JsonObject {
  return {
    source: 'tamga-bundle',
    bundleId: f.bundleId,
    exhibit: f.exhibit,
    senderVault: f.senderVault,
    senderFingerprint: f.senderFingerprint,
    ...(f.senderName === null ? {} : { senderName: f.senderName }),
    tagManifestSha256: f.tagManifestSha256,
    sealedAt: f.sealedAt,
    verdict: f.verdict,
    ...(f.problems.length === 0 ? {} : { problems: [...f.problems] }),
    senderHead: f.senderHead,
    sha256: f.sha256,
    size: f.size,
    sourcePath: f.sourcePath,
    provenance: f.provenance,
  };
}

/** The hash of the last record of a custody file (JSONL), or null when it has none that can be read. */
export function lastRecordHash(jsonl: Buffer | null): string | null {
  if (jsonl === null) return null;
  const lines = jsonl.toString('utf8').split('\n').filter((l) => l !== '');
  try {
    const last: unknown = JSON.parse(lines.at(-1) ?? '');
    const hash = (last as { hash?: unknown } | null)?.hash;
    return typeof hash === 'string' && /^[0-9a-f]{64}$/u.test(hash) ? hash : null;
  } catch {
    return null;
  }
}
