/**
 * A timestamp for a bundle exported online (docs/formats.md, "Timestamps"): right after the
 * seal is made, each TSA asked (ExportRequest.timestampWith; [] for the vault's saved
 * ones) gets a request over the exact seal signature, as `tamga timestamp` would send
 * later. The tokens that come back, checked over the signature, go into the bundle's
 * seal/ like an addendum (outside the manifests, after the seal), and into the vault once
 * the bundle is finished. A TSA that is down or refuses never fails the export: the
 * bundle leaves without its token, the result names the TSA and why, and the seal waits
 * for `tamga timestamp` like any other.
 */
import type { ExportTimestamp } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';
import { requestTimestamps } from '../../timestamp/client';
import type { TimestampFacts } from '../../timestamp/token';
import { recordToken, savedTimestampServers, tokenFiles, type AddendumFile } from '../../timestamp/vault-stamps';
import type { OpenVault } from '../../vault/vault';

export interface SealStamps {
  /** The token files to add to the bundle, in order, then the chain file. */
  readonly files: readonly AddendumFile[];
  readonly outcomes: readonly ExportTimestamp[];
  /** Keeps the tokens in the vault (one transaction); call once the bundle is finished. Returns the outcomes. */
  readonly record: () => readonly ExportTimestamp[];
}

export async function stampAtSeal(vault: OpenVault, asked: readonly string[] | null, bundleId: string, signature: Uint8Array): Promise<SealStamps> {
  if (asked === null) return { files: [], outcomes: [], record: () => [] };
  const urls = asked.length > 0 ? asked : savedTimestampServers(vault.db);
  if (urls.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'No timestamp server is given or saved: name one with --tsa URL, or save them with tamga timestamp VAULT --tsa URL --save.');
  const results = await requestTimestamps(urls, signature, { trustedRoots: [], skipChain: true });
  const granted: { url: string; response: Uint8Array; facts: TimestampFacts }[] = [];
  const outcomes: ExportTimestamp[] = results.map((r) => {
    if (!r.ok) return { tsa: r.url, ok: false, error: { code: r.error.code, message: r.error.message } };
    granted.push({ url: r.url, response: r.response, facts: r.facts });
    return { tsa: r.url, ok: true, genTime: r.facts.genTime, tsaName: r.facts.tsaName };
  });
  const files = tokenFiles(granted.map((g) => ({ response: g.response, chainPem: g.facts.chainPem })));
  const record = (): readonly ExportTimestamp[] => {
    vault.db.transaction(() => granted.forEach((g) => recordToken(vault, bundleId, g.url, g.response, g.facts))).immediate();
    return outcomes;
  };
  return { files, outcomes, record };
}
