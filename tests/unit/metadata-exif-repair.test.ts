// One broken EXIF entry must cost that entry, not the directory: exifr drops a whole IFD
// on an unknown type or an out-of-range value, and allocates whatever a count claims.
import { describe, expect, it } from 'vitest';
import { readExifBlocks } from '../../src/main/engine/metadata/exif';
import { repairExif } from '../../src/main/engine/metadata/exif-repair';
import { Problems } from '../../src/main/engine/metadata/problems';

interface Entry {
  tag: number;
  type: number;
  count: number;
  value: number;
}

/** Room for four IFD0 entries: `data` always starts at DATA_AT. */
const DATA_AT = 8 + 2 + 4 * 12 + 4;

/** A little-endian TIFF with one IFD0 (up to four entries) at byte 8 and `data` at DATA_AT. */
function tiff(entries: Entry[], data: Buffer, declaredCount = entries.length): Buffer {
  const head = Buffer.alloc(DATA_AT);
  head.write('II', 0, 'latin1');
  head.writeUInt16LE(42, 2);
  head.writeUInt32LE(8, 4);
  head.writeUInt16LE(declaredCount, 8);
  entries.forEach((e, i) => {
    const at = 10 + i * 12;
    head.writeUInt16LE(e.tag, at);
    head.writeUInt16LE(e.type, at + 2);
    head.writeUInt32LE(e.count, at + 4);
    head.writeUInt32LE(e.value, at + 8);
  });
  return Buffer.concat([head, data]);
}

const data = Buffer.from('Canon\0EOS 5D\0', 'latin1');
const make: Entry = { tag: 0x10f, type: 2, count: 6, value: DATA_AT };
const orientation: Entry = { tag: 0x112, type: 3, count: 1, value: 6 };

describe('EXIF repair before exifr', () => {
  it('leaves a sound block untouched (the same buffer, no problems)', () => {
    const sound = tiff([make, orientation, { tag: 0x110, type: 2, count: 7, value: DATA_AT + 6 }, { tag: 0x131, type: 2, count: 1, value: 0 }], data);
    const problems = new Problems();
    expect(repairExif(sound, problems)).toBe(sound);
    expect(problems.toArray()).toEqual([]);
  });

  it('skips an entry of unknown type and one claiming 2 GiB, and keeps the rest of IFD0', async () => {
    const broken = tiff([make, orientation, { tag: 0x11a, type: 0, count: 1, value: 0 }, { tag: 0x110, type: 2, count: 0x7fffffff, value: DATA_AT + 6 }], data);
    const original = Buffer.from(broken);
    const problems = new Problems();
    const blocks = await readExifBlocks(broken, problems);
    expect(blocks?.ifd0).toMatchObject({ Make: 'Canon', Orientation: 6 });
    // The skipped entry stays visible in raw as empty bytes, never as text.
    expect(typeof blocks?.ifd0?.Model).not.toBe('string');
    expect(problems.toArray()).toEqual([
      'EXIF IFD0 entry 0x011a has an unknown value type (0); it was skipped.',
      `EXIF IFD0 entry 0x0110 claims 2147483647 bytes at byte ${DATA_AT + 6}, past the end of the ${broken.length}-byte block; it was skipped.`,
    ]);
    expect(broken.equals(original)).toBe(true);
  });

  it('cuts an entry count that runs past the block', async () => {
    const problems = new Problems();
    const blocks = await readExifBlocks(tiff([make, orientation], data, 65535), problems);
    expect(blocks?.ifd0).toMatchObject({ Make: 'Canon', Orientation: 6 });
    expect(problems.toArray()).toEqual([expect.stringMatching(/claims 65535 entries but only \d+ fit .* the first 2 \(up to the first tag out of order\) were read/)]);
  });

  it('does not follow an EXIF pointer back into IFD0', async () => {
    const problems = new Problems();
    const blocks = await readExifBlocks(tiff([make, { tag: 0x8769, type: 4, count: 1, value: 8 }], data), problems);
    expect(blocks?.ifd0?.Make).toBe('Canon');
    expect(blocks?.exif).toBeUndefined();
    expect(problems.toArray().join(' ')).toMatch(/back at an earlier one \(a loop\)/);
  });
});
