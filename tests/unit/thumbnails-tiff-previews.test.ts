// Finding the JPEG previews inside TIFF-based raw files, and surviving hostile IFDs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { readTiffLayout } from '../../src/main/engine/thumbnails/tiff-previews';
import { FIXTURES } from '../helpers/thumbnail-fixtures';
import { rawWithPreview } from '../helpers/thumbnail-raw-fixture';

describe('readTiffLayout', () => {
  it('finds a DNG-style preview in a SubIFD and IFD0 orientation, and skips sensor data', async () => {
    const raw = await rawWithPreview({ width: 640, height: 480, orientation: 6, withSensorData: true });
    const layout = await readTiffLayout(bufferByteSource(raw.bytes));
    expect(layout?.orientation).toBe(6);
    expect(layout?.main).toEqual({ width: 16, height: 12 });
    expect(layout?.jpegs).toHaveLength(1);
    const [jpeg] = layout?.jpegs ?? [];
    expect(jpeg?.width).toBe(640);
    expect(raw.bytes.subarray(jpeg?.offset ?? 0, (jpeg?.offset ?? 0) + 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('reads the real raw fixtures without finding previews in their "<Dummy>" stand-ins', async () => {
    for (const name of ['DNG.dng', 'Nikon.nef', 'CanonRaw.cr2']) {
      const layout = await readTiffLayout(bufferByteSource(readFileSync(join(FIXTURES, 'real', 'exiftool', name))));
      expect(layout, name).not.toBeNull();
      // The candidates are found but do not start with a JPEG marker: make-thumbnails checks.
      for (const jpeg of layout?.jpegs ?? []) expect(jpeg.offset, name).toBeGreaterThan(0);
    }
  });

  it('is not fooled by files that are not TIFF', async () => {
    expect(await readTiffLayout(bufferByteSource(Buffer.from('<html></html>')))).toBeNull();
    expect(await readTiffLayout(bufferByteSource(Buffer.alloc(0)))).toBeNull();
    expect(await readTiffLayout(bufferByteSource(Buffer.from([0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0])))).toBeNull();
  });

  it('survives IFD cycles, huge counts and offsets past the end', async () => {
    // IFD0 at 8 with one entry, whose next-IFD pointer points back at itself.
    const cycle = Buffer.alloc(8 + 2 + 12 + 4);
    cycle.write('II*\0', 0, 'latin1');
    cycle.writeUInt32LE(8, 4);
    cycle.writeUInt16LE(1, 8);
    cycle.writeUInt16LE(0x100, 10);
    cycle.writeUInt16LE(3, 12);
    cycle.writeUInt32LE(1, 14);
    cycle.writeUInt16LE(64, 18);
    cycle.writeUInt32LE(8, 22);
    expect((await readTiffLayout(bufferByteSource(cycle)))?.jpegs).toEqual([]);

    const hugeCount = Buffer.from(cycle);
    hugeCount.writeUInt16LE(0xffff, 8);
    expect((await readTiffLayout(bufferByteSource(hugeCount)))?.jpegs).toEqual([]);

    const farOffset = Buffer.from(cycle);
    farOffset.writeUInt32LE(0xfffffff0, 4);
    expect((await readTiffLayout(bufferByteSource(farOffset)))?.jpegs).toEqual([]);

    for (const name of ['tiff_cut_16.tif']) {
      const bytes = readFileSync(join(FIXTURES, 'malformed', 'trunc', name));
      await expect(readTiffLayout(bufferByteSource(bytes))).resolves.not.toThrow();
    }
  });

  it('turns a failing source into "not understood" rather than an exception', async () => {
    const layout = await readTiffLayout({ size: 100, read: () => Promise.reject(new Error('bad chunk')) });
    expect(layout).toBeNull();
  });
});
