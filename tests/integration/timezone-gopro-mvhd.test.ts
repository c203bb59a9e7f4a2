// Time-zone rule: a GoPro writes its local clock into the movie header (mvhd), which the
// standard says is UTC. Such a time is the camera's clock with its zone unknown (never a
// known UTC instant), with a hint saying why; the GPS clock GoPro records in its GPMF
// telemetry (GPSU) is read and set beside it. The MP4 is built box by box here the way a
// HERO camera writes one: a FIRM firmware atom in udta and a 'gpmd' telemetry track whose
// first sample, in mdat, holds DEVC > STRM > GPSF, GPSU.
import { describe, expect, it } from 'vitest';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { extractMetadata } from '../../src/main/engine/metadata/extract';
import { box, EPOCH_1904_OFFSET, fullBoxHeader, ftyp, mvhd, u16, u32 } from '../helpers/metadata-boxes';

/** One GPMF KLV: key, type, structure size, repeat, data padded to four bytes. */
function klv(key: string, type: string | 0, structSize: number, repeat: number, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(key, 0, 'latin1');
  head[4] = type === 0 ? 0 : type.charCodeAt(0);
  head[5] = structSize;
  head.writeUInt16BE(repeat, 6);
  const padded = Buffer.alloc(Math.ceil(data.length / 4) * 4);
  data.copy(padded);
  return Buffer.concat([head, padded]);
}
const nested = (key: string, ...children: Buffer[]): Buffer => {
  const body = Buffer.concat(children);
  return klv(key, 0, 1, body.length, body);
};

function gpmfSample(gpsu: string, fix: number): Buffer {
  return nested(
    'DEVC',
    klv('DVID', 'L', 4, 1, u32(1)),
    nested('STRM', klv('GPSF', 'L', 4, 1, u32(fix)), klv('GPSU', 'U', 16, 1, Buffer.from(gpsu, 'latin1')), klv('GPSP', 'S', 2, 1, u16(500))),
  );
}

/** Seconds since 1904 of a clock reading, written as its digits (what a GoPro does). */
const clock1904 = (digits: string): number => Date.parse(`${digits}Z`) / 1000 + EPOCH_1904_OFFSET;

function telemetryTrak(sampleSize: number, chunkOffset: number): Buffer {
  const hdlr = box('hdlr', fullBoxHeader(), u32(0), Buffer.from('meta', 'latin1'), Buffer.alloc(12), Buffer.from('GoPro MET\0', 'latin1'));
  const gpmd = box('gpmd', Buffer.alloc(6), u16(1));
  const stsd = box('stsd', fullBoxHeader(), u32(1), gpmd);
  const stsz = box('stsz', fullBoxHeader(), u32(0), u32(1), u32(sampleSize));
  const stco = box('stco', fullBoxHeader(), u32(1), u32(chunkOffset));
  const stsc = box('stsc', fullBoxHeader(), u32(1), u32(1), u32(1), u32(1));
  return box('trak', box('mdia', hdlr, box('minf', box('stbl', stsd, stsc, stsz, stco))));
}

interface Options {
  readonly firmware?: string | null;
  readonly telemetry?: boolean;
  readonly fix?: number;
}

/** A HERO-style MP4: mvhd 11:25:40 on the camera's clock, GPS clock 03:25:38 UTC (the camera was at UTC+8). */
function goproMp4({ firmware = 'HD7.01.01.90.00', telemetry = true, fix = 3 }: Options = {}): Buffer {
  const sample = gpmfSample('190724032538.000', fix);
  const head = ftyp('mp41', 'mp41');
  const build = (offset: number): Buffer =>
    box(
      'moov',
      mvhd(clock1904('2019-07-24T11:25:40'), 1000, 10_000),
      ...(telemetry ? [telemetryTrak(sample.length, offset)] : []),
      box('udta', ...(firmware === null ? [] : [box('FIRM', Buffer.from(firmware, 'latin1'))])),
    );
  const moovLength = build(0).length;
  const moov = build(head.length + moovLength + 8);
  return Buffer.concat([head, moov, box('mdat', sample)]);
}

const extract = (file: Buffer) => extractMetadata(bufferByteSource(file), { name: 'GX010042.MP4' });

describe('a GoPro-style MP4 with a local mvhd and a GPS time', () => {
  it('keeps the mvhd as the camera clock, offsetKnown false, with the reason', async () => {
    const m = await extract(goproMp4());
    expect(m.captureTime).toMatchObject({ local: '2019-07-24T11:25:40', utc: null, utcOffsetMinutes: null, offsetKnown: false, source: 'mvhd', field: 'mvhd creation time' });
    expect(m.captureTime?.zoneHint).toEqual({ reason: 'mvhd-local-clock', offsetMinutes: null, field: 'mvhd creation time', camera: 'GoPro' });
    expect(m.problems.join('\n')).toMatch(/GoPro cameras write their local clock time into the movie header \(mvhd\), which the standard says is UTC/);
    // The raw movie header is still reported as what it literally says.
    expect(m.videoCreatedAt).toBe('2019-07-24T11:25:40Z');
  });

  it('reads the GPS clock from the GPMF telemetry and sets it beside the camera clock', async () => {
    const m = await extract(goproMp4());
    expect(m.gpsTime).toEqual({ utc: '2019-07-24T03:25:38Z', field: 'GoPro GPMF GPSU' });
    expect(m.captureTime?.gpsCheck).toEqual({ gpsUtc: '2019-07-24T03:25:38Z', field: 'GoPro GPMF GPSU', result: 'implies-zone', differenceSeconds: 8 * 3600 + 2, impliedOffsetMinutes: 480 });
    expect(m.captureTime?.offsetKnown).toBe(false);
  });

  it('knows a GoPro by its firmware atom alone', async () => {
    const m = await extract(goproMp4({ telemetry: false }));
    expect(m.captureTime).toMatchObject({ local: '2019-07-24T11:25:40', utc: null, offsetKnown: false, zoneHint: { reason: 'mvhd-local-clock', camera: 'GoPro' } });
    expect(m.gpsTime).toBeNull();
  });

  it('knows a GoPro by its telemetry track alone, and ignores a GPS clock without a fix', async () => {
    const m = await extract(goproMp4({ firmware: null, fix: 0 }));
    expect(m.captureTime).toMatchObject({ offsetKnown: false, zoneHint: { reason: 'mvhd-local-clock', camera: 'GoPro' } });
    expect(m.gpsTime).toBeNull();
    expect(m.captureTime?.gpsCheck).toBeUndefined();
  });

  it('keeps an mvhd from a camera not known to write local time as the UTC the standard says', async () => {
    const m = await extract(goproMp4({ firmware: null, telemetry: false }));
    expect(m.captureTime).toEqual({ local: null, utcOffsetMinutes: null, utc: '2019-07-24T11:25:40Z', source: 'mvhd', offsetKnown: true, field: 'mvhd creation time' });
  });
});
