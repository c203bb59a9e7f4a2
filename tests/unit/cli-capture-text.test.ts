// How `tamga show` says a capture time: the offset and the UTC instant only when the
// metadata reader established them (offsetKnown), "time zone not recorded" otherwise,
// and a file's modification time never as a capture time.
import { describe, expect, it } from 'vitest';
import { captureTimeText, itemCaptureText, offsetText, searchWhenText } from '../../src/cli/capture-text';
import type { CaptureTime } from '../../src/shared/metadata';

const time = (over: Partial<CaptureTime>): CaptureTime => ({
  local: '2019-07-24T11:25:40',
  utcOffsetMinutes: 360,
  utc: '2019-07-24T05:25:40Z',
  source: 'exif',
  offsetKnown: true,
  field: 'EXIF DateTimeOriginal + OffsetTimeOriginal',
  ...over,
});

describe('tamga show capture times', () => {
  it('give local time, offset and UTC instant when the offset is known', () => {
    expect(captureTimeText(time({}))).toBe('2019-07-24 11:25:40 +06:00 (05:25:40 UTC) [EXIF DateTimeOriginal + OffsetTimeOriginal]');
    expect(captureTimeText(time({ local: '2019-07-24T01:00:00.250', utc: '2019-07-23T19:00:00.250Z' }))).toBe(
      '2019-07-24 01:00:00.250 +06:00 (2019-07-23 19:00:00.250 UTC) [EXIF DateTimeOriginal + OffsetTimeOriginal]',
    );
    expect(captureTimeText(time({ local: '2010-12-12T12:41:35.00', utc: '2010-12-12T11:41:35.00Z', utcOffsetMinutes: 60 }))).toMatch(/^2010-12-12 12:41:35\.00 \+01:00 \(11:41:35 UTC\)/);
    expect(offsetText(-210)).toBe('-03:30');
    expect(offsetText(0)).toBe('+00:00');
  });

  it('say plainly that the zone is not recorded, even when a hinted offset is present but not established', () => {
    expect(captureTimeText(time({ utcOffsetMinutes: null, utc: null, offsetKnown: false, field: 'EXIF DateTimeOriginal' }))).toBe('2019-07-24 11:25:40, time zone not recorded [EXIF DateTimeOriginal]');
    expect(captureTimeText(time({ offsetKnown: false, utc: null }))).toMatch(/^2019-07-24 11:25:40, time zone not recorded /);
    expect(captureTimeText(time({ offsetKnown: false }))).not.toContain('+06:00');
  });

  it('give a UTC-only instant as UTC with no local time, and a file time as a file time', () => {
    expect(captureTimeText(time({ local: null, utcOffsetMinutes: null, source: 'mvhd', field: 'mvhd creation time' }))).toBe('2019-07-24 05:25:40 UTC, local time not recorded [mvhd creation time]');
    expect(captureTimeText(time({ local: null, utcOffsetMinutes: null, source: 'file-mtime', field: 'file modification time' }))).toBe(
      'no capture time recorded; file modified 2019-07-24 05:25:40 UTC [file modification time]',
    );
    expect(captureTimeText(null)).toBe('no capture time recorded');
  });

  it('fall back to the summary fields, without working an offset out, when the metadata is missing', () => {
    expect(itemCaptureText({ metadata: null, capturedLocal: '2019-07-24T11:25:40', capturedUtc: null, captureSource: 'exif' })).toBe('2019-07-24 11:25:40, time zone not recorded [exif]');
    expect(itemCaptureText({ metadata: null, capturedLocal: '2019-07-24T11:25:40', capturedUtc: '2019-07-24T05:25:40Z', captureSource: 'exif' })).toBe('2019-07-24 11:25:40 (05:25:40 UTC) [exif]');
    expect(itemCaptureText({ metadata: null, capturedLocal: null, capturedUtc: null, captureSource: null })).toBe('no capture time recorded');
  });
});

describe('tamga search lines', () => {
  it('give the camera clock to the second, and a UTC instant alone with its Z', () => {
    expect(searchWhenText({ capturedLocal: '2019-07-24T11:25:40.120', capturedUtc: '2019-07-24T05:25:40.120Z' })).toBe('2019-07-24T11:25:40');
    expect(searchWhenText({ capturedLocal: null, capturedUtc: '2019-07-24T05:25:40.000Z' })).toBe('2019-07-24T05:25:40Z');
    expect(searchWhenText({ capturedLocal: null, capturedUtc: null })).toBe('—');
  });
});
