// Metadata extraction against an independent oracle: for every real camera and phone file
// in ../shared/fixtures/real, the fields Tamga extracts must agree with what ExifTool 12.57
// read (exiftool-oracle.json). Each known disagreement is listed below with its reason; the
// test fails on any new disagreement and on any listed one that has become agreement.
import { describe, expect, it } from 'vitest';
import { compare, FIELDS, loadOracle, type Field } from '../helpers/metadata-oracle';
import { extractFile, filesUnder, fixtureName, REAL } from '../helpers/metadata-fixtures';

interface Exception {
  readonly file: string;
  readonly field: Field;
  readonly reason: string;
}

const EXCEPTIONS: readonly Exception[] = [
  {
    file: 'real/mei/beach.jpg',
    field: 'pixelSize',
    reason:
      'The JPEG frame header states height 0 (the real height comes in a DNL marker after the image data). ExifTool reports 200x0; Tamga records no pixel size rather than a zero one, with a problem.',
  },
  {
    file: 'real/mei/FLIR Vue Pro 640.jpg',
    field: 'captureTime',
    reason:
      "The only date is in FLIR's proprietary APP1 'FFF' record (ExifTool's APP1:DateTimeOriginal); Tamga reads standard EXIF, XMP and IPTC only, so it records no capture time (never the file time).",
  },
  {
    file: 'real/mei/Nikon D5000.jpg',
    field: 'orientation',
    reason:
      "Orientation 1 is only in IFD1, the thumbnail's directory (ExifTool reports it as EXIF:Orientation); viewers apply IFD0's Orientation alone, and IFD0 has none, so Tamga records none.",
  },
  {
    file: 'real/mei/FLIR Vue Pro 640.jpg',
    field: 'captureOffset',
    reason: "The zone (-04:00) is part of the same proprietary FLIR record as the date (see captureTime).",
  },
  {
    file: 'real/mei/FLIR Vue Pro 640.jpg',
    field: 'instantKnown',
    reason: 'The camera states its zone in the same proprietary FLIR record (see captureTime); with no capture time read, no instant is known.',
  },
  {
    file: 'real/exiftool/QuickTime.mov',
    field: 'make',
    reason:
      "The make is only inside Pentax's vendor 'TAGS' atom (ExifTool's MakerNotes:Make); Tamga does not parse vendor maker notes.",
  },
];

/**
 * How many files each field is compared on today. The oracle or the comparison quietly
 * covering fewer files would make agreement meaningless, so a drop fails the test.
 */
const COMPARED_AT_LEAST: Readonly<Record<Field, number>> = {
  mime: 127,
  captureTime: 127,
  captureOffset: 8,
  instantKnown: 83,
  gps: 127,
  gpsAltitude: 22,
  make: 127,
  model: 127,
  pixelSize: 127,
  displaySize: 88,
  orientation: 76,
  rotation: 20,
  duration: 15,
  videoCreatedAt: 15,
};

const TOTAL_TIME_BUDGET_MS = 20_000;

describe('metadata extraction agrees with ExifTool on the real fixtures', () => {
  it('reads every real file, field by field, with only the listed exceptions', async () => {
    const oracle = loadOracle();
    const files = filesUnder(REAL);
    expect(files.length).toBe(oracle.size);

    const stats = new Map<Field, { compared: number; agreed: number; excepted: number }>(FIELDS.map((f) => [f, { compared: 0, agreed: 0, excepted: 0 }]));
    const unexpected: string[] = [];
    const needless: string[] = [];
    const used = new Set<Exception>();
    let totalMs = 0;

    for (const path of files) {
      const name = fixtureName(path);
      const record = oracle.get(name);
      expect(record, `${name} is in the oracle`).toBeDefined();
      if (!record) continue;
      const { metadata, ms } = await extractFile(path);
      totalMs += ms;
      expect(() => JSON.stringify(metadata)).not.toThrow();
      for (const field of FIELDS) {
        const c = compare(field, record, metadata);
        if (!c) continue;
        const s = stats.get(field) as { compared: number; agreed: number; excepted: number };
        s.compared += 1;
        const exception = EXCEPTIONS.find((e) => e.file === name && e.field === field);
        if (exception) used.add(exception);
        if (c.agrees) {
          s.agreed += 1;
          if (exception) needless.push(`${name} ${field}: now agrees (${c.actual}); remove its exception`);
        } else if (exception) {
          s.excepted += 1;
        } else {
          unexpected.push(`${name} ${field}: ExifTool ${c.expected}, Tamga ${c.actual}`);
        }
      }
    }

    console.log(`\nMetadata vs ExifTool, ${files.length} real files, ${totalMs.toFixed(0)} ms in extractMetadata:`);
    console.table(
      FIELDS.map((field) => {
        const s = stats.get(field) as { compared: number; agreed: number; excepted: number };
        return { field, compared: s.compared, agree: s.agreed, 'listed exceptions': s.excepted, rate: s.compared ? `${((100 * s.agreed) / s.compared).toFixed(1)}%` : '—' };
      }),
    );
    if (unexpected.length > 0) console.log(`Disagreements:\n  ${unexpected.join('\n  ')}`);

    for (const field of FIELDS) expect(stats.get(field)?.compared, field).toBeGreaterThanOrEqual(COMPARED_AT_LEAST[field]);
    expect(unexpected).toEqual([]);
    expect(needless).toEqual([]);
    expect(EXCEPTIONS.filter((e) => !used.has(e)).map((e) => `${e.file} ${e.field}: no such comparison`)).toEqual([]);
    expect(totalMs).toBeLessThan(TOTAL_TIME_BUDGET_MS);
  });
});
