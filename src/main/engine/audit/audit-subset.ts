/**
 * `audit --read-data-subset 1/N`: one part of N per run, the next part each run (as
 * restic's `check --read-data-subset`), so that a vault of a million items is read whole
 * over N runs without one run taking a day. Each run is an `audit` event on the vault
 * chain with its `subset` ({part, of}); the next run with the same N reads the part after
 * the last one recorded (docs/formats.md, "Audit subsets").
 *
 * Part k of N (k = 1 … N) holds the items whose id's first 8 hex digits, as a number,
 * leave k − 1 modulo N, and the blob files whose name's first 8 hex digits do: both are
 * random (UUID v4, random blob ids), so parts are even, and both never change, so N runs
 * cover every item present throughout, whatever was imported between them.
 *
 * A part's run decrypts and hashes its items' originals and thumbnails, verifies their
 * custody chains (and ties each to its item), looks for orphan files among its own blob
 * files and chains without items among its own chains; the custody log and the kept
 * timestamps (and the provenance kept from senders) are checked whole every run, as they
 * are one structure each. Items are read in pages by rowid and blob folders one at a time,
 * so memory does not grow with the vault.
 */
import { chainKind, vaultChainName } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import { MAX_AUDIT_PARTS, type AuditProblem, type AuditProgress, type AuditReport, type AuditSubset } from '../../../shared/items';
import { verifyChainRows } from '../custody/chain';
import { readChain, readChainRows } from '../custody/store';
import type { OpenVault } from '../vault/vault';
import { blobProblem, hashBlob } from './audit-blobs';
import { endAudit } from './audit-end';

/** The part (0 … of − 1) a 32-hex blob id or a UUID falls in. */
export function partOf(hexName: string, of: number): number {
  return Number.parseInt(hexName.slice(0, 8), 16) % of;
}

export function checkParts(of: unknown): number {
  if (typeof of !== 'number' || !Number.isSafeInteger(of) || of < 1 || of > MAX_AUDIT_PARTS) {
    throw new TamgaError('INVALID_ARGUMENT', `An audit subset is one part of 1 to ${MAX_AUDIT_PARTS} parts.`);
  }
  return of;
}

/** The part after the last one an audit of `of` parts recorded on the vault chain; part 1 when none did. */
export function nextPart(vault: OpenVault, of: number): number {
  const events = readChain(vault.db, vaultChainName(vault.vaultFile.vaultId));
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]?.event;
    if (event?.type !== 'audit') continue;
    const subset = (event.data as { subset?: Partial<AuditSubset> }).subset;
    if (subset?.of === of && typeof subset.part === 'number' && Number.isSafeInteger(subset.part) && subset.part >= 1 && subset.part <= of) return (subset.part % of) + 1;
  }
  return 1;
}

interface PartItem {
  readonly rowid: number;
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly blobId: string;
  readonly thumbGridBlob: string | null;
  readonly thumbPreviewBlob: string | null;
}

const PAGE = 1000;

export async function auditSubset(vault: OpenVault, of: number, onProgress?: (p: AuditProgress) => void): Promise<AuditReport> {
  const { db } = vault;
  const part = nextPart(vault, of);
  const inPart = (hexName: string): boolean => partOf(hexName, of) === part - 1;
  const problems: AuditProblem[] = [];
  const publicKey = vault.signer.publicKey;

  let itemsTotal = 0;
  for (const id of db.prepare('SELECT id FROM items').pluck().iterate() as IterableIterator<string>) if (inPart(id)) itemsTotal += 1;
  onProgress?.({ itemsDone: 0, itemsTotal });

  const page = db.prepare(
    'SELECT rowid, id, sha256, size, blob_id AS blobId, thumb_grid_blob AS thumbGridBlob, thumb_preview_blob AS thumbPreviewBlob FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?',
  );
  let items = 0;
  let checkedBytes = 0;
  let checkedEvents = 0;
  for (let after = 0; ; ) {
    const rows = page.all(after, PAGE) as PartItem[];
    if (rows.length === 0) break;
    after = rows.at(-1)?.rowid ?? after;
    for (const item of rows) {
      if (!inPart(item.id)) continue;
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
        if (thumb !== null) await hashBlob(vault, 'thumbs', thumb).catch((err: unknown) => problems.push(blobProblem(err, item.id, 'thumbnail')));
      }
      const chain = readChainRows(db, item.id);
      checkedEvents += chain.length;
      if (chain.length === 0) {
        problems.push({ code: 'ITEM_WITHOUT_CUSTODY', itemId: item.id, message: `Item ${item.id} has no custody chain.` });
      } else {
        for (const p of verifyChainRows(item.id, chain, publicKey)) problems.push({ code: p.code, itemId: item.id, message: p.message });
        const acquired = (JSON.parse(chain[0]?.eventJson ?? '{}') as { data?: { sha256?: unknown } }).data?.sha256;
        if (acquired !== item.sha256) {
          problems.push({ code: 'ACQUIRED_HASH_MISMATCH', itemId: item.id, message: `Item ${item.id}: the SHA-256 in its 'acquired' event differs from the index.` });
        }
      }
      items += 1;
      if (items % 100 === 0) onProgress?.({ itemsDone: items, itemsTotal });
    }
  }
  onProgress?.({ itemsDone: items, itemsTotal });

  // Chains of this part without their item (item chains only; the vault's own chain is checked with the log).
  const itemExists = db.prepare('SELECT 1 FROM items WHERE id = ?').pluck();
  for (const chain of db.prepare('SELECT DISTINCT chain FROM custody_events').pluck().iterate() as IterableIterator<string>) {
    if (chainKind(chain) === 'item' && inPart(chain) && itemExists.get(chain) === undefined) {
      problems.push({ code: 'CUSTODY_WITHOUT_ITEM', itemId: chain, message: `Item ${chain} has a custody chain but is missing from the index.` });
    }
  }

  // Orphans among this part's files, looked up one by one (no set of every referenced id).
  const blobRow = db.prepare('SELECT 1 FROM items WHERE blob_id = ?').pluck();
  // Two lookups, each in its own unique index.
  const thumbRow = db.prepare('SELECT 1 FROM items WHERE thumb_grid_blob = ? UNION ALL SELECT 1 FROM items WHERE thumb_preview_blob = ?').pluck();
  const referenced = { blobs: (id: string): unknown => blobRow.get(id), thumbs: (id: string): unknown => thumbRow.get(id, id) };
  for (const area of ['blobs', 'thumbs'] as const) {
    for await (const names of vault.store.listByFan(area)) {
      for (const blobId of names) {
        if (inPart(blobId) && referenced[area](blobId) === undefined) {
          problems.push({ code: 'ORPHAN_BLOB', itemId: null, message: `${area}/${blobId.slice(0, 2)}/${blobId} is not referenced by any item.` });
        }
      }
    }
  }

  return endAudit(vault, { subset: { part, of }, checkedItems: items, checkedBytes, checkedEvents }, problems);
}
