/**
 * The item_exiftool table (migration 15): ExifTool's whole JSON output for an item, kept in
 * the encrypted index, written with the item and read for export (metadata/exiftool/E0001.json)
 * and for experts. SQL for this table lives here and nowhere else.
 */
import type { IndexDb } from '../db/open-index';

export interface ExifToolOutput {
  readonly version: string;
  readonly args: readonly string[];
  /** ExifTool's JSON object for the file, as text. */
  readonly json: string;
  readonly readAt: string;
}

export function insertExifToolOutput(db: IndexDb, itemId: string, output: ExifToolOutput): void {
  db.prepare('INSERT INTO item_exiftool (item_id, version, args, json, read_at) VALUES (?, ?, ?, ?, ?)').run(
    itemId,
    output.version,
    JSON.stringify(output.args),
    output.json,
    output.readAt,
  );
}

export function exifToolOutputOf(db: IndexDb, itemId: string): ExifToolOutput | null {
  const row = db.prepare('SELECT version, args, json, read_at AS readAt FROM item_exiftool WHERE item_id = ?').get(itemId) as
    | { version: string; args: string; json: string; readAt: string }
    | undefined;
  if (row === undefined) return null;
  return { version: row.version, args: JSON.parse(row.args) as string[], json: row.json, readAt: row.readAt };
}
