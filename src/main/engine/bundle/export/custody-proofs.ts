/**
 * The custody log files that follow a bundle's seal (layout.ts CUSTODY_LOG_FILES;
 * docs/formats.md, "Custody log in a bundle"): the checkpoint the vault signed right after
 * logging this export, and one line per exhibit (then one for the vault chain) holding its
 * `exported` event of this bundle and the inclusion proof of that event in the
 * checkpoint's tree. The event names the sealed tag manifest and links (`prev`) to the
 * last event of the chain the bundle carries, so the proof shows that chain complete up to
 * this export: nothing was cut from its end. Each line is RFC 8785 JSON:
 *
 *   {"exhibit":"E0001","index":17,"proof":["<hex>",…],"record":{"event":{…},"hash":"…","signature":"…"}}
 *
 * with `exhibit` null on the vault chain's line, `index` the event's leaf index, `proof`
 * its RFC 9162 inclusion proof in the tree of the checkpoint's size. Then one line per
 * earlier checkpoint the vault signed (each size once, oldest first): its size and root
 * (member `from`) and the RFC 9162 consistency proof from that size to this checkpoint's
 * (member `proof`; docs/formats.md gives the exact line), so that whoever holds
 * an earlier bundle or checkpoint of this vault can check that its history was only
 * appended to since (`tamga verify NEW --since OLD`).
 */
import canonicalize from 'canonicalize';
import { TamgaError } from '../../../../shared/errors';
import { consistencyProof, inclusionProof } from '../../custody/merkle';
import type { StoredEvent } from '../../custody/store';
import { indexLog, leafIndexOf, listCheckpoints, makeCheckpoint } from '../../custody/vault-log';
import type { OpenVault } from '../../vault/vault';
import type { LoggedExport } from './custody-log';

export interface CustodyLogFiles {
  readonly checkpoint: string;
  readonly proofs: string;
}

function proofLine(vault: OpenVault, exhibit: string | null, stored: StoredEvent, size: number): string {
  const index = leafIndexOf(vault.db, stored.hash);
  if (index === null) throw new TamgaError('INTERNAL', `The exported event ${stored.hash} is not in the custody log.`);
  const record = { event: stored.event, hash: stored.hash, signature: stored.signature };
  const line = canonicalize({ exhibit, index, proof: inclusionProof(indexLog(vault.db), index, size), record });
  if (line === undefined) throw new TamgaError('INTERNAL', 'A custody proof line has no canonical form.');
  return `${line}\n`;
}

/** Signs the checkpoint (kept in the vault, reason `export`) and the proofs of the export's events. Synchronous. */
export function custodyLogFiles(vault: OpenVault, logged: LoggedExport, numbers: readonly string[]): CustodyLogFiles {
  const checkpoint = makeCheckpoint(vault.db, vault.signer, vault.vaultFile.vaultId, 'export');
  const lines = logged.exhibits.map((stored, i) => proofLine(vault, numbers[i] ?? null, stored, checkpoint.size));
  lines.push(proofLine(vault, null, logged.vault, checkpoint.size));
  const log = indexLog(vault.db);
  const sizes = new Set<number>();
  for (const earlier of listCheckpoints(vault.db)) {
    if (earlier.id === checkpoint.id || earlier.size === 0 || earlier.size > checkpoint.size || sizes.has(earlier.size)) continue;
    sizes.add(earlier.size);
    const line = canonicalize({ from: { root: earlier.root, size: earlier.size }, proof: consistencyProof(log, earlier.size, checkpoint.size) });
    if (line === undefined) throw new TamgaError('INTERNAL', 'A consistency line has no canonical form.');
    lines.push(`${line}\n`);
  }
  return { checkpoint: checkpoint.note, proofs: lines.join('') };
}
