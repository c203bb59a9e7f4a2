/**
 * One synthetic item for the benchmark vault (synthetic-vault.ts): the items row with its
 * capture time, place, device and texts, its tags, its source path and the cases it is
 * in. Drawn from a seeded PRNG, so a seed always gives the same vault.
 */
import { CAMERAS, DETAILS_EN, DETAILS_RU, EVENT_DAYS, NOTES, PLACES, SUBJECTS_EN, SUBJECTS_RU, TAGS } from './synthetic-data';

export interface SyntheticItem {
  readonly row: Readonly<Record<string, string | number | null>> & { readonly id: string; readonly size: number; readonly importedAt: string; readonly capturedUtc: string | null };
  readonly tags: readonly string[];
  readonly sourcePath: string;
  /** Indexes into the case list (taken modulo its length). */
  readonly caseSlots: readonly number[];
}

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const hex = (random: Random, digits: number): string => {
  let out = '';
  while (out.length < digits) out += Math.floor(random() * 0x100000000).toString(16).padStart(8, '0');
  return out.slice(0, digits);
};
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function uuid(random: Random): string {
  const h = hex(random, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A capture instant: on an event day for about half the items, else any day of 2018–2025. */
function captureMs(random: Random): number {
  let r = random();
  for (const [day, weight] of EVENT_DAYS) {
    if (r < weight) return Date.parse(`${day}T00:00:00Z`) + (6 + random() * 17) * 3_600_000;
    r -= weight;
  }
  return Date.UTC(2018, 0, 1) + random() * (Date.UTC(2026, 0, 1) - Date.UTC(2018, 0, 1));
}

/** Tags with a Zipf-like skew: the first few are on many items, the last on a few. */
function tagsFor(random: Random): string[] {
  const count = Math.floor(random() * random() * 5);
  const out = new Set<string>();
  for (let i = 0; i < count; i++) out.add(TAGS[Math.floor(TAGS.length * random() * random())] as string);
  return [...out];
}

function metadataJson(kind: string, make: string, model: string, local: string | null, offset: number | null, lat: number | null, lon: number | null): string {
  // About the size and shape of what the importer stores: fields with sources plus raw tags.
  return JSON.stringify({
    kind,
    format: kind === 'video' ? 'mp4' : 'jpeg',
    make: { value: make, source: 'exif' },
    model: { value: model, source: 'exif' },
    captureTime: local === null ? null : { local, utcOffsetMinutes: offset, source: 'exif', field: 'EXIF DateTimeOriginal + OffsetTimeOriginal' },
    gps: lat === null ? null : { lat, lon, alt: null, source: 'exif' },
    problems: [],
    raw: {
      ExposureTime: 0.008, FNumber: 1.8, ISO: 64, FocalLength: 4.25, ColorSpace: 1, ExifVersion: '0232', Flash: 16,
      Software: '15.4.1', LensModel: `${model} back camera 4.25mm f/1.8`, SceneType: 1, WhiteBalance: 0, MeteringMode: 5,
      SubjectArea: [2015, 1511, 2217, 1330], BrightnessValue: 7.95, ExposureBiasValue: 0, SensingMethod: 2,
      note: 'synthetic benchmark item: no original exists',
    },
  });
}

export function syntheticItem(random: Random): SyntheticItem {
  const id = uuid(random);
  const place = pick(random, PLACES);
  const [make, model, device] = pick(random, CAMERAS);
  const r = random();
  const kind = r < 0.6 ? 'photo' : r < 0.95 ? 'video' : 'other';
  const ms = captureMs(random);
  const offsetKnown = random() < 0.7;
  const local = new Date(ms + place.offset * 60_000).toISOString().slice(0, 19);
  const onlyUtc = kind === 'video' && random() < 0.2;
  const capturedUtc = offsetKnown || onlyUtc ? new Date(ms).toISOString() : null;
  const capturedLocal = onlyUtc ? null : local;
  const hasGps = kind !== 'other' && random() < 0.6;
  const lat = hasGps ? place.lat + (random() - 0.5) * 0.1 : null;
  const lon = hasGps ? place.lon + (random() - 0.5) * 0.1 : null;
  const station = 100 + Math.floor(random() * 900);
  const russian = random() < 0.5;
  const n = Math.floor(random() * 10000);
  const originalName =
    kind === 'other' ? `protocol_${station}.pdf` : kind === 'video' ? (device === 'phone' ? `VID_${local.slice(0, 10).replaceAll('-', '')}_${pad(n, 4)}.mp4` : `GX01${pad(n, 4)}.MP4`) : `IMG_${pad(n, 4)}.JPG`;
  const description = russian
    ? `${pick(random, SUBJECTS_RU)}. ${place.ru}, избирательный участок № ${station}. ${pick(random, DETAILS_RU)}`.trim()
    : `${pick(random, SUBJECTS_EN)} in ${place.en}, polling station ${station}. ${pick(random, DETAILS_EN)}`.trim();
  const size = kind === 'video' ? 10_000_000 + Math.floor(random() * 900_000_000) : 1_500_000 + Math.floor(random() * 6_000_000);
  const importedAt = new Date(ms + (1 + random() * 30) * 86_400_000).toISOString();
  return {
    row: {
      id,
      sha256: hex(random, 64),
      size,
      blobId: hex(random, 32),
      importedAt,
      kind,
      format: kind === 'video' ? 'mp4' : kind === 'photo' ? 'jpeg' : null,
      mime: kind === 'video' ? 'video/mp4' : kind === 'photo' ? 'image/jpeg' : 'application/pdf',
      originalName,
      capturedUtc,
      capturedLocal,
      captureSource: kind === 'video' ? (onlyUtc ? 'mvhd' : 'quicktime-creationdate') : 'exif',
      gpsLat: lat,
      gpsLon: lon,
      make: kind === 'other' ? null : make,
      model: kind === 'other' ? null : model,
      width: kind === 'other' ? null : 4032,
      height: kind === 'other' ? null : 3024,
      durationSeconds: kind === 'video' ? Math.round(random() * 600 * 1000) / 1000 : null,
      metadataJson: kind === 'other' ? '{}' : metadataJson(kind, make, model, capturedLocal, offsetKnown ? place.offset : null, lat, lon),
      title: random() < 0.3 ? (russian ? `УИК № ${station}, ${place.ru}` : `PS ${station}, ${place.en}`) : '',
      description: random() < 0.8 ? description : '',
      notes: random() < 0.1 ? pick(random, NOTES) : '',
      place: random() < 0.7 ? (russian ? `${place.ru}, УИК № ${station}` : `${place.en}, polling station ${station}`) : '',
    },
    tags: tagsFor(random),
    sourcePath: `/media/observer/SDCARD/DCIM/100${make.slice(0, 5).toUpperCase()}/${originalName}`,
    caseSlots: random() < 0.3 ? [Math.floor(random() * 10)] : [],
  };
}
