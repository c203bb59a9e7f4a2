// GPS notations: ISO 6709 (QuickTime, Android), EXIF rationals with hemisphere letters, and
// XMP's "DD,MM.mmmmN". Out-of-range and undefined values are refused, never turned into 0,0.
import { describe, expect, it } from 'vitest';
import { gpsFromExif, gpsFromIso6709, parseIso6709, parseXmpCoordinate } from '../../src/main/engine/metadata/gps';

describe('ISO 6709', () => {
  it('reads decimal degrees with and without altitude', () => {
    expect(parseIso6709('+37.3861-122.0839+010.000/')).toEqual({ lat: 37.3861, lon: -122.0839, alt: 10 });
    expect(parseIso6709('-33.8688+151.2093/')).toEqual({ lat: -33.8688, lon: 151.2093, alt: null });
    expect(parseIso6709('+32.0929+034.8620+028.516/')).toEqual({ lat: 32.0929, lon: 34.862, alt: 28.516 });
    expect(parseIso6709('+00.0000+000.0000/')).toEqual({ lat: 0, lon: 0, alt: null });
  });

  it('reads the degrees-minutes and degrees-minutes-seconds forms', () => {
    const dm = parseIso6709('+4852.6-00220.8/');
    expect(dm?.lat).toBeCloseTo(48 + 52.6 / 60, 10);
    expect(dm?.lon).toBeCloseTo(-(2 + 20.8 / 60), 10);
    const dms = parseIso6709('+403512.3-0735950.1/');
    expect(dms?.lat).toBeCloseTo(40 + 35 / 60 + 12.3 / 3600, 10);
    expect(dms?.lon).toBeCloseTo(-(73 + 59 / 60 + 50.1 / 3600), 10);
  });

  it('reads degrees without the standard padding, as ExifTool does', () => {
    expect(parseIso6709('+51.5932-0.2431/')).toEqual({ lat: 51.5932, lon: -0.2431, alt: null });
    expect(parseIso6709('+5.5-7.25+12.5/')).toEqual({ lat: 5.5, lon: -7.25, alt: 12.5 });
    expect(parseIso6709('-1.2+36.8/')).toEqual({ lat: -1.2, lon: 36.8, alt: null });
    expect(parseIso6709('+51-0/')).toEqual({ lat: 51, lon: -0, alt: null });
    expect(gpsFromIso6709('+51.5932-0.2431/', 'udta-xyz', "The udta '©xyz' position")).toEqual({ position: { lat: 51.5932, lon: -0.2431, alt: null, source: 'udta-xyz' } });
  });

  it('ignores a trailing CRS and NUL padding', () => {
    expect(parseIso6709('+27.5916+086.5640+8850CRSWGS_84/\0')).toEqual({ lat: 27.5916, lon: 86.564, alt: 8850 });
  });

  it('refuses text that is not a position, and positions outside the globe', () => {
    expect(parseIso6709('')).toBeNull();
    expect(parseIso6709('somewhere')).toBeNull();
    expect(parseIso6709('37.3861,-122.0839')).toBeNull();
    expect(parseIso6709('+4875.0-00220.8/')).toBeNull(); // 75 minutes
    expect(gpsFromIso6709('+95.0000+010.0000/', 'udta-xyz', 'The position')).toEqual({ problem: expect.stringMatching(/outside the globe/) });
    expect(gpsFromIso6709('garbage', 'udta-xyz', 'The position')).toEqual({ problem: expect.stringMatching(/not an ISO 6709 position/) });
  });
});

describe('EXIF GPS', () => {
  const base = { GPSLatitudeRef: 'S', GPSLatitude: [33, 52, 7.68], GPSLongitudeRef: 'W', GPSLongitude: [70, 39, 0], GPSAltitude: 12.5, GPSAltitudeRef: new Uint8Array([1]) };

  it('signs south and west, and altitude below sea level', () => {
    const result = gpsFromExif(base);
    expect(result && 'position' in result ? result.position : null).toEqual({ lat: -(33 + 52 / 60 + 7.68 / 3600), lon: -(70 + 39 / 60), alt: -12.5, source: 'exif' });
  });

  it('keeps a stated 0,0 and treats an empty block as no position', () => {
    const zero = gpsFromExif({ GPSLatitudeRef: 'N', GPSLatitude: [0, 0, 0], GPSLongitudeRef: 'E', GPSLongitude: [0, 0, 0] });
    expect(zero && 'position' in zero ? [zero.position.lat, zero.position.lon] : null).toEqual([0, 0]);
    expect(gpsFromExif({ GPSVersionID: new Uint8Array([2, 2, 0, 0]) })).toBeNull();
    expect(gpsFromExif(undefined)).toBeNull();
  });

  it('refuses 0/0 fractions, bad references and out-of-range degrees', () => {
    expect(gpsFromExif({ ...base, GPSLatitude: [NaN, NaN, NaN], GPSLongitude: [NaN, NaN, NaN] })).toEqual({ problem: expect.stringMatching(/holds no position/) });
    expect(gpsFromExif({ ...base, GPSLatitude: [48, 53.3, NaN] })).toEqual({ problem: expect.stringMatching(/undefined value/) });
    expect(gpsFromExif({ ...base, GPSLatitude: [Infinity, 0, 0] })).toEqual({ problem: expect.stringMatching(/undefined value/) });
    expect(gpsFromExif({ ...base, GPSLatitudeRef: 'X' })).toEqual({ problem: expect.stringMatching(/"X", not N or S/) });
    expect(gpsFromExif({ ...base, GPSLatitudeRef: undefined })).toEqual({ problem: expect.stringMatching(/missing/) });
    expect(gpsFromExif({ ...base, GPSLatitude: [200, 0, 0] })).toEqual({ problem: expect.stringMatching(/outside the globe/) });
  });
});

describe('XMP GPS coordinates', () => {
  it('reads degrees and decimal minutes, or degrees, minutes and seconds', () => {
    expect(parseXmpCoordinate('48,53.323582N')).toBeCloseTo(48 + 53.323582 / 60, 10);
    expect(parseXmpCoordinate('21,2.595070W')).toBeCloseTo(-(21 + 2.59507 / 60), 10);
    expect(parseXmpCoordinate('10,30,36S')).toBeCloseTo(-10.51, 10);
    expect(parseXmpCoordinate('north')).toBeNull();
  });
});
