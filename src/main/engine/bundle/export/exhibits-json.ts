/**
 * metadata/exhibits.json: every exhibit with everything Tamga knows about it, for programs
 * (the schema is in docs/formats.md, "exhibits.json"). Values are exactly as recorded (the
 * original name byte for byte, descriptions with their line breaks); only the reports
 * make text visible for people. It holds nothing that changes from one export of the same
 * items to the next (no bundle id, no date), so two such files can be compared directly.
 */
import type { CaseInfo } from './selection';
import { custodyHead } from './describe';
import type { SealedExhibit } from './exhibit';

export const EXHIBITS_FORMAT = 'tamga-exhibits';
export const EXHIBITS_FORMAT_VERSION = 1;

function capture(e: SealedExhibit): Record<string, unknown> | null {
  const t = e.metadata?.captureTime;
  if (t) return { local: t.local, utc: t.utc, utcOffsetMinutes: t.utcOffsetMinutes, offsetKnown: t.offsetKnown, source: t.source, field: t.field };
  const { capturedLocal, capturedUtc, captureSource } = e.item;
  if (capturedLocal === null && capturedUtc === null) return null;
  return { local: capturedLocal, utc: capturedUtc, utcOffsetMinutes: null, offsetKnown: capturedUtc !== null, source: captureSource, field: null };
}

function gps(e: SealedExhibit): Record<string, unknown> | null {
  const g = e.metadata?.gps;
  if (g) return { lat: g.lat, lon: g.lon, alt: g.alt, source: g.source };
  const { gpsLat, gpsLon } = e.item;
  return gpsLat === null || gpsLon === null ? null : { lat: gpsLat, lon: gpsLon, alt: null, source: null };
}

function device(e: SealedExhibit): Record<string, unknown> {
  const m = e.metadata;
  const field = (f: { value: string; source: string } | null | undefined, fallback: string | null): unknown =>
    f ? { value: f.value, source: f.source } : fallback === null ? null : { value: fallback, source: null };
  return { make: field(m?.make, e.item.make), model: field(m?.model, e.item.model), lens: field(m?.lens, null), software: field(m?.software, null) };
}

export function exhibitRecord(e: SealedExhibit, caseName: string | null): Record<string, unknown> {
  const { item } = e;
  const pixelSize = e.metadata?.displaySize ?? (item.width !== null && item.height !== null ? { width: item.width, height: item.height } : null);
  return {
    number: e.number,
    path: e.path,
    originalName: item.originalName,
    itemId: item.id,
    size: item.size,
    sha256: e.sha256,
    sha512: e.sha512,
    sha1: item.sha1,
    md5: item.md5,
    kind: item.kind,
    format: item.format,
    mime: item.mime,
    capture: capture(e),
    gps: gps(e),
    device: device(e),
    pixelSize: pixelSize === null ? null : { width: pixelSize.width, height: pixelSize.height },
    durationSeconds: item.durationSeconds,
    title: e.text.title,
    description: e.text.description,
    place: e.text.place,
    tags: [...e.tags],
    case: caseName,
    importedAt: item.importedAt,
    acquisitions: e.acquisitions.map((a) => ({
      sourcePath: a.sourcePath,
      fileSize: a.fileSize,
      fileModified: a.fileModified,
      fileCreated: a.fileCreated,
      acquiredAt: a.acquiredAt,
    })),
    custody: { path: e.custodyPath, events: e.custody.length, head: custodyHead(e) },
    metadataProblems: [...(e.metadata?.problems ?? [])],
  };
}

export function exhibitsJson(exhibits: readonly SealedExhibit[], bundleCase: CaseInfo | null, caseIdentifier: string): string {
  const identifier = caseIdentifier === '' ? null : caseIdentifier;
  const caseName = bundleCase?.name ?? identifier;
  const document = {
    format: EXHIBITS_FORMAT,
    formatVersion: EXHIBITS_FORMAT_VERSION,
    case: caseName === null ? null : { identifier, name: bundleCase?.name ?? null, description: bundleCase?.description ?? '' },
    exhibits: exhibits.map((e) => exhibitRecord(e, caseName)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
