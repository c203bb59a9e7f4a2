/**
 * metadata/exhibits.csv: one row an exhibit for a spreadsheet (RFC 4180 via csv-stringify:
 * CRLF record ends, fields quoted when they hold a comma, quote or line break). A UTF-8 byte
 * order mark comes first, because without one Excel reads Cyrillic as mojibake.
 *
 * Text cells that begin with = + - @ or a tab (a spreadsheet would run them as a formula:
 * CSV injection) get a leading apostrophe. Number cells are written as numbers and never
 * changed; exhibits.json keeps every text exactly as recorded.
 */
import { stringify } from 'csv-stringify/sync';
import { custodyHead, custodySummary, hopPathText, sourcePaths } from './describe';
import type { SealedExhibit } from './exhibit';

export const CSV_COLUMNS = [
  'exhibit',
  'file',
  'original_name',
  'size',
  'sha256',
  'sha512',
  'sha1',
  'md5',
  'kind',
  'format',
  'captured_local',
  'captured_utc',
  'utc_offset_minutes',
  'capture_source',
  'capture_field',
  'gps_lat',
  'gps_lon',
  'gps_alt',
  'gps_source',
  'make',
  'model',
  'lens',
  'software',
  'title',
  'description',
  'place',
  'tags',
  'case',
  'imported_at',
  'acquired_from',
  'custody_events',
  'custody_head',
  'custody_summary',
  'item_id',
  'custody_path',
] as const;

type Cell = string | number | null;

/** Prefixes formula-looking text with an apostrophe; see the module comment. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function text(value: string | null | undefined): Cell {
  return value === null || value === undefined ? null : neutraliseFormula(value);
}

function row(e: SealedExhibit, caseName: string | null, seal?: { readonly vaultId: string; readonly sealedAt: string }): Record<(typeof CSV_COLUMNS)[number], Cell> {
  const { item, metadata: m } = e;
  const t = m?.captureTime ?? null;
  const gps = m?.gps ?? null;
  return {
    exhibit: e.number,
    file: text(e.path),
    original_name: text(item.originalName),
    size: item.size,
    sha256: e.sha256,
    sha512: e.sha512,
    sha1: item.sha1,
    md5: item.md5,
    kind: item.kind,
    format: item.format,
    captured_local: t ? t.local : item.capturedLocal,
    captured_utc: t ? t.utc : item.capturedUtc,
    utc_offset_minutes: t?.utcOffsetMinutes ?? null,
    capture_source: t ? t.source : item.captureSource,
    capture_field: text(t?.field),
    gps_lat: gps?.lat ?? item.gpsLat,
    gps_lon: gps?.lon ?? item.gpsLon,
    gps_alt: gps?.alt ?? null,
    gps_source: gps?.source ?? null,
    make: text(m?.make?.value ?? item.make),
    model: text(m?.model?.value ?? item.model),
    lens: text(m?.lens?.value),
    software: text(m?.software?.value),
    title: text(e.text.title),
    description: text(e.text.description),
    place: text(e.text.place),
    tags: text(e.tags.join('; ')),
    case: text(caseName),
    imported_at: item.importedAt,
    acquired_from: text(sourcePaths(e).join('; ')),
    custody_events: e.custody.length,
    custody_head: custodyHead(e),
    custody_summary: text(custodySummary(e)),
    item_id: item.id,
    custody_path: seal === undefined ? null : text(hopPathText(e, seal.vaultId, seal.sealedAt)),
  };
}

/** `seal`: the sealing vault and time, which end each exhibit's path (custody_path, empty for an exhibit that carries no hops). */
export function exhibitsCsv(exhibits: readonly SealedExhibit[], caseName: string | null, seal?: { readonly vaultId: string; readonly sealedAt: string }): string {
  return stringify(
    exhibits.map((e) => row(e, caseName, seal)),
    { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows' },
  );
}
