// The guarded ISO-BMFF box reader against hand-made hostile structures: each lie in a size
// field costs a problem sentence, never an exception, a hang or a read outside the parent.
import { describe, expect, it } from 'vitest';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { extractMetadata } from '../../src/main/engine/metadata/extract';
import { BoxContext, readChildren, readTopLevel, TRAILING_TOP_LEVEL_BOXES, walkTree, type Box } from '../../src/main/engine/metadata/isobmff/boxes';
import { Problems } from '../../src/main/engine/metadata/problems';
import { box, EPOCH_1904_OFFSET, ftyp, largeBox, lyingBox, mvhd, nestedBoxes, qtText } from '../helpers/metadata-boxes';

function top(buf: Buffer, limits?: { maxDepth: number; maxBoxes: number }): Promise<{ boxes: Box[]; problems: string[]; ctx: BoxContext }> {
  const problems = new Problems();
  const ctx = new BoxContext(problems, limits);
  return readTopLevel(bufferByteSource(buf), ctx).then(({ boxes }) => ({ boxes, problems: problems.toArray(), ctx }));
}

const summary = (boxes: readonly Box[]): string[] => boxes.map((b) => `${b.type}@${b.offset}+${b.size}`);

describe('ISO-BMFF box reader', () => {
  it('reads honest boxes, nested, with their offsets', async () => {
    const file = Buffer.concat([ftyp('isom'), box('moov', mvhd(0, 1000, 0), box('udta', qtText('©xyz', '+1.0+2.0/'))), box('mdat', Buffer.alloc(10))]);
    const { boxes, problems, ctx } = await top(file);
    expect(summary(boxes)).toEqual(['ftyp@0+16', 'moov@16+145', 'mdat@161+18']);
    const moov = boxes[1] as Box;
    walkTree({ buf: file, base: 0 }, moov, ctx);
    expect(moov.children?.map((c) => c.type)).toEqual(['mvhd', 'udta']);
    expect(moov.children?.[1]?.children?.map((c) => c.type)).toEqual(['©xyz']);
    expect(problems).toEqual([]);
  });

  it('takes a top-level size 0 as "to the end of the file", silently', async () => {
    const file = Buffer.concat([ftyp(), lyingBox('mdat', 0, Buffer.alloc(100))]);
    const { boxes, problems } = await top(file);
    expect(summary(boxes)).toEqual(['ftyp@0+16', 'mdat@16+108']);
    expect(problems).toEqual([]);
  });

  it('clamps a nested size 0 to its parent, with a problem', () => {
    const moov = box('moov', lyingBox('udta', 0, Buffer.alloc(12)));
    const problems = new Problems();
    const children = readChildren({ buf: moov, base: 0 }, 8, moov.length, new BoxContext(problems), "'moov'");
    expect(summary(children)).toEqual(['udta@8+20']);
    expect(problems.toArray().join(' ')).toMatch(/size 0/);
  });

  it('reads a 64-bit size (size field 1)', async () => {
    const file = Buffer.concat([ftyp(), largeBox('mdat', 16n + 5n, Buffer.alloc(5)), box('free')]);
    const { boxes, problems } = await top(file);
    expect(summary(boxes)).toEqual(['ftyp@0+16', 'mdat@16+21', 'free@37+8']);
    expect(boxes[1]?.headerSize).toBe(16);
    expect(problems).toEqual([]);
  });

  it('clamps 64-bit sizes beyond the file or beyond 2^53, and ones that wrap, without BigInt confusion', async () => {
    for (const largesize of [2n ** 63n - 1n, 2n ** 64n - 8n, 2n ** 53n + 1n, 1000n]) {
      const file = Buffer.concat([ftyp(), largeBox('free', largesize, Buffer.alloc(8)), box('moov')]);
      const { boxes, problems } = await top(file);
      expect(summary(boxes)).toEqual(['ftyp@0+16', 'free@16+32']);
      expect(problems.join(' ')).toMatch(/claims \d+ bytes, more than the 32 left/);
    }
  });

  it('stops at a box smaller than its own header instead of looping', async () => {
    for (const size of [1, 4, 7]) {
      const file = Buffer.concat([ftyp(), lyingBox('trak', size, Buffer.alloc(64))]);
      const { boxes, problems } = await top(file);
      const expected = size === 1 ? /64-bit size|less than its own/ : /less than its own 8-byte header/;
      expect(summary(boxes)).toEqual(['ftyp@0+16']);
      expect(problems.join(' ')).toMatch(expected);
    }
  });

  it('clamps a child that claims more than its parent holds', () => {
    const moov = box('moov', lyingBox('udta', 100_000, Buffer.alloc(4)));
    const problems = new Problems();
    const children = readChildren({ buf: moov, base: 0 }, 8, moov.length, new BoxContext(problems), "'moov'");
    expect(summary(children)).toEqual(['udta@8+12']);
    expect(problems.toArray().join(' ')).toMatch(/claims 100000 bytes but only 12 are left/);
  });

  it('stops descending at the depth limit: 20 000 nested boxes', () => {
    const nested = nestedBoxes(20_000);
    const problems = new Problems();
    const ctx = new BoxContext(problems);
    const [root] = readChildren({ buf: nested, base: 0 }, 0, nested.length, ctx, 'the file');
    expect(root).toBeDefined();
    const started = performance.now();
    walkTree({ buf: nested, base: 0 }, root as Box, ctx);
    expect(performance.now() - started).toBeLessThan(500);
    let depth = 0;
    for (let at: Box | undefined = root; at?.children?.[0]; at = at.children[0]) depth += 1;
    expect(depth).toBe(32);
    expect(problems.toArray().join(' ')).toMatch(/nested more than 32 levels/);
  });

  it('stops after the box budget', async () => {
    const many = Buffer.concat(Array.from({ length: 50 }, () => box('free')));
    const { boxes, problems } = await top(many, { maxDepth: 32, maxBoxes: 10 });
    expect(boxes).toHaveLength(10);
    expect(problems.join(' ')).toMatch(/more than 10 boxes/);
  });

  it('lists only a bounded number of top-level boxes after the movie header (fragmented recordings)', async () => {
    const fragments = Array.from({ length: TRAILING_TOP_LEVEL_BOXES + 500 }, () => box('moof'));
    const file = Buffer.concat([ftyp(), box('moov'), ...fragments]);
    const reads: number[] = [];
    const source = bufferByteSource(file);
    const counting = { size: source.size, read: (offset: number, length: number) => (reads.push(offset), source.read(offset, length)) };
    const { boxes, complete } = await readTopLevel(counting, new BoxContext(new Problems()), 'moov');
    expect(complete).toBe(false);
    expect(boxes).toHaveLength(2 + TRAILING_TOP_LEVEL_BOXES);
    expect(reads).toHaveLength(2 + TRAILING_TOP_LEVEL_BOXES);
  });

  it('reports stray bytes after the last box but accepts QuickTime’s 32-bit zero terminator', () => {
    const problems = new Problems();
    const udta = box('udta', qtText('©mak', 'Apple'), Buffer.alloc(4));
    readChildren({ buf: udta, base: 0 }, 8, udta.length, new BoxContext(problems), "'udta'");
    expect(problems.toArray()).toEqual([]);
    const odd = Buffer.concat([box('udta', qtText('©mak', 'Apple')), Buffer.from([1, 2, 3])]);
    readChildren({ buf: odd, base: 0 }, 0, odd.length, new BoxContext(problems), 'the file');
    expect(problems.toArray().join(' ')).toMatch(/3 stray bytes/);
  });
});

describe('extractMetadata on hand-made movies', () => {
  const created = EPOCH_1904_OFFSET + Date.UTC(2020, 0, 2, 3, 4, 5) / 1000;

  it('reads moov after mdat, mvhd time and duration, and ©xyz', async () => {
    const file = Buffer.concat([ftyp('mp42', 'isom'), box('mdat', Buffer.alloc(64)), box('moov', mvhd(created, 600, 1800), box('udta', qtText('©xyz', '-33.8688+151.2093/')))]);
    const m = await extractMetadata(bufferByteSource(file), { name: 'clip.mp4' });
    expect(m.kind).toBe('video');
    expect(m.durationSeconds).toBe(3);
    expect(m.videoCreatedAt).toBe('2020-01-02T03:04:05Z');
    expect(m.captureTime).toMatchObject({ source: 'mvhd', utc: '2020-01-02T03:04:05Z', local: null, utcOffsetMinutes: null, offsetKnown: true });
    expect(m.gps).toEqual({ lat: -33.8688, lon: 151.2093, alt: null, source: 'udta-xyz' });
  });

  it('resolves, with problems, for every lying size', async () => {
    const cases: Buffer[] = [
      Buffer.concat([ftyp(), lyingBox('moov', 0xffffffff, mvhd(created, 1, 1))]),
      Buffer.concat([ftyp(), box('moov', lyingBox('trak', 4, Buffer.alloc(40)))]),
      Buffer.concat([ftyp(), box('moov', lyingBox('udta', 0, lyingBox('©xyz', 0)))]),
      Buffer.concat([ftyp(), largeBox('moov', 2n ** 63n - 1n, mvhd(created, 1, 1))]),
      Buffer.concat([ftyp(), largeBox('free', 2n ** 64n - 8n), box('moov')]),
    ];
    for (const file of cases) {
      const m = await extractMetadata(bufferByteSource(file), { name: 'x.mp4' });
      expect(m.problems.length).toBeGreaterThan(0);
      expect(() => JSON.stringify(m)).not.toThrow();
    }
  });
});
