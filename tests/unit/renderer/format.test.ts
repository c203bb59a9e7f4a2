// Dates and numbers as the window shows them: a camera's wall-clock time is never shifted
// by this computer's zone, the offset is shown when known and "time zone unknown" when
// not, and import speed and time left come from a sliding window of samples.
import { describe, expect, it } from 'vitest';
import { formatCapture, formatOffset, formatWallClock, impliedOffset } from '../../../src/renderer/src/format/dates';
import { formatBytes, formatCoordinates, formatCount, formatDuration } from '../../../src/renderer/src/format/numbers';
import { formatLocale } from '../../../src/renderer/src/i18n';
import { dateFallback, numberLocale, numericOnly } from '../../../src/renderer/src/format/intl-cache';
import { addSample, secondsLeft, speedOf } from '../../../src/renderer/src/features/import/rate';

const words = { zoneUnknown: 'time zone unknown' };

describe('capture times', () => {
  it('write offsets as UTC±hh:mm', () => {
    expect(formatOffset(360)).toBe('UTC+06:00');
    expect(formatOffset(-210)).toBe('UTC−03:30');
    expect(formatOffset(0)).toBe('UTC');
  });

  it('show the wall clock as recorded, whatever zone this computer is in', () => {
    expect(formatWallClock('2021-01-10T08:14:00', 'en-GB')).toBe('10 Jan 2021, 08:14:00');
    expect(formatWallClock('2021-01-10T23:59:59.250', 'ru')).toContain('23:59:59');
    expect(formatWallClock('2021-01-10T08:14:00', 'kk')).toBe('2021 ж. 10 қаң., 08:14:00');
    expect(formatWallClock('not a date', 'en-GB')).toBeNull();
  });

  it('say the offset when known, "time zone unknown" when not, and UTC when only the instant is known', () => {
    expect(formatCapture({ local: '2021-01-10T08:14:00', utc: '2021-01-10T02:14:00Z', offsetMinutes: 360 }, 'en-GB', words)).toBe('10 Jan 2021, 08:14:00 UTC+06:00');
    expect(formatCapture({ local: '2021-01-10T08:14:00', utc: null, offsetMinutes: null }, 'en-GB', words)).toBe('10 Jan 2021, 08:14:00 (time zone unknown)');
    expect(formatCapture({ local: null, utc: '2021-01-10T02:14:00Z', offsetMinutes: null }, 'en-GB', words)).toBe('10 Jan 2021, 02:14:00 UTC');
    expect(formatCapture({ local: null, utc: null, offsetMinutes: null }, 'en-GB', words)).toBeNull();
  });

  it('derive the offset from the clock time and the instant', () => {
    expect(impliedOffset('2021-01-10T08:14:00', '2021-01-10T02:14:00.000Z')).toBe(360);
    expect(impliedOffset('2021-01-10T08:14:00', null)).toBeNull();
  });
});

describe('numbers', () => {
  it('give sizes in decimal units and durations as clock times', () => {
    expect(formatBytes(3_400_000, 'en-GB')).toBe('3.4 MB');
    expect(formatBytes(3_400, 'kk')).toBe('3,4 кБ');
    expect(formatCount(1_234_567, 'kk')).toBe('1\u00a0234\u00a0567');
    expect(formatDuration(65)).toBe('1:05');
    expect(formatDuration(3725)).toBe('1:02:05');
  });

  it('separate latitude and longitude so that a decimal comma cannot run them together', () => {
    const en = { north: 'N', south: 'S', east: 'E', west: 'W' };
    const ru = { north: 'с. ш.', south: 'ю. ш.', east: 'в. д.', west: 'з. д.' };
    expect(formatCoordinates(41.853, 12.48883, 'en-GB', en)).toBe('41.85300° N; 12.48883° E');
    expect(formatCoordinates(-33.8688, -70.65, 'en-GB', en)).toBe('33.86880° S; 70.65000° W');
    expect(formatCoordinates(41.853, -12.48883, 'ru', ru)).toBe('41,85300° с. ш.; 12,48883° з. д.');
    expect(formatCoordinates(41.853, 12.48883, 'kk', { north: 'с. е.', south: 'о. е.', east: 'ш. б.', west: 'б. б.' })).toBe('41,85300° с. е.; 12,48883° ш. б.');
  });

  it("write Kazakh numbers as Kazakhstan does even where Intl has no Kazakh data (Chromium's ICU)", () => {
    expect(numberLocale('kk', () => false)).toBe('ru-KZ');
    expect(numberLocale('kk-KZ', () => false)).toBe('ru-KZ');
    expect(numberLocale('kk-KZ', () => true)).toBe('kk-KZ');
    // No fallback is invented for a language without one: English data is the root's.
    expect(numberLocale('en-GB', () => false)).toBe('en-GB');
    expect(new Intl.NumberFormat(numberLocale('kk', () => false)).format(338_025.5)).toBe('338\u00a0025,5');
  });

  it("write Kazakh dates in figures (13.01.2011) where Intl has no Kazakh data, never Chromium's root '2011 M01 13' or a Russian month", () => {
    expect(dateFallback('kk', () => false)).toBe('ru-KZ');
    expect(dateFallback('kk', () => true)).toBeUndefined();
    expect(dateFallback('ru', () => false)).toBeUndefined();
    const at = new Date(Date.UTC(2011, 0, 13, 9, 5, 7));
    const medium = numericOnly({ dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
    expect(new Intl.DateTimeFormat('ru-KZ', medium).format(at)).toBe('13.01.2011, 09:05:07');
    const short = numericOnly({ year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    expect(new Intl.DateTimeFormat('ru-KZ', short).format(at)).toBe('13.01.2011, 09:05');
  });
});

describe('import rate', () => {
  it('measures speed over the last five seconds and estimates the time left', () => {
    let samples = addSample([], { at: 0, bytes: 0 });
    expect(speedOf(samples)).toBeNull();
    for (let t = 1000; t <= 10_000; t += 1000) samples = addSample(samples, { at: t, bytes: t * 2000 });
    expect(samples[0]?.at).toBeGreaterThanOrEqual(4000);
    expect(speedOf(samples)).toBe(2_000_000);
    expect(secondsLeft(10_000_000, speedOf(samples))).toBe(5);
    expect(secondsLeft(10, null)).toBeNull();
  });
});

describe('the formatting locale', () => {
  it("is the system's own tag for the window's language, else the language itself", () => {
    expect(formatLocale('kk', ['ru-RU', 'kk-KZ'])).toBe('kk-KZ');
    expect(formatLocale('kk', ['ru-RU', 'en-GB'])).toBe('kk');
    expect(formatLocale('en', ['en-GB'])).toBe('en-GB');
  });
});
