// Hostile and broken files (../shared/fixtures/malformed, see malformed-index.json): the
// extractor always resolves, quickly, names what is wrong, keeps what could be read, and
// returns data that stores as JSON. Renamed copies give the same metadata as their source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedMetadata } from '../../src/shared/metadata';
import { extractFile, filesUnder, FIXTURES, fixtureName, MALFORMED, type Extraction } from '../helpers/metadata-fixtures';

interface IndexEntry {
  readonly path: string;
  readonly derived_from?: string;
  readonly mutation: string;
}

const index = JSON.parse(readFileSync(join(FIXTURES, 'malformed-index.json'), 'utf8')) as IndexEntry[];
const files = filesUnder(MALFORMED);

/** Per file: a hard ceiling (the importer's worker has its own, longer one). */
const PER_FILE_LIMIT_MS = 2_000;

/** Files that are broken in their bytes (not merely oddly named) must report a problem. */
const isBroken = (name: string): boolean => !name.startsWith('malformed/names/');

const results = new Map<string, Extraction>();
async function extracted(name: string): Promise<ExtractedMetadata> {
  let r = results.get(name);
  if (!r) {
    r = await extractFile(join(FIXTURES, name));
    results.set(name, r);
  }
  return r.metadata;
}

describe('metadata extraction on malformed files', () => {
  it('covers every file of the index', () => {
    expect(files.map(fixtureName).sort()).toEqual(index.map((e) => e.path).sort());
  });

  it.each(files.map(fixtureName))('%s: resolves quickly, with its problems named, as JSON', async (name) => {
    const started = performance.now();
    const m = await extracted(name);
    expect(performance.now() - started).toBeLessThan(PER_FILE_LIMIT_MS);
    const json = JSON.stringify(m);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(m)));
    if (isBroken(name)) expect(m.problems.length, `${name}: ${index.find((e) => e.path === name)?.mutation}`).toBeGreaterThan(0);
    for (const p of m.problems) expect(p).toMatch(/^[A-Z0-9"'(].*[.)]$/s);
  });

  it('gives renamed copies the metadata of their source, with only a note about a misleading extension', async () => {
    for (const entry of index.filter((e) => e.path.startsWith('malformed/names/'))) {
      const m = await extracted(entry.path);
      const source = await extracted(entry.derived_from ?? '');
      const { problems, captureTime, ...rest } = m;
      const { problems: sourceProblems, captureTime: sourceTime, ...sourceRest } = source;
      expect(rest, entry.path).toEqual(sourceRest);
      // File times differ between copies; the EXIF time must not.
      expect(captureTime?.source).toBe('exif');
      expect(captureTime).toEqual(sourceTime);
      const extra = problems.filter((p) => !sourceProblems.includes(p));
      if (entry.path.endsWith('.exe')) expect(extra).toEqual([expect.stringMatching(/ends in ".exe" but the content is a JPEG image/)]);
      else expect(extra).toEqual([]);
    }
  });

  it('does what the index expects of the structural cases', async () => {
    const gpsZero = await extracted('malformed/struct/jpeg_gps_zero_denominators.jpg');
    expect(gpsZero.gps).toBeNull();
    expect((await extracted('malformed/struct/jpeg_gps_out_of_range.jpg')).gps).toBeNull();
    const makeModel = await extracted('malformed/struct/jpeg_make_count_2G_model_offset_oob.jpg');
    expect([makeModel.make, makeModel.model]).toEqual([null, null]);
    expect(makeModel.captureTime?.source).toBe('exif');
    expect((await extracted('malformed/struct/jpeg_ifd_cycle.jpg')).model?.value).toBe('iPhone XR');
    expect((await extracted('malformed/struct/mp4_real_xyz_size_0.mp4')).videoCreatedAt).toBe('2017-02-22T08:20:28Z');
    expect((await extracted('malformed/struct/png_ihdr_2Gx2G.png')).pixelSize).toEqual({ width: 2147483647, height: 2147483647, source: 'png-ihdr' });
    const empty = await extracted('malformed/struct/zero_length.mp4');
    expect([empty.kind, empty.format, empty.mime]).toEqual(['other', null, null]);
  });

  it('keeps what a truncated file still holds, and nothing that is gone', async () => {
    const cutAfterMoov = await extracted('malformed/trunc/mp4_moov_first_cut_after_moov.mp4');
    expect(cutAfterMoov.gps).toMatchObject({ lat: 33.9951, lon: -118.4762, source: 'udta-xyz' });
    expect(cutAfterMoov.videoCreatedAt).toBe('2017-07-13T19:16:41Z');
    const noMoov = await extracted('malformed/trunc/mp4_cut_in_mdat_no_moov.mp4');
    expect([noMoov.gps, noMoov.videoCreatedAt, noMoov.captureTime]).toEqual([null, null, null]);
    expect((await extracted('malformed/trunc/mov_cut_before_keys_meta.mov')).gps).toBeNull();
    const original = await extracted('malformed/trunc/jpeg_no_eoi.jpg');
    const half = await extracted('malformed/trunc/jpeg_cut_half.jpg');
    for (const m of [original, half]) {
      expect(m).toMatchObject({ make: { value: 'Apple' }, model: { value: 'iPhone 4' }, captureTime: { local: '2011-01-13T14:33:39' } });
      expect(m.problems.join(' ')).toMatch(/no end marker/);
    }
  });

  it('decides the format from the content, never from the name', async () => {
    const cases: [string, string | null, string][] = [
      ['malformed/type/jpeg_named_as.mp4', 'image/jpeg', 'photo'],
      ['malformed/type/png_named_as.jpg', 'image/png', 'photo'],
      ['malformed/type/mov_named_as.heic', 'video/quicktime', 'video'],
      ['malformed/type/html_renamed.mov', null, 'other'],
      ['malformed/type/text_renamed.jpg', null, 'other'],
    ];
    for (const [name, mime, kind] of cases) {
      const m = await extracted(name);
      expect([m.mime, m.kind], name).toEqual([mime, kind]);
      expect(m.problems.join(' '), name).toMatch(/The name ends in/);
    }
    expect((await extracted('malformed/type/html_renamed.mov')).problems.join(' ')).toMatch(/looks like HTML/);
    expect((await extracted('malformed/type/jpeg_named_as.mp4')).captureTime?.source).toBe('exif');
  });

  it('reads the whole malformed set in well under a second per file', async () => {
    let total = 0;
    for (const name of files.map(fixtureName)) total += (results.get(name) ?? (await extractFile(join(FIXTURES, name)))).ms;
    console.log(`extractMetadata over ${files.length} malformed files: ${total.toFixed(0)} ms`);
    expect(total).toBeLessThan(files.length * 1_000);
  });
});
