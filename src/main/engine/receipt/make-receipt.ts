/**
 * The recipient's side of a receipt: check the bundle as `verify` does (with the vault's
 * known senders), then sign a receipt (receipt-format.ts) with the vault key saying which
 * bundle this is (its id and the hash of its tag manifest), what the check found, when,
 * and who the recipient is. A bundle that fails is still receipted, with verdict
 * "invalid" and its problems: the sender may need proof of what arrived broken.
 */
import { createHash } from 'node:crypto';
import type { VerifyReport } from '../../../shared/bundle';
import { TamgaError } from '../../../shared/errors';
import { splitActor } from '../../../shared/operator';
import type { Receipt } from '../../../shared/receipt';
import { TAGMANIFEST_SHA256 } from '../bundle/layout';
import { resolveLimits } from '../bundle/verify/limits';
import { openBundleSource } from '../bundle/verify/source';
import type { OpenVault } from '../vault/vault';
import { signReceipt } from './receipt-format';

/** SHA-256 of the bundle's tagmanifest-sha256.txt as the bundle holds it (folder or zip); null when it has none. */
export async function tagManifestHash(path: string): Promise<string | null> {
  const signal = new AbortController().signal;
  const opened = await openBundleSource(path, resolveLimits(), signal);
  if (!opened.ok) return null;
  const { source } = opened;
  try {
    if (!source.files.has(TAGMANIFEST_SHA256)) return null;
    const hash = createHash('sha256');
    for await (const chunk of source.read(TAGMANIFEST_SHA256, signal)) hash.update(chunk);
    return hash.digest('hex');
  } finally {
    await source.close();
  }
}

export interface MadeReceipt {
  readonly receipt: Receipt;
  /** The receipt file's text (JCS and a line feed). */
  readonly text: string;
}

/**
 * When this vault received the bundle (`tamga receive`): the time of its first `received`
 * event naming the bundle id and tag-manifest hash; null when it never received it.
 */
export function receivedAtInVault(vault: OpenVault, bundleId: string, tagManifestSha256: string): string | null {
  const rows = vault.db.prepare<[], { at: string; json: string }>("SELECT at, event_json AS json FROM custody_events WHERE type = 'received' ORDER BY at, rowid").all();
  for (const row of rows) {
    const data = (JSON.parse(row.json) as { data?: { bundleId?: unknown; tagManifestSha256?: unknown } }).data;
    if (data?.bundleId === bundleId && data.tagManifestSha256 === tagManifestSha256) return row.at;
  }
  return null;
}

/**
 * Signs a receipt for a bundle the vault's user has checked (`report`, from verifyBundle on
 * `path`). receivedAt: when the vault received it (its `received` event), else now.
 */
export async function makeReceipt(vault: OpenVault, path: string, report: VerifyReport, now = new Date().toISOString()): Promise<MadeReceipt> {
  if (report.bundleId === null) {
    throw new TamgaError('INVALID_ARGUMENT', `${path} names no Tamga-Bundle-Id in its bag-info.txt: a receipt could not say which bundle it is for.`, { path });
  }
  const tagManifestSha256 = await tagManifestHash(path);
  if (tagManifestSha256 === null) {
    throw new TamgaError('INVALID_ARGUMENT', `${path} has no ${TAGMANIFEST_SHA256}: a receipt could not tie itself to these exact files.`, { path });
  }
  const receipt: Receipt = {
    v: 1,
    kind: 'tamga-receipt',
    bundleId: report.bundleId,
    tagManifestSha256,
    sealFingerprint: report.signer.fingerprint,
    verdict: report.verdict,
    // problemCounts has every code found (report.problems lists only the first 50 of each).
    problems: Object.keys(report.problemCounts).sort(),
    receivedAt: receivedAtInVault(vault, report.bundleId, tagManifestSha256) ?? now,
    recipient: { vaultId: vault.vaultFile.vaultId, fingerprint: vault.vaultFile.signing.fingerprint, operator: splitActor(vault.actor).operator },
  };
  return { receipt, text: signReceipt(receipt, vault.signer) };
}
