/** Turns index rows into the shapes of src/shared/items.ts, and finds an item by id or hash. */
import type { ItemDetail, ItemSummary } from '../../../shared/items';
import type { ExtractedMetadata } from '../../../shared/metadata';
import { TamgaError } from '../../../shared/errors';
import { readChain } from '../custody/store';
import { listProvenance } from '../provenance/provenance-store';
import type { IndexDb } from '../db/open-index';
import { acquisitionsOf, getItem, itemsBySha256Prefix, tagsOf, type ItemRow } from './item-rows';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_PREFIX = /^[0-9a-f]{8,64}$/i;

export function summaryOf(db: IndexDb, row: ItemRow): ItemSummary {
  return {
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    kind: row.kind,
    format: row.format,
    originalName: row.originalName,
    importedAt: row.importedAt,
    capturedLocal: row.capturedLocal,
    capturedUtc: row.capturedUtc,
    captureSource: row.captureSource,
    tags: tagsOf(db, row.id),
    thumbStatus: row.thumbStatus as ItemSummary['thumbStatus'],
  };
}

export function detailOf(db: IndexDb, row: ItemRow): ItemDetail {
  let metadata: ExtractedMetadata | null;
  try {
    // '{}' is stored when nothing could be read.
    const parsed = JSON.parse(row.metadataJson) as Partial<ExtractedMetadata>;
    metadata = parsed.kind === undefined ? null : (parsed as ExtractedMetadata);
  } catch {
    metadata = null;
  }
  return {
    ...summaryOf(db, row),
    sha1: row.sha1,
    md5: row.md5,
    metadata,
    thumbReason: row.thumbReason,
    acquisitions: acquisitionsOf(db, row.id).map(({ itemId: _itemId, ...rest }) => rest),
    custody: readChain(db, row.id).map(({ event, hash, signature }) => ({ event, hash, signature })),
    provenance: listProvenance(db, row.id),
  };
}

/** An item by id, full SHA-256, or a SHA-256 prefix of 8+ hex digits that names one item. */
export function resolveItem(db: IndexDb, ref: string): ItemRow {
  const wanted = ref.trim().toLowerCase();
  if (UUID.test(wanted)) {
    const row = getItem(db, wanted);
    if (row !== null) return row;
  } else if (HEX_PREFIX.test(wanted)) {
    const rows = itemsBySha256Prefix(db, wanted, 2);
    if (rows.length > 1) throw new TamgaError('AMBIGUOUS', `More than one item has a SHA-256 starting with ${wanted}; give more digits.`);
    if (rows[0] !== undefined) return rows[0];
  } else {
    throw new TamgaError('INVALID_ARGUMENT', `"${ref}" is neither an item id nor a SHA-256 (at least 8 hex digits).`);
  }
  throw new TamgaError('NOT_FOUND', `No item ${ref} in this vault.`);
}
