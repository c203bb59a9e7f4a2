// Metadata extraction against an independent oracle: for every real camera and phone file
// in tests/fixtures/real, the fields Tamga extracts must agree with what ExifTool 12.57
// read (exiftool-oracle.json). Each known disagreement is listed below with its reason; the
// test fails on any new disagreement and on any listed one that has become agreement.
// Twice: Tamga's own readers alone, and with ExifTool as the reader of last resort
// (metadata/exiftool/fallback.ts) over the real files and camera-formats/ (CR3, CRW, RAF,
// RW2, MRW, X3F, JPEG XL, which only ExifTool reads). Both tables are printed: the
// agreement per field before and after the fallback.
import { stat } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtractedMetadata } from '../../src/shared/metadata';
import { ExifToolSession } from '../../src/main/engine/metadata/exiftool/exiftool-session';
import { readWithFallback } from '../../src/main/engine/metadata/exiftool/fallback';
import { compare, FIELDS, loadOracle, type Field, type OracleRecord } from '../helpers/metadata-oracle';
import { CAMERA_FORMATS, extractFile, filesUnder, fixtureName, REAL } from '../helpers/metadata-fixtures';

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

/**
 * With the fallback: the listed exceptions of Tamga's own readers that ExifTool resolves are
 * gone (FLIR's proprietary record), and these remain or are new. QuickTime.mov stays: the
 * fallback never reads videos (fallback.ts says why).
 */
const FALLBACK_EXCEPTIONS: readonly Exception[] = [
  ...EXCEPTIONS.filter((e) => !e.file.startsWith('real/mei/FLIR')),
  {
    file: 'camera-formats/CanonRaw.cr3',
    field: 'duration',
    reason: "A CR3 is a still photo in a QuickTime-style container; ExifTool reports the container's nominal duration (1 s). Tamga records durations of videos only.",
  },
  {
    file: 'camera-formats/CanonRaw.cr3',
    field: 'videoCreatedAt',
    reason: "The CR3's movie-header date is Canon's local clock, not the UTC the standard asks for; Tamga takes the capture time from EXIF (DateTimeOriginal + OffsetTimeOriginal) and records no movie-header time for a still.",
  },
];

/** Fields compared on camera-formats/ with the fallback; a drop means the fallback read less. */
const CAMERA_FORMATS_COMPARED_AT_LEAST: Partial<Readonly<Record<Field, number>>> = { mime: 7, captureTime: 7, make: 7, model: 7, pixelSize: 6 };

const TOTAL_TIME_BUDGET_MS = 20_000;

interface Tally {
  compared: number;
  agreed: number;
  excepted: number;
}

interface Agreement {
  readonly stats: Map<Field, Tally>;
  readonly unexpected: string[];
  readonly needless: string[];
  readonly unused: string[];
  readonly totalMs: number;
}

async function agreement(
  files: readonly string[],
  oracle: Map<string, OracleRecord>,
  exceptions: readonly Exception[],
  extract: (path: string) => Promise<{ metadata: ExtractedMetadata; ms: number }>,
): Promise<Agreement> {
  const stats = new Map<Field, Tally>(FIELDS.map((f) => [f, { compared: 0, agreed: 0, excepted: 0 }]));
  const unexpected: string[] = [];
  const needless: string[] = [];
  const used = new Set<Exception>();
  let totalMs = 0;
  for (const path of files) {
    const name = fixtureName(path);
    const record = oracle.get(name);
    expect(record, `${name} is in the oracle`).toBeDefined();
    if (!record) continue;
    const { metadata, ms } = await extract(path);
    totalMs += ms;
    expect(() => JSON.stringify(metadata)).not.toThrow();
    for (const field of FIELDS) {
      const c = compare(field, record, metadata);
      if (!c) continue;
      const s = stats.get(field) as Tally;
      s.compared += 1;
      const exception = exceptions.find((e) => e.file === name && e.field === field);
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
  const unused = exceptions.filter((e) => !used.has(e)).map((e) => `${e.file} ${e.field}: no such comparison`);
  return { stats, unexpected, needless, unused, totalMs };
}

function printTable(title: string, a: Agreement): void {
  console.log(`\n${title}, ${a.totalMs.toFixed(0)} ms:`);
  console.table(
    FIELDS.map((field) => {
      const s = a.stats.get(field) as Tally;
      return { field, compared: s.compared, agree: s.agreed, 'listed exceptions': s.excepted, rate: s.compared ? `${((100 * s.agreed) / s.compared).toFixed(1)}%` : '—' };
    }),
  );
  if (a.unexpected.length > 0) console.log(`Disagreements:\n  ${a.unexpected.join('\n  ')}`);
}

const realOracle = (): Map<string, OracleRecord> => new Map([...loadOracle()].filter(([name]) => name.startsWith('real/')));

describe('metadata extraction agrees with ExifTool on the real fixtures', () => {
  it('reads every real file, field by field, with only the listed exceptions', async () => {
    const oracle = realOracle();
    const files = filesUnder(REAL);
    expect(files.length).toBe(oracle.size);
    const a = await agreement(files, oracle, EXCEPTIONS, extractFile);
    printTable(`Metadata vs ExifTool, ${files.length} real files, Tamga's own readers`, a);
    for (const field of FIELDS) expect(a.stats.get(field)?.compared, field).toBeGreaterThanOrEqual(COMPARED_AT_LEAST[field]);
    expect(a.unexpected).toEqual([]);
    expect(a.needless).toEqual([]);
    expect(a.unused).toEqual([]);
    expect(a.totalMs).toBeLessThan(TOTAL_TIME_BUDGET_MS);
  });
});

describe('with ExifTool as the reader of last resort', () => {
  const session = new ExifToolSession();
  afterAll(() => session.end());

  it('reads every real file and every camera format, field by field, with only the listed exceptions', async () => {
    const oracle = loadOracle();
    const cameraFormats = filesUnder(CAMERA_FORMATS);
    const files = [...filesUnder(REAL), ...cameraFormats];
    expect(files.length).toBe(oracle.size);
    const withFallback = async (path: string): Promise<{ metadata: ExtractedMetadata; ms: number }> => {
      const before = await stat(path);
      const own = await extractFile(path);
      const started = performance.now();
      const unchanged = async (): Promise<boolean> => (await stat(path)).mtimeMs === before.mtimeMs;
      const { metadata } = await readWithFallback(own.metadata, session, path, unchanged);
      return { metadata, ms: own.ms + performance.now() - started };
    };
    const a = await agreement(files, oracle, FALLBACK_EXCEPTIONS, withFallback);
    printTable(`Metadata vs ExifTool, ${files.length} files (${cameraFormats.length} in camera-formats/), with the ExifTool fallback`, a);
    // Before: what Tamga's own readers alone get right of the camera formats (printed for comparison).
    printTable(`camera-formats/ alone, Tamga's own readers`, await agreement(cameraFormats, oracle, [], extractFile));
    const onCameraFormats = await agreement(cameraFormats, oracle, FALLBACK_EXCEPTIONS.filter((e) => e.file.startsWith('camera-formats/')), withFallback);
    printTable(`camera-formats/ alone, with the ExifTool fallback`, onCameraFormats);
    for (const [field, least] of Object.entries(CAMERA_FORMATS_COMPARED_AT_LEAST)) {
      expect(onCameraFormats.stats.get(field as Field)?.agreed, field).toBeGreaterThanOrEqual(least);
    }
    expect(a.unexpected).toEqual([]);
    expect(a.needless).toEqual([]);
    expect(a.unused).toEqual([]);
  }, 60_000);
});
