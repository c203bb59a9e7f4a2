/**
 * The facts of an item as rows for the detail pane: what was read, from where, and a
 * plain word when something is unknown. Nothing is guessed: a field the file does not
 * state is "unknown" (or "no location recorded"), never filled from elsewhere. Pure:
 * the caller passes `t` and the locale.
 */
import type { TFunction } from 'i18next';
import type { ItemDetail } from '../../../../shared/items';
import type { ExtractedMetadata, TextField } from '../../../../shared/metadata';
import { formatCapture, formatInstant, impliedOffset } from '../../format/dates';
import { formatBytes, formatCoordinates, formatCount, formatDuration } from '../../format/numbers';

export interface FactRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Where the value came from, in words; null for values Tamga computed itself. */
  readonly source: string | null;
  /** True when the value is the plain "unknown" wording rather than a value. */
  readonly unknown: boolean;
}

function sourceLabel(t: TFunction, source: string): string {
  const key = `sources.${source}`;
  return t(key as 'sources.exif', { defaultValue: source });
}

export function factRows(item: ItemDetail, t: TFunction, locale: string): FactRow[] {
  const m: ExtractedMetadata | null = item.metadata;
  const rows: FactRow[] = [];
  const row = (key: string, label: string, value: string | null, source: string | null, unknownText = t('detail.unknown')): void => {
    rows.push({ key, label, value: value ?? unknownText, source: value === null ? null : source, unknown: value === null });
  };

  const capture = m?.captureTime ?? null;
  const taken =
    capture === null
      ? formatCapture({ local: item.capturedLocal, utc: item.capturedUtc, offsetMinutes: impliedOffset(item.capturedLocal, item.capturedUtc) }, locale, { zoneUnknown: t('detail.zoneUnknown') })
      : formatCapture({ local: capture.local, utc: capture.utc, offsetMinutes: capture.utcOffsetMinutes }, locale, { zoneUnknown: t('detail.zoneUnknown') });
  const takenSource = capture === null ? (item.captureSource === null ? null : sourceLabel(t, item.captureSource)) : `${sourceLabel(t, capture.source)} · ${capture.field}`;
  row('taken', t('detail.taken'), taken, takenSource);
  if (capture !== null && capture.local === null && capture.utc !== null) {
    rows.push({ key: 'taken-note', label: '', value: t('detail.localTimeUnknown'), source: null, unknown: true });
  }

  const gps = m?.gps ?? null;
  const place = gps === null ? null : `${formatCoordinates(gps.lat, gps.lon, locale)}${gps.alt === null ? '' : ` · ${t('detail.altitude', { metres: Math.round(gps.alt) })}`}`;
  row('place', t('detail.place'), place, gps === null ? null : sourceLabel(t, gps.source), t('detail.noLocation'));

  const device = [m?.make, m?.model].filter((f): f is TextField => f !== null && f !== undefined);
  row('device', t('detail.device'), device.length === 0 ? null : device.map((f) => f.value).join(' '), device[0] === undefined ? null : sourceLabel(t, device[0].source));
  if (m?.lens) row('lens', t('detail.lens'), m.lens.value, sourceLabel(t, m.lens.source));
  if (m?.software) row('software', t('detail.software'), m.software.value, sourceLabel(t, m.software.source));

  const size = m?.displaySize ?? null;
  row('dimensions', t('detail.dimensions'), size === null ? null : `${size.width} × ${size.height}`, m?.pixelSize ? sourceLabel(t, m.pixelSize.source) : null);
  if (item.kind === 'video') row('duration', t('detail.duration'), m?.durationSeconds == null ? null : formatDuration(m.durationSeconds), sourceLabel(t, 'mvhd'));
  row('format', t('detail.format'), m?.mime ?? item.format, t('detail.sniffed'));
  const exact = t('detail.bytes', { count: item.size, formatted: formatCount(item.size, locale) });
  rows.push({ key: 'size', label: t('detail.fileSize'), value: item.size < 1000 ? exact : `${formatBytes(item.size, locale)} (${exact})`, source: null, unknown: false });
  rows.push({ key: 'imported', label: t('detail.imported'), value: formatInstant(item.importedAt, locale), source: null, unknown: false });
  return rows;
}
