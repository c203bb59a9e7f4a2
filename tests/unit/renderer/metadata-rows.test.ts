// The detail pane's facts about time and place, in English, Russian and Kazakh: a file with
// no capture time says so beside its file time (never shown as "Taken"), a zone the file
// only suggests is a hint with its reason, a GPS clock that disagrees is a warning with both
// values, 0°, 0° is "no fix", and an altitude below sea level reads so.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { factRows, otherProblems } from '../../../src/renderer/src/features/detail/metadata-rows';
import en from '../../../src/renderer/src/i18n/locales/en.json';
import kk from '../../../src/renderer/src/i18n/locales/kk.json';
import ru from '../../../src/renderer/src/i18n/locales/ru.json';
import type { ItemDetail } from '../../../src/shared/items';
import type { CaptureTime, ExtractedMetadata, GpsPosition } from '../../../src/shared/metadata';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } }, interpolation: { escapeValue: false } });

function item(captureTime: CaptureTime | null, gps: GpsPosition | null = null, gpsTime: ExtractedMetadata['gpsTime'] = null): ItemDetail {
  const metadata = { gpsTime, kind: 'photo', format: 'jpeg', mime: 'image/jpeg', captureTime, gps, make: null, model: null, lens: null, software: null, orientation: null, rotation: null, mirrored: false, pixelSize: null, displaySize: null, durationSeconds: null, videoCreatedAt: null, raw: {}, problems: [] } satisfies ExtractedMetadata;
  return {
    id: '5f0e1c2a-7d1b-4c3e-9a6f-0b8d2e4f6a10',
    sha256: 'ab'.repeat(32),
    size: 2000,
    kind: 'photo',
    format: 'jpeg',
    originalName: 'IMG_0001.JPG',
    importedAt: '2026-12-04T10:00:00.000Z',
    capturedLocal: captureTime?.local ?? null,
    capturedUtc: captureTime?.utc ?? null,
    captureSource: captureTime?.source ?? null,
    tags: [],
    thumbStatus: 'ok',
    sha1: null,
    md5: null,
    metadata,
    thumbReason: null,
    acquisitions: [{ sourcePath: '/card/IMG_0001.JPG', fileSize: 2000, fileModified: '2026-12-03T12:00:00.000Z', fileCreated: null, acquiredAt: '2026-12-04T10:00:00.000Z', importId: null }],
    video: null,
    custody: [],
    provenance: [],
  };
}

const rowsOf = (detail: ItemDetail, lng = 'en') => Object.fromEntries(factRows(detail, i18n.getFixedT(lng), lng === 'en' ? 'en-GB' : lng).map((r) => [r.key, r]));

const hinted: CaptureTime = {
  local: '2005-08-03T18:59:18',
  utcOffsetMinutes: null,
  utc: null,
  source: 'exif',
  offsetKnown: false,
  field: 'EXIF DateTimeOriginal',
  zoneHint: { reason: 'xmp-zone', offsetMinutes: -240, field: 'XMP photoshop:DateCreated' },
  gpsCheck: { gpsUtc: '2005-08-03T17:59:18Z', field: 'EXIF GPSDateStamp + GPSTimeStamp', result: 'implies-zone', differenceSeconds: 3600, impliedOffsetMinutes: 60 },
};

describe('time and place in the detail pane', () => {
  it('says there is no capture time and names the file time as a file time', () => {
    const en = rowsOf(item(null));
    expect(en.taken).toMatchObject({ label: 'Taken', value: 'No capture time recorded; file modified 3 Dec 2026', unknown: true, source: null });
    expect(rowsOf(item(null), 'ru').taken?.value).toMatch(/^Время съёмки не записано; файл изменён 3 дек\.? 2026/);
    expect(rowsOf(item(null), 'kk').taken?.value).toMatch(/^Түсірілген уақыты жазылмаған; файл .*2026.* өзгертілген$/);
    // A GPS clock alone dates the position fix, and is named so: it is not made the capture time.
    const fixOnly = rowsOf(item(null, null, { utc: '2022-01-12T07:30:14Z', field: 'EXIF GPSDateStamp + GPSTimeStamp' }));
    expect(fixOnly.taken?.value).toMatch(/^No capture time recorded/);
    expect(fixOnly['gps-time']?.value).toBe('12 Jan 2022, 07:30:14 UTC: the time of the position fix, not a capture time');
  });

  it('shows a clock time with a zone hint as zone unknown, the hint with its reason, and the GPS clock that contradicts the hint', () => {
    const rows = rowsOf(item(hinted));
    expect(rows.taken?.value).toMatch(/18:59:18 \(time zone unknown\)$/);
    expect(rows['zone-hint']?.value).toBe("UTC−04:00 is only a hint: XMP photoshop:DateCreated is written by editing software, in the zone of the computer it ran on, not necessarily the camera's.");
    expect(rows['gps-time']).toMatchObject({ warning: true, value: expect.stringMatching(/17:59:18 UTC: puts the camera clock at UTC\+01:00, not at the UTC−04:00 of the zone hint$/) });
    const ru = rowsOf(item(hinted), 'ru');
    expect(ru['zone-hint']?.value).toMatch(/^UTC−04:00 — лишь подсказка/);
  });

  it('warns when a known instant and the GPS clock disagree, with both values', () => {
    const known: CaptureTime = {
      local: '2021-04-11T15:47:53',
      utcOffsetMinutes: -300,
      utc: '2021-04-11T20:47:53Z',
      source: 'exif',
      offsetKnown: true,
      field: 'EXIF DateTimeOriginal + OffsetTimeOriginal',
      gpsCheck: { gpsUtc: '2021-04-11T15:47:53Z', field: 'EXIF GPSDateStamp + GPSTimeStamp', result: 'disagrees', differenceSeconds: 5 * 3600 + 120, impliedOffsetMinutes: null },
    };
    const rows = rowsOf(item(known));
    expect(rows.taken?.value).toMatch(/15:47:53 UTC−05:00$/);
    expect(rows['gps-time']).toMatchObject({ warning: true, value: expect.stringMatching(/^11 Apr 2021, 15:47:53 UTC: 5 h 2 min from the capture time/) });
  });

  it('calls 0°, 0° no fix, not a place, and writes coordinates and altitude unambiguously', () => {
    expect(rowsOf(item(null, { lat: 0, lon: 0, alt: 0, source: 'exif' })).place).toMatchObject({ value: 'No fix (0°, 0°): devices write this when they have no GPS position', unknown: true });
    const below = { lat: 43.68739444444444, lon: -85.48351944444444, alt: -848, source: 'exif' } as const;
    expect(rowsOf(item(null, below)).place?.value).toBe('43.68739° N; 85.48352° W · 848 m below sea level');
    expect(rowsOf(item(null, below), 'ru').place?.value).toBe('43,68739° с. ш.; 85,48352° з. д. · 848 м ниже уровня моря');
    expect(rowsOf(item(null, { lat: 41.853, lon: 12.48883, alt: 72, source: 'exif' }), 'kk').place?.value).toBe('41,85300° с. е.; 12,48883° ш. б. · теңіз деңгейінен 72 м биіктікте');
  });
});

describe('the problems list beside the facts', () => {
  it("leaves out the engine's English sentences for what the fact rows already say in the window's language", () => {
    const metadata = item(hinted).metadata;
    expect(metadata).not.toBeNull();
    if (metadata === null) return;
    const all = [
      'The JPEG image data has no end marker.',
      "XMP photoshop:DateCreated states the zone -04:00, but XMP dates are written by editing software (Photoshop, Lightroom, digiKam) in the zone of the computer it ran on, not necessarily the camera's: the zone is a hint, the instant is not known.",
      'XMP photoshop:DateCreated states -04:00, but the GPS time (2005-08-03T17:59:18Z) puts the camera clock (2005-08-03 18:59:18) at +01:00: the two disagree.',
    ];
    expect(otherProblems({ ...metadata, problems: all })).toEqual(['The JPEG image data has no end marker.']);
    // Without the structured hint (an item read by an older Tamga), nothing is left out.
    expect(otherProblems({ ...metadata, captureTime: null, problems: all })).toEqual(all);
  });

  it('says what ExifTool, the reader of last resort, filled, or why it gave nothing, in each language', () => {
    const read = item({ local: '2018-02-21T12:08:56', utcOffsetMinutes: 0, utc: '2018-02-21T12:08:56Z', source: 'exiftool', offsetKnown: true, field: 'ExifTool EXIF:DateTimeOriginal + EXIF:OffsetTimeOriginal' });
    const withRead: ItemDetail = { ...read, metadata: { ...(read.metadata as ExtractedMetadata), exiftool: { status: 'read', version: '13.59', filled: ['captureTime', 'make'] } } };
    expect(rowsOf(withRead).exiftool).toMatchObject({ value: "ExifTool 13.59 read what Tamga's own readers do not: capture time, make", unknown: false });
    expect(rowsOf(withRead).taken).toMatchObject({ source: 'ExifTool (reader of last resort)', sourceField: 'ExifTool EXIF:DateTimeOriginal + EXIF:OffsetTimeOriginal' });
    expect(rowsOf(withRead, 'ru').exiftool?.value).toBe('ExifTool 13.59 прочитал то, чего не читают собственные средства Tamga: время съёмки, производитель');

    const failed = item(null);
    const sentence = "ExifTool, Tamga's reader of last resort, could not be started (spawn perl ENOENT); what Tamga's own readers do not read of this file stays unknown.";
    const metadata: ExtractedMetadata = { ...(failed.metadata as ExtractedMetadata), exiftool: { status: 'failed', version: null, filled: [], reason: 'cannot-start', detail: 'spawn perl ENOENT' }, problems: ['Other.', sentence] };
    const withFailure: ItemDetail = { ...failed, metadata };
    expect(rowsOf(withFailure).exiftool).toMatchObject({ value: "ExifTool could not be started; what Tamga's own readers do not read stays unknown", unknown: true, warning: true, source: 'spawn perl ENOENT' });
    expect(rowsOf(withFailure, 'kk').exiftool?.value).toBe('ExifTool іске қосылмады; Tamga-ның өз құралдары оқымайтыны белгісіз болып қалады');
    // The English sentence is worded by the row instead: it is not listed again among the problems.
    expect(otherProblems(metadata)).toEqual(['Other.']);
  });
});
