/**
 * The facts of an item as rows for the detail pane: what was read, from where, and a
 * plain word when something is unknown. Nothing is guessed: a field the file does not
 * state is "unknown" (or "no location recorded"), never filled from elsewhere; a file with
 * no capture time says so beside its file time, a zone the file only suggests is a hint
 * with its reason, and a position of exactly 0°, 0° is "no fix", not a place. Pure: the
 * caller passes `t` and the locale.
 */
import type { TFunction } from 'i18next';
import type { ItemDetail } from '../../../../shared/items';
import { saidByCaptureTime } from '../../../../shared/capture-notes';
import { exiftoolFailureOf } from '../../../../shared/exiftool-notes';
import type { CaptureTime, ExtractedMetadata, GpsPosition, TextField } from '../../../../shared/metadata';
import { formatCapture, formatInstant, formatLocalDay, formatOffset, formatUtc, impliedOffset } from '../../format/dates';
import { formatBytes, formatCoordinates, formatCount, formatDuration } from '../../format/numbers';

export interface FactRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  /** Where the value came from, in words; null for values Tamga computed itself. */
  readonly source: string | null;
  /** True when the value is the plain "unknown" wording rather than a value. */
  readonly unknown: boolean;
  /** True when the row warns: two clocks of the file disagree. */
  readonly warning?: boolean;
  /** The exact tag(s) read ("EXIF DateTimeOriginal"), shown after the source as written. */
  readonly sourceField?: string;
  /** True when the value is text from the file itself (a camera's make, a program's name): evidence, never translated. */
  readonly verbatim?: boolean;
}

function sourceLabel(t: TFunction, source: string): string {
  const key = `sources.${source}`;
  return t(key as 'sources.exif', { defaultValue: source });
}

/** "5 h 2 min", "40 s": a distance between two clocks. */
function formatDifference(seconds: number, t: TFunction): string {
  const abs = Math.abs(seconds);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  if (hours === 0 && minutes === 0) return t('captureTimes.seconds', { count: abs });
  return [hours > 0 ? t('captureTimes.hours', { count: hours }) : '', minutes > 0 ? t('captureTimes.minutes', { count: minutes }) : ''].filter(Boolean).join(' ');
}

/** The zone hint and the GPS check of a capture time, as rows under it. */
function captureNotes(capture: CaptureTime, t: TFunction, locale: string): FactRow[] {
  const rows: FactRow[] = [];
  const hint = capture.zoneHint;
  if (hint !== undefined) {
    const value =
      hint.reason === 'mvhd-local-clock'
        ? t('captureTimes.hintLocalClock', { camera: hint.camera ?? '' })
        : t(hint.reason === 'xmp-zone' ? 'captureTimes.hintXmp' : 'captureTimes.hintIptc', { offset: formatOffset(hint.offsetMinutes ?? 0), field: hint.field });
    rows.push({ key: 'zone-hint', label: t('captureTimes.zoneHint'), value, source: null, unknown: true });
  }
  const check = capture.gpsCheck;
  if (check !== undefined) {
    const gps = formatUtc(check.gpsUtc, locale);
    const difference = formatDifference(check.differenceSeconds, t);
    const hinted = hint?.offsetMinutes ?? null;
    let value: string;
    let warning = false;
    if (check.result === 'agrees') value = t('captureTimes.gpsAgrees', { gps });
    else if (check.result === 'disagrees') [value, warning] = [t('captureTimes.gpsDisagrees', { gps, difference }), true];
    else if (check.result === 'no-zone-fits') [value, warning] = [t('captureTimes.gpsNoZoneFits', { gps, difference }), true];
    else if (hinted !== null && hinted !== check.impliedOffsetMinutes) {
      [value, warning] = [t('captureTimes.gpsHintConflict', { gps, offset: formatOffset(check.impliedOffsetMinutes ?? 0), hinted: formatOffset(hinted) }), true];
    } else value = t('captureTimes.gpsImpliesZone', { gps, offset: formatOffset(check.impliedOffsetMinutes ?? 0) });
    rows.push({ key: 'gps-time', label: t('captureTimes.gpsClock'), value, source: check.field, unknown: false, warning });
  }
  return rows;
}

/** Coordinates and altitude as words; "no fix" for exactly 0°, 0°, which devices write without a fix. */
function placeText(gps: GpsPosition, t: TFunction, locale: string): { text: string; isPlace: boolean } {
  if (gps.lat === 0 && gps.lon === 0) return { text: t('captureTimes.noFix'), isPlace: false };
  const hemispheres = { north: t('captureTimes.north'), south: t('captureTimes.south'), east: t('captureTimes.east'), west: t('captureTimes.west') };
  const metres = gps.alt === null ? null : Math.round(gps.alt);
  const altitude =
    metres === null ? '' : ` · ${metres === 0 ? t('captureTimes.seaLevel') : t(metres < 0 ? 'captureTimes.belowSeaLevel' : 'captureTimes.aboveSeaLevel', { metres: formatCount(Math.abs(metres), locale) })}`;
  return { text: `${formatCoordinates(gps.lat, gps.lon, locale, hemispheres)}${altitude}`, isPlace: true };
}

const VERBATIM = { verbatim: true } as const;

export function factRows(item: ItemDetail, t: TFunction, locale: string): FactRow[] {
  const m: ExtractedMetadata | null = item.metadata;
  const rows: FactRow[] = [];
  const row = (key: string, label: string, value: string | null, source: string | null, unknownText = t('detail.unknown'), extra: Pick<FactRow, 'sourceField' | 'verbatim'> = {}): void => {
    rows.push({ key, label, value: value ?? unknownText, source: value === null ? null : source, unknown: value === null, ...(value === null ? {} : extra) });
  };

  const capture = m?.captureTime ?? null;
  const taken =
    capture === null
      ? formatCapture({ local: item.capturedLocal, utc: item.capturedUtc, offsetMinutes: impliedOffset(item.capturedLocal, item.capturedUtc) }, locale, { zoneUnknown: t('detail.zoneUnknown') })
      : formatCapture({ local: capture.local, utc: capture.utc, offsetMinutes: capture.utcOffsetMinutes }, locale, { zoneUnknown: t('detail.zoneUnknown') });
  const takenSource = capture === null ? (item.captureSource === null ? null : sourceLabel(t, item.captureSource)) : sourceLabel(t, capture.source);
  // No capture time: the file time is named as what it is, never put in its place.
  const modified = item.acquisitions.find((a) => a.fileModified !== null)?.fileModified ?? null;
  const modifiedDay = modified === null ? null : formatLocalDay(modified, locale);
  const noCapture = modifiedDay === null ? t('captureTimes.none') : t('captureTimes.noneFileModified', { date: modifiedDay });
  row('taken', t('detail.taken'), taken, takenSource, noCapture, capture === null || capture.field === '' ? {} : { sourceField: capture.field });
  if (capture !== null && capture.local === null && capture.utc !== null) {
    rows.push({ key: 'taken-note', label: '', value: t('detail.localTimeUnknown'), source: null, unknown: true });
  }
  if (capture !== null) rows.push(...captureNotes(capture, t, locale));
  else if (m?.gpsTime) {
    rows.push({ key: 'gps-time', label: t('captureTimes.gpsClock'), value: t('captureTimes.gpsOnly', { gps: formatUtc(m.gpsTime.utc, locale) }), source: m.gpsTime.field, unknown: false });
  }

  const gps = m?.gps ?? null;
  const place = gps === null ? null : placeText(gps, t, locale);
  if (place !== null && !place.isPlace) rows.push({ key: 'place', label: t('detail.place'), value: place.text, source: gps === null ? null : sourceLabel(t, gps.source), unknown: true });
  else row('place', t('detail.place'), place?.text ?? null, gps === null ? null : sourceLabel(t, gps.source), t('detail.noLocation'));

  const device = [m?.make, m?.model].filter((f): f is TextField => f !== null && f !== undefined);
  row('device', t('detail.device'), device.length === 0 ? null : device.map((f) => f.value).join(' '), device[0] === undefined ? null : sourceLabel(t, device[0].source), undefined, VERBATIM);
  if (m?.lens) row('lens', t('detail.lens'), m.lens.value, sourceLabel(t, m.lens.source), undefined, VERBATIM);
  if (m?.software) row('software', t('detail.software'), m.software.value, sourceLabel(t, m.software.source), undefined, VERBATIM);

  const size = m?.displaySize ?? null;
  row('dimensions', t('detail.dimensions'), size === null ? null : `${size.width} × ${size.height}`, m?.pixelSize ? sourceLabel(t, m.pixelSize.source) : null);
  if (item.kind === 'video') row('duration', t('detail.duration'), m?.durationSeconds == null ? null : formatDuration(m.durationSeconds), sourceLabel(t, 'mvhd'));
  row('format', t('detail.format'), m?.mime ?? item.format, t('detail.sniffed'), undefined, VERBATIM);
  if (m?.exiftool) rows.push(exiftoolRow(m.exiftool, t));
  const exact = t('detail.bytes', { count: item.size, formatted: formatCount(item.size, locale) });
  rows.push({ key: 'size', label: t('detail.fileSize'), value: item.size < 1000 ? exact : `${formatBytes(item.size, locale)} (${exact})`, source: null, unknown: false });
  rows.push({ key: 'imported', label: t('detail.imported'), value: formatInstant(item.importedAt, locale), source: null, unknown: false });
  return rows;
}

/**
 * What ExifTool, the reader of last resort, did for the item: which fields it filled, or why
 * it gave nothing (src/shared/exiftool-notes.ts holds the English sentence this replaces).
 */
function exiftoolRow(use: NonNullable<ExtractedMetadata['exiftool']>, t: TFunction): FactRow {
  const label = t('exiftool.label');
  if (use.status === 'read') {
    const fields = use.filled.map((f) => t(`exiftool.fields.${f}`)).join(', ');
    const value = use.filled.length === 0 ? t('exiftool.readNothing', { version: use.version ?? '' }) : t('exiftool.read', { version: use.version ?? '', fields });
    return { key: 'exiftool', label, value, source: null, unknown: false };
  }
  return { key: 'exiftool', label, value: t(`exiftool.failed.${use.reason ?? 'failed'}`), source: use.detail ?? null, unknown: true, warning: true };
}

/**
 * The metadata problems the pane lists as sentences: all but those its fact rows already
 * word in the window's language (the zone hint and the GPS clock check; src/shared/capture-notes.ts;
 * ExifTool's failure, src/shared/exiftool-notes.ts).
 */
export function otherProblems(m: ExtractedMetadata): readonly string[] {
  const exiftool = exiftoolFailureOf(m);
  return m.problems.filter((p) => !saidByCaptureTime(p, m.captureTime) && p !== exiftool);
}
