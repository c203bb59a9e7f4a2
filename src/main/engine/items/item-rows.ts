/**
 * The items, acquisitions and tags tables: the rows an import writes and the reads the
 * CLI and the window need. SQL lives here and nowhere else for these tables.
 */
import type { IndexDb } from '../db/open-index';

export interface ItemRow {
  readonly id: string;
  readonly sha256: string;
  readonly sha1: string | null;
  readonly md5: string | null;
  readonly size: number;
  readonly blobId: string;
  readonly importedAt: string;
  readonly kind: 'photo' | 'video' | 'other';
  readonly format: string | null;
  readonly mime: string | null;
  readonly originalName: string;
  readonly capturedUtc: string | null;
  readonly capturedLocal: string | null;
  readonly captureSource: string | null;
  readonly gpsLat: number | null;
  readonly gpsLon: number | null;
  readonly make: string | null;
  readonly model: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationSeconds: number | null;
  readonly metadataJson: string;
  readonly metadataProblemCount: number;
  readonly thumbStatus: string | null;
  readonly thumbGridBlob: string | null;
  readonly thumbPreviewBlob: string | null;
  readonly thumbReason: string | null;
}

export interface AcquisitionRow {
  readonly itemId: string;
  readonly importId: string | null;
  readonly sourcePath: string;
  readonly fileSize: number;
  readonly fileModified: string | null;
  readonly fileCreated: string | null;
  readonly acquiredAt: string;
  /** The provenance record (schema 16) this copy came with: a received bundle's exhibit. Written, not read back here. */
  readonly provenanceId?: string | null;
}

const ITEM_COLUMNS = `id, sha256, sha1, md5, size, blob_id AS blobId, imported_at AS importedAt, kind, format, mime,
  original_name AS originalName, captured_utc AS capturedUtc, captured_local AS capturedLocal,
  capture_source AS captureSource, gps_lat AS gpsLat, gps_lon AS gpsLon, make, model, width, height,
  duration_seconds AS durationSeconds, metadata_json AS metadataJson, metadata_problem_count AS metadataProblemCount,
  thumb_status AS thumbStatus, thumb_grid_blob AS thumbGridBlob, thumb_preview_blob AS thumbPreviewBlob,
  thumb_reason AS thumbReason`;

export function insertItem(db: IndexDb, item: ItemRow): void {
  db.prepare(
    `INSERT INTO items (id, sha256, sha1, md5, size, blob_id, imported_at, kind, format, mime, original_name,
       captured_utc, captured_local, capture_source, gps_lat, gps_lon, make, model, width, height, duration_seconds,
       metadata_json, metadata_problem_count, thumb_status, thumb_grid_blob, thumb_preview_blob, thumb_reason)
     VALUES (@id, @sha256, @sha1, @md5, @size, @blobId, @importedAt, @kind, @format, @mime, @originalName,
       @capturedUtc, @capturedLocal, @captureSource, @gpsLat, @gpsLon, @make, @model, @width, @height, @durationSeconds,
       @metadataJson, @metadataProblemCount, @thumbStatus, @thumbGridBlob, @thumbPreviewBlob, @thumbReason)`,
  ).run(item);
}

export function insertAcquisition(db: IndexDb, acquisition: AcquisitionRow): void {
  const { provenanceId, ...row } = acquisition;
  if (provenanceId != null) {
    db.prepare(
      `INSERT INTO acquisitions (item_id, import_id, source_path, file_size, file_modified, file_created, acquired_at, provenance_id)
       VALUES (@itemId, @importId, @sourcePath, @fileSize, @fileModified, @fileCreated, @acquiredAt, @provenanceId)`,
    ).run({ ...row, provenanceId });
    return;
  }
  db.prepare(
    `INSERT INTO acquisitions (item_id, import_id, source_path, file_size, file_modified, file_created, acquired_at)
     VALUES (@itemId, @importId, @sourcePath, @fileSize, @fileModified, @fileCreated, @acquiredAt)`,
  ).run(row);
}

export function itemIdBySha256(db: IndexDb, sha256: string): string | null {
  return (db.prepare('SELECT id FROM items WHERE sha256 = ?').pluck().get(sha256) as string | undefined) ?? null;
}

export function getItem(db: IndexDb, id: string): ItemRow | null {
  return (db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE id = ?`).get(id) as ItemRow | undefined) ?? null;
}

/** Items whose SHA-256 starts with the given hex prefix (at most `limit`). */
export function itemsBySha256Prefix(db: IndexDb, prefix: string, limit = 2): ItemRow[] {
  return db.prepare(`SELECT ${ITEM_COLUMNS} FROM items WHERE sha256 >= ? AND sha256 < ? ORDER BY sha256 LIMIT ?`).all(
    prefix,
    `${prefix}g`,
    limit,
  ) as ItemRow[];
}

export function listItems(db: IndexDb): ItemRow[] {
  return db.prepare(`SELECT ${ITEM_COLUMNS} FROM items ORDER BY imported_at, rowid`).all() as ItemRow[];
}

export function acquisitionsOf(db: IndexDb, itemId: string): AcquisitionRow[] {
  return db
    .prepare(
      `SELECT item_id AS itemId, import_id AS importId, source_path AS sourcePath, file_size AS fileSize,
         file_modified AS fileModified, file_created AS fileCreated, acquired_at AS acquiredAt
       FROM acquisitions WHERE item_id = ? ORDER BY id`,
    )
    .all(itemId) as AcquisitionRow[];
}

/** Adds tags; returns the ones that were not there before. */
export function addTags(db: IndexDb, itemId: string, tags: readonly string[]): string[] {
  const insert = db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)');
  return tags.filter((tag) => insert.run(itemId, tag).changes > 0);
}

export function tagsOf(db: IndexDb, itemId: string): string[] {
  return db.prepare('SELECT tag FROM item_tags WHERE item_id = ? ORDER BY tag').pluck().all(itemId) as string[];
}
