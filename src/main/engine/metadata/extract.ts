/**
 * The entry point of metadata extraction: sniffs the content, runs the reader for its
 * family, applies the precedence rules and returns plain JSON data. It never throws for
 * bad input and never reads media data (the one exception: the first sample, at most
 * 256 KiB, of a GoPro telemetry track, for its GPS clock): every failure becomes a
 * sentence in `problems` and whatever was read before it is still returned.
 */
import type { ExtractedMetadata, JsonValue, MediaKind, RawMetadata } from '../../../shared/metadata';
import type { ByteSource } from './byte-source';
import { chooseCaptureTime } from './capture-time';
import { extensionMismatch } from './extension';
import { emptyFindings, type Findings } from './findings';
import { readHeif } from './heif';
import { BoxContext, outline, readTopLevel } from './isobmff/boxes';
import { toJsonSafe } from './json-safe';
import { notReadByOwnReaders } from './not-read';
import { displaySize } from './orientation';
import { readPhoto } from './photo';
import { describeError, Problems } from './problems';
import { SNIFF_BYTES, sniff, type Sniffed } from './sniff';
import { readMovie } from './video';

export interface ExtractHints {
  /**
   * The file's name, only to compare its extension with the content. Nothing of the file
   * system (its modification time) is asked for: it is never a capture time.
   */
  readonly name: string;
}

async function readIsoBmff(source: ByteSource, sniffed: Sniffed, findings: Findings, problems: Problems): Promise<void> {
  const ctx = new BoxContext(problems);
  const wanted = sniffed.kind === 'video' ? 'moov' : 'meta';
  const { boxes: top, complete } = await readTopLevel(source, ctx, wanted);
  findings.raw.container = { brands: sniffed.brands ? { major: sniffed.brands.major, compatible: [...sniffed.brands.compatible] } : null };
  try {
    if (sniffed.kind === 'video') await readMovie(source, top, ctx, findings);
    else if (sniffed.format === 'heic' || sniffed.format === 'heif' || sniffed.format === 'avif') await readHeif(source, top, ctx, findings);
    else if (sniffed.format === null || sniffed.kind === 'other') problems.add('This ISO media file is neither a video nor a HEIF image; only its structure was read.');
    else problems.add(notReadByOwnReaders(sniffed.format));
  } finally {
    // The box outline is worth keeping even (especially) when reading failed half-way.
    const { boxes, omitted } = outline(top);
    findings.raw.boxes = toJsonSafe({
      boxes,
      ...(omitted > 0 ? { omitted } : {}),
      ...(complete ? {} : { note: `top-level boxes after the first ${top.length} were not listed` }),
    });
  }
}

function first<T>(list: readonly T[]): T | null {
  return list[0] ?? null;
}

function nullIsland(findings: Findings, problems: Problems): void {
  const gps = findings.gps[0];
  if (gps && gps.lat === 0 && gps.lon === 0) {
    problems.add('The recorded position is exactly 0°, 0° (in the ocean off West Africa): many devices write this when they had no GPS fix.');
  }
}

/** Makers documented to write their local clock into mvhd (which the standard says is UTC). */
function localClockCamera(findings: Findings): string | null {
  if (findings.localClockCamera !== null) return findings.localClockCamera;
  const make = findings.make[0]?.value ?? '';
  if (/^gopro\b/i.test(make)) return 'GoPro';
  if (/^dji\b/i.test(make)) return 'DJI';
  return null;
}

function assemble(sniffed: Sniffed, findings: Findings, problems: Problems): ExtractedMetadata {
  const kind: MediaKind = sniffed.kind;
  let captureTime = null;
  try {
    // A position of exactly 0°, 0° is a GPS block written without a fix: its clock is no check either.
    const noFix = findings.gps[0]?.lat === 0 && findings.gps[0]?.lon === 0;
    captureTime = chooseCaptureTime(findings.dates, problems, { localClockCamera: kind === 'video' ? localClockCamera(findings) : null, gpsTime: noFix ? null : findings.gpsTime });
  } catch (err) {
    problems.add(`The capture time could not be worked out: ${describeError(err)}.`);
  }
  nullIsland(findings, problems);
  const display = displaySize(findings, kind, problems);
  const raw: RawMetadata = {
    ...(findings.raw.exif !== undefined ? { exif: findings.raw.exif } : {}),
    ...(findings.raw.iptc !== undefined ? { iptc: findings.raw.iptc } : {}),
    ...(findings.raw.xmp !== undefined ? { xmp: findings.raw.xmp } : {}),
    ...(findings.raw.container !== undefined ? { container: findings.raw.container } : {}),
    ...(findings.raw.boxes !== undefined ? { boxes: findings.raw.boxes } : {}),
  };
  return {
    kind,
    format: findings.format?.format ?? sniffed.format,
    mime: findings.format?.mime ?? sniffed.mime,
    captureTime,
    gps: first(findings.gps),
    make: first(findings.make),
    model: first(findings.model),
    lens: first(findings.lens),
    software: first(findings.software),
    orientation: findings.orientation,
    rotation: findings.rotation,
    mirrored: findings.mirrored,
    pixelSize: findings.pixelSize,
    displaySize: display,
    durationSeconds: findings.durationSeconds,
    videoCreatedAt: findings.videoCreatedAt,
    gpsTime: findings.gpsTime,
    raw,
    problems: problems.toArray(),
  };
}

/** Makes sure `raw` can be stored as JSON whatever a parser left in it. */
function jsonSafeRaw(raw: RawMetadata): RawMetadata {
  const safe = toJsonSafe(raw) as { [key: string]: JsonValue };
  return { ...safe };
}

export async function extractMetadata(source: ByteSource, hints: ExtractHints): Promise<ExtractedMetadata> {
  const problems = new Problems();
  const findings = emptyFindings();
  let sniffed: Sniffed = sniff(Buffer.alloc(0));
  try {
    if (source.size === 0) problems.add('The file is empty (0 bytes).');
    sniffed = sniff(await source.read(0, SNIFF_BYTES));
    const mismatch = extensionMismatch(hints.name, sniffed);
    if (mismatch) problems.add(mismatch);
    if (source.size > 0 && sniffed.family === 'none') {
      problems.add(`The content is ${sniffed.looksLike ? `${sniffed.looksLike}, ` : ''}not a recognised photo or video; it is archived without metadata.`);
    }
    if (sniffed.family === 'isobmff') await readIsoBmff(source, sniffed, findings, problems);
    else if (sniffed.family === 'exiftool') problems.add(notReadByOwnReaders(sniffed.format ?? 'this'));
    else if (sniffed.family !== 'none') await readPhoto(source, sniffed.family, findings, problems);
  } catch (err) {
    problems.add(`Reading the metadata stopped early: ${describeError(err)}.`);
  }
  try {
    const result = assemble(sniffed, findings, problems);
    return { ...result, raw: jsonSafeRaw(result.raw), problems: problems.toArray() };
  } catch (err) {
    // Last line of defence: never reject, even if assembling itself failed.
    problems.add(`The metadata could not be assembled: ${describeError(err)}.`);
    return {
      kind: sniffed.kind,
      format: sniffed.format,
      mime: sniffed.mime,
      captureTime: null,
      gps: null,
      make: null,
      model: null,
      lens: null,
      software: null,
      orientation: null,
      rotation: null,
      mirrored: false,
      pixelSize: null,
      displaySize: null,
      durationSeconds: null,
      videoCreatedAt: null,
      gpsTime: null,
      raw: {},
      problems: problems.toArray(),
    };
  }
}
