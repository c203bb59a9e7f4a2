/**
 * Videos (MP4, MOV, M4V, 3GP, 3G2): reads the one `moov` box, wherever it sits, and no
 * media data but a GoPro's first telemetry sample. From it: mvhd time and duration, the video track's size and rotation,
 * position (Apple keys ISO 6709 > udta ©xyz > iTunes-style ©xyz > 3GPP loci), device
 * (Apple keys > udta ©mak/©mod), and the date candidates for capture-time.ts. A GoPro
 * (its FIRM or GPMF atom, or a GPMF telemetry track) is marked as writing local time into
 * mvhd, and the GPS clock of its telemetry's first sample is read (isobmff/gpmf.ts).
 */
import type { JsonValue } from '../../../shared/metadata';
import type { ByteSource } from './byte-source';
import { addText, type Findings } from './findings';
import { gpsFromIso6709, type GpsResult } from './gps';
import { type Box, type BoxContext, child, childrenOf, payloadOf, payloadStart, walkTree } from './isobmff/boxes';
import { gpmfSampleLocation, gpsTimeOfGpmf } from './isobmff/gpmf';
import { readMetaItems, type MetaItems } from './isobmff/keys-ilst';
import { parseMvhd } from './isobmff/mvhd';
import { readTrack, type TrackInfo } from './isobmff/track';
import { readUserData, userDataJson, type UserData } from './isobmff/udta';
import { toJsonSafe } from './json-safe';
import type { Problems } from './problems';

/** A moov larger than this is not read (real ones are kilobytes to a few megabytes). */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

const APPLE = 'com.apple.quicktime.';

function pushGps(findings: Findings, problems: Problems, result: GpsResult): void {
  if (!result) return;
  if ('problem' in result) problems.add(result.problem);
  else findings.gps.push(result.position);
}

function chooseVideoTrack(tracks: readonly TrackInfo[]): TrackInfo | undefined {
  const video = tracks.filter((t) => t.handler === 'vide');
  return video.find((t) => t.tkhd?.enabled && (t.tkhd.width ?? 0) > 0) ?? video[0] ?? tracks.find((t) => (t.tkhd?.width ?? 0) > 0);
}

function trackJson(t: TrackInfo): JsonValue {
  return toJsonSafe({
    handler: t.handler,
    trackId: t.tkhd?.trackId ?? null,
    enabled: t.tkhd?.enabled ?? null,
    width: t.tkhd?.width ?? null,
    height: t.tkhd?.height ?? null,
    matrix: t.tkhd ? [...t.tkhd.matrix] : null,
    rotation: t.tkhd?.rotation ?? null,
    mirrored: t.tkhd?.mirrored ?? null,
    sampleFormat: t.sampleFormat,
    codedWidth: t.codedWidth,
    codedHeight: t.codedHeight,
  });
}

function applyTrack(findings: Findings, track: TrackInfo | undefined, problems: Problems): void {
  if (!track) {
    problems.add('The movie has no video track.');
    return;
  }
  const tkhd = track.tkhd;
  if (tkhd && tkhd.width > 0 && tkhd.height > 0) {
    findings.pixelSize = { width: Math.round(tkhd.width), height: Math.round(tkhd.height), source: 'tkhd' };
  } else if (track.codedWidth && track.codedHeight) {
    findings.pixelSize = { width: track.codedWidth, height: track.codedHeight, source: 'stsd' };
  }
  if (tkhd) {
    findings.rotation = tkhd.rotation;
    findings.mirrored = tkhd.mirrored;
  }
}

function applyUserData(findings: Findings, udta: UserData, problems: Problems): void {
  const xyz = udta.texts['©xyz'];
  if (xyz !== undefined) pushGps(findings, problems, gpsFromIso6709(xyz, 'udta-xyz', "The udta '©xyz' position"));
  addText(findings.make, udta.texts['©mak'], 'quicktime-udta');
  addText(findings.model, udta.texts['©mod'], 'quicktime-udta');
  addText(findings.software, udta.texts['©swr'], 'quicktime-udta');
  if (udta.date !== null) findings.dates.push({ kind: 'local', field: "udta 'date'", text: udta.date, style: 'iso' });
  if (udta.texts['©day'] !== undefined) findings.dates.push({ kind: 'local', field: "udta '©day'", text: udta.texts['©day'], style: 'iso' });
  // GoPro firmware names start "HD" (HERO up to 7) or "H" and two digits (HERO8 on); GPMF is GoPro's own.
  if (udta.hasGpmf || (udta.goproFirmware !== null && /^(HD\d|H\d\d)/.test(udta.goproFirmware))) findings.localClockCamera = 'GoPro';
}

function applyAppleKeys(findings: Findings, meta: MetaItems, problems: Problems): void {
  const items = meta.items;
  const location = items[`${APPLE}location.ISO6709`];
  if (typeof location === 'string') {
    pushGps(findings, problems, gpsFromIso6709(location, 'quicktime-iso6709', `The QuickTime key ${APPLE}location.ISO6709`));
  }
  addText(findings.make, items[`${APPLE}make`], 'quicktime-keys');
  addText(findings.model, items[`${APPLE}model`], 'quicktime-keys');
  addText(findings.software, items[`${APPLE}software`], 'quicktime-keys');
  addText(findings.lens, items[`${APPLE}camera.lens_model`], 'quicktime-keys');
  const created = items[`${APPLE}creationdate`];
  if (created !== undefined) findings.dates.push({ kind: 'local', field: 'QuickTime com.apple.quicktime.creationdate', text: created, style: 'iso' });
}

function applyItunesItems(findings: Findings, meta: MetaItems, problems: Problems): void {
  const xyz = meta.items['©xyz'];
  if (typeof xyz === 'string') pushGps(findings, problems, gpsFromIso6709(xyz, 'udta-xyz', "The '©xyz' metadata item"));
  addText(findings.make, meta.items['©mak'], 'quicktime-ilst');
  addText(findings.model, meta.items['©mod'], 'quicktime-ilst');
  addText(findings.software, meta.items['©swr'] ?? meta.items['©too'], 'quicktime-ilst');
}

/** GoPro's telemetry track: a GPMF track marks a GoPro, and its first GPSU is the GPS clock. */
async function readGoProGpsTime(source: ByteSource, win: { buf: Buffer; base: number }, traks: readonly Box[], findings: Findings): Promise<void> {
  for (const trak of traks) {
    const at = gpmfSampleLocation(win, trak);
    if (at === null) continue;
    findings.localClockCamera = 'GoPro';
    if (at.offset + at.size > source.size) return;
    const utc = gpsTimeOfGpmf(await source.read(at.offset, at.size));
    if (utc !== null) findings.gpsTime = { utc, field: 'GoPro GPMF GPSU' };
    return;
  }
}

export async function readMovie(source: ByteSource, top: readonly Box[], ctx: BoxContext, findings: Findings): Promise<void> {
  const problems = ctx.problems;
  const moovs = top.filter((b) => b.type === 'moov');
  const moov = moovs[0];
  if (!moov) {
    problems.add("The movie header ('moov' box) is missing: the file is cut short or was never finished; only its bytes are archived.");
    return;
  }
  if (moovs.length > 1) problems.add(`The file has ${moovs.length} 'moov' boxes; only the first was read.`);
  if (moov.size > MAX_MOOV_BYTES) {
    problems.add(`The movie header ('moov') is ${moov.size} bytes, more than the ${MAX_MOOV_BYTES} read for metadata; it was not read.`);
    return;
  }
  const buf = await source.read(moov.offset, moov.size);
  if (buf.length < moov.size) problems.add(`The movie header ('moov') is cut short: ${buf.length} of ${moov.size} bytes could be read.`);
  const win = { buf, base: moov.offset };
  walkTree(win, moov, ctx);

  const raw: Record<string, JsonValue> = {};
  const mvhdBox = child(moov, 'mvhd');
  const mvhd = mvhdBox ? parseMvhd(payloadOf(win, mvhdBox), payloadStart(mvhdBox), problems) : null;
  if (!mvhdBox) problems.add("The movie has no movie header ('mvhd'): no duration or creation time.");
  if (mvhd) {
    raw.mvhd = toJsonSafe(mvhd);
    findings.durationSeconds = mvhd.durationSeconds;
    findings.videoCreatedAt = mvhd.createdAt;
  }

  const traks = childrenOf(moov, 'trak');
  const tracks = traks.map((trak) => readTrack(win, trak, problems));
  raw.tracks = tracks.map(trackJson);
  applyTrack(findings, chooseVideoTrack(tracks), problems);
  await readGoProGpsTime(source, win, traks, findings);

  // Apple keys first: their position and date are the most precise a phone writes.
  const meta = child(moov, 'meta');
  if (meta) {
    const items = readMetaItems(win, meta, problems);
    raw.meta = toJsonSafe(items);
    if (items.handler === 'mdta') applyAppleKeys(findings, items, problems);
    else applyItunesItems(findings, items, problems);
  }
  const udtaBox = child(moov, 'udta');
  let udta: UserData | null = null;
  if (udtaBox) {
    udta = readUserData(win, udtaBox, problems);
    raw.udta = userDataJson(udta);
    applyUserData(findings, udta, problems);
    const udtaMeta = child(udtaBox, 'meta');
    if (udtaMeta) {
      const items = readMetaItems(win, udtaMeta, problems);
      raw.udtaMeta = toJsonSafe(items);
      applyItunesItems(findings, items, problems);
    }
  }
  if (udta?.loci) {
    const { latitude, longitude, altitude } = udta.loci;
    const valid = Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
    if (valid) findings.gps.push({ lat: latitude, lon: longitude, alt: altitude, source: '3gpp-loci' });
    else problems.add(`The 3GPP location (loci) (${latitude}, ${longitude}) lies outside the globe; no position recorded.`);
  }
  if (mvhd?.createdAt) findings.dates.push({ kind: 'instant', field: 'mvhd creation time', utc: mvhd.createdAt });
  findings.raw.container = { ...(findings.raw.container as Record<string, JsonValue> | undefined), ...raw };
}
