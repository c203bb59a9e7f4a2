// ExifTool's tags (as `exiftool -json -G -n` prints them) turned into Tamga's fields by the same
// rules as its own readers: an instant is known only where the file establishes the offset
// (EXIF OffsetTimeOriginal, the camera's own zone in its date, an AVIF sequence's movie
// header), an XMP zone is a hint, a CR3's movie header (Canon's local clock) is never used,
// Composite GPS is the signed one, and a zero size is no size. The tag sets are ExifTool's
// output for real files, trimmed (tests/fixtures/camera-formats, real/mei/FLIR Vue Pro 640.jpg).
import { describe, expect, it } from 'vitest';
import { captureTimeOf, gpsOf, makeOf, pixelSizeOf } from '../../src/main/engine/metadata/exiftool/exiftool-fields';
import { fillFromExifTool } from '../../src/main/engine/metadata/exiftool/fallback';
import { notReadByOwnReaders } from '../../src/main/engine/metadata/not-read';
import { Problems } from '../../src/main/engine/metadata/problems';
import type { ExtractedMetadata } from '../../src/shared/metadata';

const capture = (tags: Record<string, unknown>): ReturnType<typeof captureTimeOf> => captureTimeOf(tags, new Problems());

describe('ExifTool tags as Tamga fields', () => {
  it('knows the instant only where the file establishes the offset', () => {
    expect(capture({ 'EXIF:DateTimeOriginal': '2018:02:21 12:08:56', 'EXIF:OffsetTimeOriginal': '+00:00', 'QuickTime:CreateDate': '2018:02:21 12:08:56', 'File:FileType': 'CR3' })).toMatchObject({
      local: '2018-02-21T12:08:56',
      utc: '2018-02-21T12:08:56Z',
      offsetKnown: true,
      field: 'ExifTool EXIF:DateTimeOriginal + EXIF:OffsetTimeOriginal',
    });
    // FLIR's own record carries the camera's zone in the value.
    expect(capture({ 'APP1:DateTimeOriginal': '2016:06:27 15:29:42.041-04:00' })).toMatchObject({ local: '2016-06-27T15:29:42.041', utcOffsetMinutes: -240, offsetKnown: true });
    expect(capture({ 'MakerNotes:DateTimeOriginal': '2003:11:10 17:39:26' })).toMatchObject({ local: '2003-11-10T17:39:26', utc: null, offsetKnown: false, field: 'ExifTool MakerNotes:DateTimeOriginal' });
    // An XMP zone is the editing computer's: a hint, never known.
    const xmp = capture({ 'XMP:DateTimeOriginal': '2021-01-10T08:14:00+06:00' });
    expect(xmp).toMatchObject({ local: '2021-01-10T08:14:00', utc: null, offsetKnown: false, zoneHint: { reason: 'xmp-zone', offsetMinutes: 360 } });
    // A CR3's movie header alone is no capture time (Canon writes its local clock there).
    expect(capture({ 'QuickTime:CreateDate': '2018:02:21 12:08:56', 'File:FileType': 'CR3' })).toBeNull();
    // An AVIF sequence's movie header is UTC by the standard, as a video's.
    expect(capture({ 'QuickTime:CreateDate': '2023:05:01 09:30:00', 'File:FileType': 'AVIF' })).toMatchObject({ local: null, utc: '2023-05-01T09:30:00.000Z', offsetKnown: true, field: 'ExifTool QuickTime:CreateDate' });
    expect(capture({ 'QuickTime:CreateDate': '0000:00:00 00:00:00', 'File:FileType': 'AVIF' })).toBeNull();
    // Blank and zero dates are skipped for the next candidate, as by Tamga's own readers.
    expect(capture({ 'EXIF:DateTimeOriginal': '0000:00:00 00:00:00', 'EXIF:CreateDate': '2004:11:18 23:14:58' })).toMatchObject({ local: '2004-11-18T23:14:58', source: 'exiftool', field: 'ExifTool EXIF:CreateDate' });
  });

  it('takes signed Composite GPS, the first make, and only real sizes', () => {
    expect(gpsOf({ 'EXIF:GPSLongitude': 94.28, 'Composite:GPSLatitude': 39.05, 'Composite:GPSLongitude': -94.28, 'Composite:GPSAltitude': -12.5 })).toEqual({ lat: 39.05, lon: -94.28, alt: -12.5, source: 'exiftool' });
    expect(gpsOf({ 'Composite:GPSLatitude': 91, 'Composite:GPSLongitude': 0 })).toBeNull();
    expect(makeOf({ 'SigmaRaw:Make': 'SIGMA', 'EXIF:Make': ' Canon\0' })).toEqual({ value: 'Canon', source: 'exiftool' });
    expect(pixelSizeOf({ 'File:ImageWidth': 200, 'File:ImageHeight': 0, 'MakerNotes:ImageWidth': 3072, 'MakerNotes:ImageHeight': 2048 })).toEqual({ width: 3072, height: 2048, source: 'exiftool' });
  });

  it('fills only what Tamga left unknown, and drops the "not read" sentence once read', () => {
    const own: ExtractedMetadata = {
      kind: 'photo', format: 'raf', mime: 'image/x-fujifilm-raf', captureTime: null, gps: null, make: { value: 'Fujifilm (own)', source: 'exif' }, model: null, lens: null, software: null,
      orientation: null, rotation: null, mirrored: false, pixelSize: null, displaySize: null, durationSeconds: null, videoCreatedAt: null, raw: {}, problems: [notReadByOwnReaders('raf')],
    };
    const filled = fillFromExifTool(own, { 'EXIF:Make': 'FUJIFILM', 'EXIF:Model': 'FinePix S5Pro', 'EXIF:DateTimeOriginal': '2007:05:22 13:58:30', 'EXIF:Orientation': 6, 'File:ImageWidth': 3024, 'File:ImageHeight': 2016 }, '13.59');
    expect(filled.make).toEqual({ value: 'Fujifilm (own)', source: 'exif' });
    expect(filled.model).toEqual({ value: 'FinePix S5Pro', source: 'exiftool' });
    expect(filled.displaySize).toEqual({ width: 2016, height: 3024 });
    expect(filled.exiftool).toEqual({ status: 'read', version: '13.59', filled: ['captureTime', 'model', 'pixelSize', 'orientation'] });
    expect(filled.problems).toEqual([]);
  });
});
