/**
 * Schema 14: capture times that claim no more than the file established (issue 13).
 * Tamga before this imported a file with no date with its modification time as the capture
 * time, and took an XMP or IPTC zone (the editing computer's) as establishing the instant.
 * The index keeps what the metadata said its source was, so both are corrected here, from
 * the stored data alone:
 *
 * - `capture_source = 'file-mtime'`: no capture time (the three columns and the metadata's
 *   `captureTime` become null). The file time itself stays where it always was, on the
 *   acquisition (`acquisitions.file_modified`).
 * - an EXIF time whose zone was borrowed from XMP (its field reads "… (zone ±hh:mm from
 *   XMP …, same clock time)"), and an XMP or IPTC time with its own zone: the instant
 *   becomes unknown (`captured_utc` null, `offsetKnown` false) and the zone is kept as
 *   `zoneHint` with its reason.
 *
 * A position of exactly 0°, 0° (what devices write without a fix) is not a place: the
 * index columns lose it (has:gps, near: and the map no longer count it); the metadata JSON
 * keeps it as recorded.
 *
 * File times get a search filter of their own, `modified:` (search_items.modified_at: the
 * file system's modification time of the item's first acquisition), so that asking for
 * them is asking for them, never the side effect of a capture-time filter.
 *
 * What the stored data cannot tell is left: a GoPro or DJI movie header taken as UTC is
 * corrected only where the stored make says GoPro or DJI (the firmware and GPMF atoms
 * that also mark a GoPro were not kept by earlier versions). The search index follows by
 * its update trigger (0005). Shipped: never edit, add a new migration.
 */
import type { Migration } from './migration';

const BORROWED = `json_extract(metadata_json, '$.captureTime.field') LIKE 'EXIF % (zone % from XMP %, same clock time)'`;
const HAS_CAPTURE = `json_valid(metadata_json) AND json_type(metadata_json, '$.captureTime') = 'object'`;
/** The EXIF field: what precedes ' (zone'. The XMP field: what lies between ' from ' and ', same clock time)'. */
const exifField = `substr(json_extract(metadata_json, '$.captureTime.field'), 1, instr(json_extract(metadata_json, '$.captureTime.field'), ' (zone ') - 1)`;
const xmpField = `substr(
  json_extract(metadata_json, '$.captureTime.field'),
  instr(json_extract(metadata_json, '$.captureTime.field'), ' from XMP ') + 6,
  length(json_extract(metadata_json, '$.captureTime.field')) - instr(json_extract(metadata_json, '$.captureTime.field'), ' from XMP ') - 6 - length(', same clock time)') + 1)`;

const OFFSET_MINUTES = `json_extract(metadata_json, '$.captureTime.utcOffsetMinutes')`;
const OFFSET_TEXT = `printf('%s%02d:%02d', CASE WHEN ${OFFSET_MINUTES} < 0 THEN '-' ELSE '+' END, abs(${OFFSET_MINUTES}) / 60, abs(${OFFSET_MINUTES}) % 60)`;

/** The sentence the extractor now writes into `problems` for the same hint (capture-time.ts), so exports carry the reason. */
const hintSentence = (hintField: string, reason: string): string => `${hintField} || ' states the zone ' || ${OFFSET_TEXT} || ', but ' ||
  CASE ${reason} WHEN 'iptc-zone' THEN 'IPTC times are written by captioning and editing software'
    ELSE 'XMP dates are written by editing software (Photoshop, Lightroom, digiKam)' END ||
  ' in the zone of the computer it ran on, not necessarily the camera''s: the zone is a hint, the instant is not known.'`;

const unknownInstant = (fieldSql: string, reason: string): string => `json_insert(json_set(metadata_json,
  '$.captureTime.utc', NULL,
  '$.captureTime.utcOffsetMinutes', NULL,
  '$.captureTime.offsetKnown', json('false'),
  '$.captureTime.field', ${fieldSql},
  '$.captureTime.zoneHint', json_object(
    'reason', ${reason},
    'offsetMinutes', json_extract(metadata_json, '$.captureTime.utcOffsetMinutes'),
    'field', ${fieldSql === exifField ? xmpField : "json_extract(metadata_json, '$.captureTime.field')"})),
  '$.problems[#]', ${hintSentence(fieldSql === exifField ? xmpField : "json_extract(metadata_json, '$.captureTime.field')", reason)})`;

export const migration0014: Migration = {
  version: 14,
  name: 'honest-capture-times',
  up: `
    UPDATE items SET
      captured_utc = NULL, captured_local = NULL, capture_source = NULL,
      metadata_json = CASE WHEN ${HAS_CAPTURE} THEN json_set(metadata_json, '$.captureTime', NULL) ELSE metadata_json END
    WHERE capture_source = 'file-mtime';

    UPDATE items SET
      captured_utc = NULL,
      metadata_problem_count = metadata_problem_count + 1,
      metadata_json = ${unknownInstant(exifField, "'xmp-zone'")}
    WHERE ${HAS_CAPTURE} AND ${BORROWED} AND json_extract(metadata_json, '$.captureTime.offsetKnown') = 1;

    UPDATE items SET
      captured_utc = NULL,
      metadata_problem_count = metadata_problem_count + 1,
      metadata_json = ${unknownInstant("json_extract(metadata_json, '$.captureTime.field')", "CASE capture_source WHEN 'iptc' THEN 'iptc-zone' ELSE 'xmp-zone' END")}
    WHERE capture_source IN ('xmp', 'iptc') AND ${HAS_CAPTURE} AND json_extract(metadata_json, '$.captureTime.offsetKnown') = 1
      AND json_extract(metadata_json, '$.captureTime.utcOffsetMinutes') IS NOT NULL;

    -- A GoPro or DJI movie header is the camera's clock: the digits stay, as a clock time.
    UPDATE items SET
      captured_local = replace(replace(captured_utc, 'Z', ''), '.000', ''),
      captured_utc = NULL,
      metadata_problem_count = metadata_problem_count + 1,
      metadata_json = json_insert(json_set(metadata_json,
        '$.captureTime.local', replace(replace(json_extract(metadata_json, '$.captureTime.utc'), 'Z', ''), '.000', ''),
        '$.captureTime.utc', NULL,
        '$.captureTime.offsetKnown', json('false'),
        '$.captureTime.zoneHint', json_object('reason', 'mvhd-local-clock', 'offsetMinutes', NULL, 'field', 'mvhd creation time',
          'camera', CASE WHEN lower(make) LIKE 'gopro%' THEN 'GoPro' ELSE 'DJI' END)),
        '$.problems[#]', CASE WHEN lower(make) LIKE 'gopro%' THEN 'GoPro' ELSE 'DJI' END ||
          ' cameras write their local clock time into the movie header (mvhd), which the standard says is UTC: ' ||
          replace(replace(replace(json_extract(metadata_json, '$.captureTime.utc'), 'Z', ''), '.000', ''), 'T', ' ') ||
          ' is the camera''s clock, its time zone unknown.')
    WHERE capture_source = 'mvhd' AND kind = 'video' AND captured_utc IS NOT NULL AND ${HAS_CAPTURE}
      AND (lower(make) LIKE 'gopro%' OR lower(make) = 'dji' OR lower(make) LIKE 'dji %');

    UPDATE items SET gps_lat = NULL, gps_lon = NULL WHERE gps_lat = 0 AND gps_lon = 0;

    ALTER TABLE search_items ADD COLUMN modified_at TEXT;
    UPDATE search_items SET modified_at = (
      SELECT a.file_modified FROM acquisitions a WHERE a.item_id = search_items.item_id AND a.file_modified IS NOT NULL ORDER BY a.id LIMIT 1);
    CREATE INDEX search_items_modified ON search_items (modified_at, doc);
    -- The importer writes the item, then its acquisition, in one transaction: the first one with a file time sets it.
    CREATE TRIGGER search_items_modified AFTER INSERT ON acquisitions WHEN NEW.file_modified IS NOT NULL BEGIN
      UPDATE search_items SET modified_at = NEW.file_modified WHERE item_id = NEW.item_id AND modified_at IS NULL;
    END;
  `,
};
