/**
 * Reads the fields Tamga keeps out of exifr's raw EXIF blocks and XMP namespaces, each with
 * its source: date candidates (left to capture-time.ts to rank), GPS, device, lens,
 * software and orientation.
 */
import type { Block, Blocks } from './exif';
import { addText, type Findings } from './findings';
import { gpsFromExif, gpsFromXmp, type GpsResult } from './gps';
import type { Problems } from './problems';

function pushGps(findings: Findings, problems: Problems, result: GpsResult): void {
  if (!result) return;
  if ('problem' in result) problems.add(result.problem);
  else findings.gps.push(result.position);
}

/** IPTC-IIM's "CCYYMMDD" and "HHMMSS±HHMM" as one ISO 8601 text (a date alone stays a date). */
function iptcDateTime(date: unknown, time: unknown): string {
  const d = typeof date === 'string' ? date.replace(/\0/g, '').trim() : String(date);
  const t = typeof time === 'string' ? time.replace(/\0/g, '').trim() : '';
  const dm = /^(\d{4})(\d{2})(\d{2})$/.exec(d);
  if (!dm) return d;
  const isoDate = `${dm[1]}-${dm[2]}-${dm[3]}`;
  const tm = /^(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$/.exec(t);
  if (!tm) return isoDate;
  return `${isoDate}T${tm[1]}:${tm[2]}:${tm[3]}${tm[4] ? `${tm[4]}${tm[5]}:${tm[6]}` : ''}`;
}

/** EXIF GPSDateStamp ("2016:09:28") + GPSTimeStamp ([17, 17, 58.65], UTC) as ISO UTC; null unless both are sound. */
export function gpsTimeOfExif(gps: Block | undefined): string | null {
  if (!gps) return null;
  const date = typeof gps.GPSDateStamp === 'string' ? /^(\d{4})[:-](\d{2})[:-](\d{2})/.exec(gps.GPSDateStamp.replace(/\0/g, '').trim()) : null;
  const time = gps.GPSTimeStamp;
  const parts = Array.isArray(time) || ArrayBuffer.isView(time) ? Array.from(time as ArrayLike<unknown>) : null;
  if (!date || !parts || parts.length !== 3 || !parts.every((p): p is number => typeof p === 'number' && Number.isFinite(p) && p >= 0)) return null;
  const [h, m, sec] = parts as [number, number, number];
  if (h > 23 || m > 59 || sec >= 61 || date[1] === '0000') return null;
  const ms = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]), h, m, 0) + Math.round(sec * 1000);
  if (!Number.isFinite(ms) || new Date(ms).getUTCFullYear() !== Number(date[1])) return null;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function applyExif(findings: Findings, blocks: Blocks, problems: Problems): void {
  const ifd0: Block = blocks.ifd0 ?? {};
  const exif: Block = blocks.exif ?? {};
  // TIFF/EP files (NEF) put DateTimeOriginal in IFD0, where exifr leaves it untranslated.
  const original = exif.DateTimeOriginal ?? ifd0.DateTimeOriginal ?? ifd0['36867'];
  if (original !== undefined) {
    findings.dates.push({
      kind: 'local',
      field: 'EXIF DateTimeOriginal',
      text: original,
      style: 'exif',
      offsetText: exif.OffsetTimeOriginal,
      offsetField: 'OffsetTimeOriginal',
      subsecText: exif.SubSecTimeOriginal,
    });
  }
  if (exif.CreateDate !== undefined) {
    findings.dates.push({
      kind: 'local',
      field: 'EXIF DateTimeDigitized',
      text: exif.CreateDate,
      style: 'exif',
      offsetText: exif.OffsetTimeDigitized,
      offsetField: 'OffsetTimeDigitized',
      subsecText: exif.SubSecTimeDigitized,
    });
  }
  pushGps(findings, problems, gpsFromExif(blocks.gps));
  const gpsUtc = gpsTimeOfExif(blocks.gps);
  if (gpsUtc !== null) findings.gpsTime ??= { utc: gpsUtc, field: 'EXIF GPSDateStamp + GPSTimeStamp' };
  addText(findings.make, ifd0.Make, 'exif');
  addText(findings.model, ifd0.Model, 'exif');
  addText(findings.software, ifd0.Software, 'exif');
  addText(findings.lens, exif.LensModel, 'exif');
  const orientation = ifd0.Orientation;
  if (orientation !== undefined) {
    if (typeof orientation === 'number' && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8) {
      findings.orientation ??= orientation;
    } else {
      problems.add(`EXIF Orientation is ${JSON.stringify(orientation)}, not one of 1–8; it was ignored.`);
    }
  }
}

export function applyIptc(findings: Findings, iptc: Block): void {
  if (iptc.DateCreated !== undefined) {
    findings.dates.push({ kind: 'local', field: 'IPTC DateCreated + TimeCreated', text: iptcDateTime(iptc.DateCreated, iptc.TimeCreated), style: 'iso' });
  }
}

/** The first namespace object among the usual prefixes (XMP prefixes are chosen by the writer). */
function namespace(xmp: Blocks, ...prefixes: string[]): Block | undefined {
  for (const prefix of prefixes) {
    const ns = xmp[prefix];
    if (ns) return ns;
  }
  return undefined;
}

export function applyXmp(findings: Findings, xmp: Blocks, problems: Problems): void {
  const exifNs = namespace(xmp, 'exif');
  const photoshop = namespace(xmp, 'photoshop');
  const basic = namespace(xmp, 'xmp', 'xap');
  const tiffNs = namespace(xmp, 'tiff');
  const aux = namespace(xmp, 'aux');
  const exifEx = namespace(xmp, 'exifEX');
  if (exifNs?.DateTimeOriginal !== undefined) {
    findings.dates.push({ kind: 'local', field: 'XMP exif:DateTimeOriginal', text: exifNs.DateTimeOriginal, style: 'iso' });
  }
  if (photoshop?.DateCreated !== undefined) {
    findings.dates.push({ kind: 'local', field: 'XMP photoshop:DateCreated', text: photoshop.DateCreated, style: 'iso' });
  }
  if (basic?.CreateDate !== undefined) {
    findings.dates.push({ kind: 'local', field: 'XMP xmp:CreateDate', text: basic.CreateDate, style: 'iso' });
  }
  pushGps(findings, problems, gpsFromXmp(exifNs));
  addText(findings.make, tiffNs?.Make, 'xmp');
  addText(findings.model, tiffNs?.Model, 'xmp');
  addText(findings.lens, exifEx?.LensModel ?? aux?.Lens, 'xmp');
  addText(findings.software, basic?.CreatorTool, 'xmp');
}
