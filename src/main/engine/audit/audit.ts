/**
 * `audit`: checks everything a vault promises, and names every problem with the item it
 * concerns. Every original is decrypted (each chunk authenticated) and its SHA-256
 * compared with the index; every thumbnail is decrypted; every custody chain is verified
 * (hashes, links, signatures) and tied to its item; files no row references are found;
 * the custody log is rebuilt and every kept timestamp checked again over what it dates;
 * the provenance kept from senders is checked again (provenance-check.ts).
 * The result is logged as an `audit` event on the vault chain. A vault too large to read
 * in one run is audited one part per run instead (audit-subset.ts).
 */
import { chainKind, vaultChainName } from '../../../shared/custody';
import type { AuditProblem, AuditProgress, AuditReport } from '../../../shared/items';
import type { BlobArea } from '../blobs/blob-store';
import { blobProblem, hashBlob } from './audit-blobs';
import { endAudit } from './audit-end';
import { listChains, readChainRows, verifyStoredChains } from '../custody/store';
import type { OpenVault } from '../vault/vault';

interface AuditedItem {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly blobId: string;
  readonly thumbGridBlob: string | null;
  readonly thumbPreviewBlob: string | null;
}

export async function auditVault(vault: OpenVault, onProgress?: (p: AuditProgress) => void): Promise<AuditReport> {
  const { db } = vault;
  const problems: AuditProblem[] = [];
  const items = db
    .prepare('SELECT id, sha256, size, blob_id AS blobId, thumb_grid_blob AS thumbGridBlob, thumb_preview_blob AS thumbPreviewBlob FROM items ORDER BY rowid')
    .all() as AuditedItem[];
  let checkedBytes = 0;
  // previews/ is a cache of playable previews that no row names: neither audited nor an orphan.
  const referenced: Record<Exclude<BlobArea, 'previews'>, Set<string>> = { blobs: new Set(), thumbs: new Set() };

  onProgress?.({ itemsDone: 0, itemsTotal: items.length });
  for (const [n, item] of items.entries()) {
    if (n % 100 === 0 && n > 0) onProgress?.({ itemsDone: n, itemsTotal: items.length });
    referenced.blobs.add(item.blobId);
    try {
      const { sha256, size } = await hashBlob(vault, 'blobs', item.blobId);
      checkedBytes += size;
      if (sha256 !== item.sha256 || size !== item.size) {
        problems.push({ code: 'BLOB_HASH_MISMATCH', itemId: item.id, message: `Item ${item.id}: the archived bytes do not match the recorded SHA-256.` });
      }
    } catch (err) {
      problems.push(blobProblem(err, item.id, 'original'));
    }
    for (const thumb of [item.thumbGridBlob, item.thumbPreviewBlob]) {
      if (thumb === null) continue;
      referenced.thumbs.add(thumb);
      await hashBlob(vault, 'thumbs', thumb).catch((err: unknown) => problems.push(blobProblem(err, item.id, 'thumbnail')));
    }
  }

  onProgress?.({ itemsDone: items.length, itemsTotal: items.length });
  const publicKey = vault.signer.publicKey;
  for (const p of verifyStoredChains(db, publicKey)) {
    problems.push({ code: p.code, itemId: chainKind(p.chain) === 'item' ? p.chain : null, message: p.message });
  }
  const itemIds = new Set(items.map((i) => i.id));
  const chains = listChains(db);
  const chainSet = new Set(chains);
  let checkedEvents = 0;
  for (const chain of chains) {
    const rows = readChainRows(db, chain);
    checkedEvents += rows.length;
    if (chain === vaultChainName(vault.vaultFile.vaultId) || chainKind(chain) !== 'item') continue;
    if (!itemIds.has(chain)) {
      problems.push({ code: 'CUSTODY_WITHOUT_ITEM', itemId: chain, message: `Item ${chain} has a custody chain but is missing from the index.` });
    }
  }
  for (const item of items) {
    if (!chainSet.has(item.id)) {
      problems.push({ code: 'ITEM_WITHOUT_CUSTODY', itemId: item.id, message: `Item ${item.id} has no custody chain.` });
      continue;
    }
    const first = readChainRows(db, item.id)[0];
    const acquiredHash = first === undefined ? undefined : (JSON.parse(first.eventJson) as { data?: { sha256?: unknown } }).data?.sha256;
    if (acquiredHash !== item.sha256) {
      problems.push({ code: 'ACQUIRED_HASH_MISMATCH', itemId: item.id, message: `Item ${item.id}: the SHA-256 in its 'acquired' event differs from the index.` });
    }
  }

  for (const area of ['blobs', 'thumbs'] as const) {
    for (const blobId of await vault.store.list(area)) {
      if (!referenced[area].has(blobId)) {
        problems.push({ code: 'ORPHAN_BLOB', itemId: null, message: `${area}/${blobId.slice(0, 2)}/${blobId} is not referenced by any item.` });
      }
    }
  }

  return endAudit(vault, { checkedItems: items.length, checkedBytes, checkedEvents }, problems);
}
