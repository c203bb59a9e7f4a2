/**
 * The guarded ISO-BMFF box walker shared by the video and HEIF readers. It turns untrusted
 * size fields into boxes that always lie inside their parent, and it cannot loop:
 * - every box is at least as long as its own header, so the offset strictly increases;
 * - size 0 ("to the end") is honoured at the top level and clamped to the parent elsewhere;
 * - 64-bit sizes (size 1) beyond what a number holds exactly, or beyond the parent, are
 *   clamped to the parent (no BigInt arithmetic that could wrap);
 * - nesting stops at `maxDepth` and the whole file stops at `maxBoxes`.
 * Each such repair is a problem sentence; reading goes on with what is left.
 */
import type { ByteSource } from '../byte-source';
import type { Problems } from '../problems';

export interface Box {
  /** Four characters as written (latin1, so `©xyz` reads as such); see `displayType`. */
  readonly type: string;
  /** Absolute offset of the box header in the file. */
  readonly offset: number;
  readonly headerSize: number;
  /** Total size in bytes after clamping to the parent. */
  readonly size: number;
  /** Filled by `walkTree` for container boxes. */
  children?: Box[];
}

export const payloadStart = (box: Box): number => box.offset + box.headerSize;
export const boxEnd = (box: Box): number => box.offset + box.size;

export interface BoxLimits {
  readonly maxDepth: number;
  readonly maxBoxes: number;
}

export const DEFAULT_BOX_LIMITS: BoxLimits = { maxDepth: 32, maxBoxes: 100_000 };

export class BoxContext {
  private boxes = 0;
  private exhausted = false;
  private depthReported = false;

  constructor(
    readonly problems: Problems,
    readonly limits: BoxLimits = DEFAULT_BOX_LIMITS,
  ) {}

  /** Counts one more box; false (with one problem) once the budget is spent. */
  take(): boolean {
    if (this.exhausted) return false;
    this.boxes += 1;
    if (this.boxes > this.limits.maxBoxes) {
      this.exhausted = true;
      this.problems.add(`The file holds more than ${this.limits.maxBoxes} boxes; the rest were not read.`);
      return false;
    }
    return true;
  }

  tooDeep(depth: number, at: number): boolean {
    if (depth <= this.limits.maxDepth) return false;
    if (!this.depthReported) {
      this.depthReported = true;
      this.problems.add(`Boxes are nested more than ${this.limits.maxDepth} levels deep (at byte ${at}); deeper levels were not read.`);
    }
    return true;
  }
}

/** A box type for people and JSON: printable as is, else hex (ilst item indexes are numbers). */
export function displayType(type: string): string {
  return /^[\x20-\x7e\xa9]{4}$/.test(type) ? type : `0x${Buffer.from(type, 'latin1').toString('hex')}`;
}

/** A region of the file held in memory: `buf[0]` is the byte at file offset `base`. */
export interface Window {
  readonly buf: Buffer;
  readonly base: number;
}

/** The bytes of [start, end) that the window holds (fewer when it ends early). */
export function windowSlice(win: Window, start: number, end: number): Buffer {
  const from = Math.max(0, start - win.base);
  const to = Math.max(from, Math.min(win.buf.length, end - win.base));
  return win.buf.subarray(from, to);
}

export function payloadOf(win: Window, box: Box): Buffer {
  return windowSlice(win, payloadStart(box), boxEnd(box));
}

/**
 * Decodes the header at `offset` from `head` (the bytes there: 16 are enough), inside a
 * parent that ends at `end`. Returns null when nothing more can be read at this level.
 */
export function decodeHeader(head: Buffer, offset: number, end: number, ctx: BoxContext, where: string, topLevel: boolean): Box | null {
  const room = end - offset;
  if (room <= 0) return null;
  if (room < 8 || head.length < 8) {
    // QuickTime ends some user-data lists with a 32-bit zero: that is not damage.
    const terminator = room === 4 && head.length >= 4 && head.readUInt32BE(0) === 0;
    if (!terminator) ctx.problems.add(`${room} stray bytes at byte ${offset} at the end of ${where} could not be read as a box.`);
    return null;
  }
  if (!ctx.take()) return null;
  const size32 = head.readUInt32BE(0);
  const type = head.toString('latin1', 4, 8);
  const name = `Box '${displayType(type)}' at byte ${offset}`;
  let headerSize = 8;
  let size: number;
  if (size32 === 1) {
    if (room < 16 || head.length < 16) {
      ctx.problems.add(`${name} announces a 64-bit size but ${where} ends before it.`);
      return null;
    }
    headerSize = 16;
    const large = head.readBigUInt64BE(8);
    if (large > BigInt(room)) {
      ctx.problems.add(`${name} claims ${large} bytes, more than the ${room} left in ${where}; read as cut short.`);
      size = room;
    } else {
      size = Number(large);
    }
  } else if (size32 === 0) {
    if (!topLevel) ctx.problems.add(`${name} has size 0 ("to the end"), which only a last top-level box may have; read to the end of ${where}.`);
    size = room;
  } else {
    size = size32;
  }
  if (size < headerSize) {
    ctx.problems.add(`${name} says it is ${size} bytes long, less than its own ${headerSize}-byte header; the rest of ${where} was skipped.`);
    return null;
  }
  if (size > room) {
    ctx.problems.add(`${name} claims ${size} bytes but only ${room} are left in ${where}; read as cut short.`);
    size = room;
  }
  return { type, offset, headerSize, size };
}

/** The boxes directly inside [start, end) of an in-memory window. */
export function readChildren(win: Window, start: number, end: number, ctx: BoxContext, where: string): Box[] {
  const boxes: Box[] = [];
  // The window may hold less than the parent claims (a cut file): never look past it.
  const stop = Math.min(end, win.base + win.buf.length);
  if (stop < end) ctx.problems.add(`${where} is cut short at byte ${stop} (it claims to end at byte ${end}).`);
  let offset = start;
  while (offset < stop) {
    const box = decodeHeader(windowSlice(win, offset, offset + 16), offset, stop, ctx, where, false);
    if (!box) break;
    boxes.push(box);
    offset += box.size;
  }
  return boxes;
}

/**
 * How many top-level boxes are still listed after the one that holds the metadata. A
 * fragmented recording has a `moof`/`mdat` pair per second or so; walking all of them
 * through the decrypting source would cost a chunk each for nothing.
 */
export const TRAILING_TOP_LEVEL_BOXES = 1_024;

export interface TopLevel {
  readonly boxes: Box[];
  /** False when the listing stopped early (see TRAILING_TOP_LEVEL_BOXES). */
  readonly complete: boolean;
}

/**
 * The top-level boxes of a file, read header by header: media data is never read. Once a
 * box of type `wanted` has been seen, at most TRAILING_TOP_LEVEL_BOXES more are listed.
 */
export async function readTopLevel(source: ByteSource, ctx: BoxContext, wanted?: string): Promise<TopLevel> {
  const boxes: Box[] = [];
  let offset = 0;
  let left = Number.POSITIVE_INFINITY;
  while (offset < source.size) {
    if (left-- <= 0) return { boxes, complete: false };
    const head = await source.read(offset, 16);
    const box = decodeHeader(head, offset, source.size, ctx, 'the file', true);
    if (!box) break;
    boxes.push(box);
    if (box.type === wanted && left === Number.POSITIVE_INFINITY) left = TRAILING_TOP_LEVEL_BOXES;
    offset += box.size;
  }
  return { boxes, complete: true };
}

const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'udta', 'edts', 'dinf', 'mvex', 'iprp', 'ipco', 'ilst', 'tref', 'moof', 'traf']);

/** Where a `meta` box's children start: ISO writes it as a full box, QuickTime does not. */
function metaChildrenStart(win: Window, box: Box): number {
  const head = windowSlice(win, payloadStart(box), payloadStart(box) + 8);
  const quickTimeStyle = head.length >= 8 && head.toString('latin1', 4, 8) === 'hdlr';
  return payloadStart(box) + (quickTimeStyle ? 0 : 4);
}

/**
 * Fills `children` of `box` and of every container below it, depth-first, within the
 * limits. Items of an `ilst` are containers too (they hold `data` boxes).
 */
export function walkTree(win: Window, box: Box, ctx: BoxContext, depth = 1, parentType = ''): void {
  const isContainer = CONTAINERS.has(box.type) || box.type === 'meta' || parentType === 'ilst';
  if (!isContainer) return;
  if (ctx.tooDeep(depth, box.offset)) return;
  const start = box.type === 'meta' ? metaChildrenStart(win, box) : payloadStart(box);
  box.children = readChildren(win, start, boxEnd(box), ctx, `'${displayType(box.type)}' at byte ${box.offset}`);
  for (const child of box.children) walkTree(win, child, ctx, depth + 1, box.type);
}

export function child(box: Box | undefined, type: string): Box | undefined {
  return box?.children?.find((c) => c.type === type);
}

export function childrenOf(box: Box | undefined, type: string): Box[] {
  return box?.children?.filter((c) => c.type === type) ?? [];
}

/** The first box reached through `path` (e.g. ['mdia', 'minf', 'stbl']). */
export function descend(box: Box | undefined, path: readonly string[]): Box | undefined {
  let at = box;
  for (const type of path) at = child(at, type);
  return at;
}

export interface BoxOutline {
  type: string;
  offset: number;
  size: number;
  children?: BoxOutline[];
}

/** A JSON outline of the box tree for `raw`, cut after `maxNodes` boxes. */
export function outline(boxes: readonly Box[], maxNodes = 400): { boxes: BoxOutline[]; omitted: number } {
  let left = maxNodes;
  let omitted = 0;
  const visit = (list: readonly Box[]): BoxOutline[] => {
    const out: BoxOutline[] = [];
    for (const box of list) {
      if (left <= 0) {
        omitted += 1;
        continue;
      }
      left -= 1;
      const node: BoxOutline = { type: displayType(box.type), offset: box.offset, size: box.size };
      if (box.children) node.children = visit(box.children);
      out.push(node);
    }
    return out;
  };
  return { boxes: visit(boxes), omitted };
}
