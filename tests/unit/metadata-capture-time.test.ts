// Capture-time precedence and representation: EXIF original (with its offset) > XMP >
// IPTC > EXIF digitized > QuickTime creationdate > udta date > mvhd, and nothing after it:
// the file's modification time is never a capture time. Nothing is invented: no zone
// without one the file establishes, no local time for a UTC-only source.
import { describe, expect, it } from 'vitest';
import { chooseCaptureTime, type CaptureContext, type DateCandidate } from '../../src/main/engine/metadata/capture-time';
import { parseExifDateTime, parseIsoDateTime } from '../../src/main/engine/metadata/datetime';
import { Problems } from '../../src/main/engine/metadata/problems';
import { saidByCaptureTime } from '../../src/shared/capture-notes';

const exifOriginal = (text: unknown, offsetText?: unknown, subsecText?: unknown): DateCandidate => ({
  kind: 'local',
  field: 'EXIF DateTimeOriginal',
  text,
  style: 'exif',
  offsetText,
  offsetField: 'OffsetTimeOriginal',
  subsecText,
});
const appleCreation = (text: string): DateCandidate => ({ kind: 'local', field: 'QuickTime com.apple.quicktime.creationdate', text, style: 'iso' });
const mvhd = (utc: string): DateCandidate => ({ kind: 'instant', field: 'mvhd creation time', utc });

function choose(candidates: DateCandidate[], context?: CaptureContext): { time: ReturnType<typeof chooseCaptureTime>; problems: string[] } {
  const problems = new Problems();
  const time = chooseCaptureTime(candidates, problems, context);
  return { time, problems: problems.toArray() };
}

describe('capture time', () => {
  it('uses EXIF DateTimeOriginal with OffsetTimeOriginal and subseconds', () => {
    const { time, problems } = choose([exifOriginal('2021:04:11 15:47:53', '-05:00', '054')]);
    expect(time).toEqual({
      local: '2021-04-11T15:47:53.054',
      utcOffsetMinutes: -300,
      utc: '2021-04-11T20:47:53.054Z',
      source: 'exif',
      offsetKnown: true,
      field: 'EXIF DateTimeOriginal + OffsetTimeOriginal',
    });
    expect(problems).toEqual([]);
  });

  it('keeps a local time without a zone as such: no UTC is invented', () => {
    const { time } = choose([exifOriginal('2003:12:04 06:46:52')]);
    expect(time).toMatchObject({ local: '2003-12-04T06:46:52', utcOffsetMinutes: null, utc: null, offsetKnown: false, source: 'exif' });
  });

  it('crosses midnight and the date line when applying an offset', () => {
    expect(choose([exifOriginal('2020:01:01 00:30:00', '+14:00')]).time?.utc).toBe('2019-12-31T10:30:00Z');
    expect(choose([exifOriginal('2020:12:31 23:30:00', '-05:30')]).time?.utc).toBe('2021-01-01T05:00:00Z');
  });

  it('treats blank and all-zero dates as absent, says so, and falls through to no capture time at all', () => {
    const { time, problems } = choose([exifOriginal('    :  :     :  :  '), { kind: 'local', field: 'EXIF DateTimeDigitized', text: '0000:00:00 00:00:00', style: 'exif' }]);
    expect(time).toBeNull();
    expect(problems).toEqual([
      'EXIF DateTimeOriginal is blank ("    :  :     :  :  "); treated as absent.',
      'EXIF DateTimeDigitized is all zeros ("0000:00:00 00:00:00"); treated as absent.',
    ]);
  });

  it('applies the precedence whatever order the readers found the candidates in', () => {
    const candidates: DateCandidate[] = [
      mvhd('2019-07-24T08:25:57Z'),
      { kind: 'local', field: "udta 'date'", text: '2019-07-24T11:25:41+0300', style: 'iso' },
      appleCreation('2019-07-24T11:25:40+0300'),
    ];
    expect(choose(candidates).time).toMatchObject({ source: 'quicktime-creationdate', local: '2019-07-24T11:25:40', utcOffsetMinutes: 180, utc: '2019-07-24T08:25:40Z' });
    expect(choose(candidates.slice(0, 2)).time).toMatchObject({ source: 'udta-date', utc: '2019-07-24T08:25:41Z' });
    expect(choose([mvhd('2019-07-24T08:25:57Z')]).time).toMatchObject({ source: 'mvhd' });
    expect(choose([exifOriginal('2019:01:01 10:00:00'), appleCreation('2019-07-24T11:25:40+0300')]).time).toMatchObject({ source: 'exif' });
  });

  it('represents mvhd as a UTC instant with no local time and no zone', () => {
    expect(choose([mvhd('2017-07-13T19:16:41Z')]).time).toEqual({
      local: null,
      utcOffsetMinutes: null,
      utc: '2017-07-13T19:16:41Z',
      source: 'mvhd',
      offsetKnown: true,
      field: 'mvhd creation time',
    });
  });

  it('keeps the zone of an XMP date stating the same clock time as a hint, never as a known instant', () => {
    const xmp: DateCandidate = { kind: 'local', field: 'XMP xmp:CreateDate', text: '2010-12-12T12:41:35.00+01:00', style: 'iso' };
    const { time, problems } = choose([exifOriginal('2010:12:12 12:41:35', undefined, '00'), xmp]);
    expect(time).toMatchObject({ local: '2010-12-12T12:41:35.00', utcOffsetMinutes: null, utc: null, offsetKnown: false, source: 'exif', field: 'EXIF DateTimeOriginal' });
    expect(time?.zoneHint).toEqual({ reason: 'xmp-zone', offsetMinutes: 60, field: 'XMP xmp:CreateDate' });
    expect(problems.join(' ')).toMatch(/XMP xmp:CreateDate states the zone \+01:00, but XMP dates are written by editing software/);
    const other: DateCandidate = { ...xmp, text: '2011-01-01T09:00:00+01:00' };
    const unrelated = choose([exifOriginal('2010:12:12 12:41:35'), other]).time;
    expect(unrelated).toMatchObject({ utc: null, utcOffsetMinutes: null, offsetKnown: false });
    expect(unrelated?.zoneHint).toBeUndefined();
  });

  it('keeps the zone of an XMP or IPTC date that is the capture time as a hint', () => {
    const xmpOnly = choose([{ kind: 'local', field: 'XMP photoshop:DateCreated', text: '2019-10-16T19:01:00+00:00', style: 'iso' }]).time;
    expect(xmpOnly).toMatchObject({ local: '2019-10-16T19:01:00', utc: null, utcOffsetMinutes: null, offsetKnown: false, source: 'xmp', zoneHint: { reason: 'xmp-zone', offsetMinutes: 0 } });
    const iptc = choose([{ kind: 'local', field: 'IPTC DateCreated + TimeCreated', text: '2009-09-09T17:00:00+03:00', style: 'iso' }]).time;
    expect(iptc).toMatchObject({ local: '2009-09-09T17:00:00', utc: null, offsetKnown: false, source: 'iptc', zoneHint: { reason: 'iptc-zone', offsetMinutes: 180 } });
  });

  it('keeps the mvhd of a camera that writes local time as the camera clock, zone unknown', () => {
    const { time, problems } = choose([mvhd('2019-07-24T11:25:40Z')], { localClockCamera: 'GoPro' });
    expect(time).toEqual({
      local: '2019-07-24T11:25:40',
      utcOffsetMinutes: null,
      utc: null,
      source: 'mvhd',
      offsetKnown: false,
      field: 'mvhd creation time',
      zoneHint: { reason: 'mvhd-local-clock', offsetMinutes: null, field: 'mvhd creation time', camera: 'GoPro' },
    });
    expect(problems.join(' ')).toMatch(/GoPro cameras write their local clock time into the movie header/);
  });

  it('checks the capture time against the GPS clock and says when they disagree, with both values', () => {
    const gps = { utc: '2019-07-24T03:25:38Z', field: 'GoPro GPMF GPSU' };
    const local = choose([mvhd('2019-07-24T11:25:40Z')], { localClockCamera: 'GoPro', gpsTime: gps }).time;
    expect(local?.offsetKnown).toBe(false);
    expect(local?.gpsCheck).toEqual({ gpsUtc: gps.utc, field: gps.field, result: 'implies-zone', differenceSeconds: 8 * 3600 + 2, impliedOffsetMinutes: 480 });

    const known = choose([exifOriginal('2021:04:11 15:47:53', '-05:00')], { gpsTime: { utc: '2021-04-11T20:47:50Z', field: 'EXIF GPSDateStamp + GPSTimeStamp' } });
    expect(known.time?.gpsCheck?.result).toBe('agrees');
    expect(known.problems).toEqual([]);

    const wrong = choose([exifOriginal('2021:04:11 15:47:53', '-05:00')], { gpsTime: { utc: '2021-04-11T15:47:53Z', field: 'EXIF GPSDateStamp + GPSTimeStamp' } });
    expect(wrong.time).toMatchObject({ offsetKnown: true, utc: '2021-04-11T20:47:53Z', gpsCheck: { result: 'disagrees', differenceSeconds: 5 * 3600 } });
    expect(wrong.problems.join(' ')).toMatch(/2021-04-11T20:47:53Z.*2021-04-11T15:47:53Z.*differ by 5 h/);

    const xmp: DateCandidate = { kind: 'local', field: 'XMP exif:DateTimeOriginal', text: '2005-08-03T18:59:18-04:00', style: 'iso' };
    const hinted = choose([exifOriginal('2005:08:03 18:59:18'), xmp], { gpsTime: { utc: '2005-08-03T17:59:18Z', field: 'EXIF GPSDateStamp + GPSTimeStamp' } });
    expect(hinted.time).toMatchObject({ offsetKnown: false, zoneHint: { offsetMinutes: -240 }, gpsCheck: { result: 'implies-zone', impliedOffsetMinutes: 60 } });
    expect(hinted.problems.join(' ')).toMatch(/states -04:00, but the GPS time .* puts the camera clock .* at \+01:00/);

    // The window words these from the data and leaves exactly these sentences out (src/shared/capture-notes.ts).
    expect(hinted.problems.every((p) => saidByCaptureTime(p, hinted.time))).toBe(true);
    expect(wrong.problems.every((p) => saidByCaptureTime(p, wrong.time))).toBe(true);
    expect(saidByCaptureTime('EXIF DateTimeOriginal is blank; treated as absent.', hinted.time)).toBe(false);

    const nonsense = choose([exifOriginal('2005:08:03 18:59:18')], { gpsTime: { utc: '2005-08-03T11:21:00Z', field: 'EXIF GPSDateStamp + GPSTimeStamp' } });
    expect(nonsense.time?.gpsCheck?.result).toBe('no-zone-fits');
    expect(nonsense.problems.join(' ')).toMatch(/no time zone explains/);
  });

  it('reports an invalid offset and keeps the time without a zone', () => {
    const { time, problems } = choose([exifOriginal('2020:01:01 12:00:00', '+25:00')]);
    expect(time).toMatchObject({ local: '2020-01-01T12:00:00', utc: null, offsetKnown: false });
    expect(problems.join(' ')).toMatch(/OffsetTimeOriginal is not a valid offset/);
  });

  it('returns null when nothing at all is known', () => {
    expect(choose([]).time).toBeNull();
    expect(choose([], { gpsTime: { utc: '2022-01-12T07:30:14Z', field: 'EXIF GPSDateStamp + GPSTimeStamp' } }).time).toBeNull();
  });
});

describe('date parsing', () => {
  it('reads EXIF dates and refuses impossible ones', () => {
    expect(parseExifDateTime('2016:09:28 18:18:05')).toEqual({ ok: true, value: { local: '2016-09-28T18:18:05', offsetMinutes: null } });
    expect(parseExifDateTime('2016:02:30 18:18:05').ok).toBe(false);
    expect(parseExifDateTime('2016:09:28 25:18:05').ok).toBe(false);
    expect(parseExifDateTime(20160928).ok).toBe(false);
  });

  it('reads ISO dates with zones and refuses a date without a time of day', () => {
    expect(parseIsoDateTime('2021-05-16T19:27:55Z')).toEqual({ ok: true, value: { local: '2021-05-16T19:27:55', offsetMinutes: 0 } });
    expect(parseIsoDateTime('2020-11-20T15:04:02+0100')).toEqual({ ok: true, value: { local: '2020-11-20T15:04:02', offsetMinutes: 60 } });
    expect(parseIsoDateTime('2010')).toEqual({ ok: false, reason: 'holds a date without a time of day ("2010")' });
  });
});
