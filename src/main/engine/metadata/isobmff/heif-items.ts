/**
 * HEIF/AVIF item structure inside the top-level `meta` box: which item is primary (`pitm`),
 * what each item is (`iinf`/`infe`), where its bytes are (`iloc`, with base offsets, idat
 * offsets and several extents: exifr only handles the simplest case), and which properties
 * apply to it (`ipco` + `ipma`: `ispe` size, `irot` rotation, `imir` mirror).
 */
import type { Problems } from '../problems';
import { type Box, type BoxContext, type Window, child, displayType, payloadOf, payloadStart, readChildren } from './boxes';
import { Cursor, TruncatedError } from './cursor';

const MAX_ITEMS = 10_000;
const MAX_EXTENTS = 1_000;

export interface HeifItem {
  readonly id: number;
  readonly type: string;
  readonly name: string;
  /** For 'mime' items (XMP is 'application/rdf+xml'). */
  readonly contentType: string | null;
}

export interface ItemLocation {
  readonly constructionMethod: number;
  readonly baseOffset: number;
  readonly extents: readonly { readonly offset: number; readonly length: number }[];
}

export interface HeifStructure {
  readonly primaryId: number | null;
  readonly items: readonly HeifItem[];
  readonly locations: ReadonlyMap<number, ItemLocation>;
  /** Property boxes of each item, in association order. */
  readonly properties: ReadonlyMap<number, readonly Box[]>;
  /** Absolute offset of the `idat` payload (construction method 1), when present. */
  readonly idatStart: number | null;
  readonly idatEnd: number | null;
}

function guarded<T>(what: string, problems: Problems, fallback: T, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof TruncatedError) {
      problems.add(`The HEIF ${what} is truncated (${err.message}).`);
      return fallback;
    }
    throw err;
  }
}

function parsePitm(payload: Buffer, base: number, problems: Problems): number | null {
  return guarded('primary item box (pitm)', problems, null, () => {
    const c = new Cursor(payload, base);
    const { version } = c.fullBox();
    return version === 0 ? c.u16() : c.u32();
  });
}

function parseInfe(payload: Buffer, base: number): HeifItem | null {
  const c = new Cursor(payload, base);
  const { version } = c.fullBox();
  if (version < 2) {
    const id = c.u16();
    c.u16();
    const name = c.cString();
    return { id, type: '', name, contentType: c.remaining > 0 ? c.cString() : null };
  }
  const id = version === 2 ? c.u16() : c.u32();
  c.u16(); // protection index
  const type = c.latin1(4);
  const name = c.remaining > 0 ? c.cString() : '';
  const contentType = type === 'mime' && c.remaining > 0 ? c.cString() : null;
  return { id, type, name, contentType };
}

function parseIinf(win: Window, box: Box, ctx: BoxContext): HeifItem[] {
  const payload = payloadOf(win, box);
  const start = guarded('item list (iinf)', ctx.problems, null, () => {
    const c = new Cursor(payload, payloadStart(box));
    const { version } = c.fullBox();
    c.skip(version === 0 ? 2 : 4);
    return payloadStart(box) + c.pos;
  });
  if (start === null) return [];
  const items: HeifItem[] = [];
  for (const infe of readChildren(win, start, box.offset + box.size, ctx, `'iinf' at byte ${box.offset}`)) {
    if (infe.type !== 'infe' || items.length >= MAX_ITEMS) continue;
    const item = guarded('item entry (infe)', ctx.problems, null, () => parseInfe(payloadOf(win, infe), payloadStart(infe)));
    if (item) items.push(item);
  }
  return items;
}

function parseIloc(payload: Buffer, base: number, problems: Problems): Map<number, ItemLocation> {
  const locations = new Map<number, ItemLocation>();
  guarded('item location box (iloc)', problems, null, () => {
    const c = new Cursor(payload, base);
    const { version } = c.fullBox();
    if (version > 2) {
      problems.add(`The HEIF item location box (iloc) has unknown version ${version}.`);
      return null;
    }
    const sizes = c.u8();
    const offsetSize = sizes >> 4;
    const lengthSize = sizes & 15;
    const sizes2 = c.u8();
    const baseOffsetSize = sizes2 >> 4;
    const indexSize = version === 0 ? 0 : sizes2 & 15;
    const count = version < 2 ? c.u16() : c.u32();
    // Extents with all field sizes 0 take no bytes, so the box's end does not bound them: count them.
    let extentBudget = MAX_ITEMS * 10;
    for (let i = 0; i < count && i < MAX_ITEMS; i++) {
      const id = version < 2 ? c.u16() : c.u32();
      const constructionMethod = version === 0 ? 0 : c.u16() & 15;
      c.u16(); // data reference index
      const baseOffset = c.uint(baseOffsetSize);
      const extentCount = c.u16();
      const extents: { offset: number; length: number }[] = [];
      for (let e = 0; e < extentCount; e++) {
        if (--extentBudget < 0) {
          problems.add('The HEIF item location box (iloc) lists more extents than any real file; the rest were skipped.');
          return null;
        }
        if (indexSize > 0) c.uint(indexSize);
        const offset = c.uint(offsetSize);
        const length = c.uint(lengthSize);
        if (e < MAX_EXTENTS && offset !== null && length !== null) extents.push({ offset, length });
      }
      if (baseOffset !== null) locations.set(id, { constructionMethod, baseOffset, extents });
    }
    return null;
  });
  return locations;
}

function parseProperties(win: Window, iprp: Box, ctx: BoxContext): Map<number, Box[]> {
  const byItem = new Map<number, Box[]>();
  const ipco = child(iprp, 'ipco');
  const all = ipco?.children ?? [];
  const ipma = child(iprp, 'ipma');
  if (!ipma) return byItem;
  guarded('property association box (ipma)', ctx.problems, null, () => {
    const c = new Cursor(payloadOf(win, ipma), payloadStart(ipma));
    const { version, flags } = c.fullBox();
    const count = c.u32();
    for (let i = 0; i < count && i < MAX_ITEMS; i++) {
      const id = version < 1 ? c.u16() : c.u32();
      const n = c.u8();
      const props: Box[] = [];
      for (let k = 0; k < n; k++) {
        const index = flags & 1 ? c.u16() & 0x7fff : c.u8() & 0x7f;
        const prop = index > 0 ? all[index - 1] : undefined;
        if (prop) props.push(prop);
      }
      byItem.set(id, props);
    }
    return null;
  });
  return byItem;
}

export function readHeifStructure(win: Window, meta: Box, ctx: BoxContext): HeifStructure {
  const problems = ctx.problems;
  const pitm = child(meta, 'pitm');
  const iinf = child(meta, 'iinf');
  const iloc = child(meta, 'iloc');
  const iprp = child(meta, 'iprp');
  const idat = child(meta, 'idat');
  if (!pitm) problems.add("The HEIF file names no primary image ('pitm' box missing).");
  if (!iinf || !iloc) problems.add(`The HEIF file lacks its ${!iinf ? "item list ('iinf')" : "item locations ('iloc')"}; its EXIF cannot be found.`);
  return {
    primaryId: pitm ? parsePitm(payloadOf(win, pitm), payloadStart(pitm), problems) : null,
    items: iinf ? parseIinf(win, iinf, ctx) : [],
    locations: iloc ? parseIloc(payloadOf(win, iloc), payloadStart(iloc), problems) : new Map(),
    properties: iprp ? parseProperties(win, iprp, ctx) : new Map(),
    idatStart: idat ? payloadStart(idat) : null,
    idatEnd: idat ? idat.offset + idat.size : null,
  };
}

/** The absolute byte ranges of an item's data; a problem and null when they cannot be placed. */
export function itemRanges(s: HeifStructure, id: number, fileSize: number, problems: Problems): { start: number; length: number }[] | null {
  const loc = s.locations.get(id);
  if (!loc) {
    problems.add(`HEIF item ${id} has no location in 'iloc'.`);
    return null;
  }
  let origin: number;
  let limit = fileSize;
  if (loc.constructionMethod === 0) origin = 0;
  else if (loc.constructionMethod === 1 && s.idatStart !== null && s.idatEnd !== null) {
    origin = s.idatStart;
    limit = s.idatEnd;
  } else {
    problems.add(`HEIF item ${id} is stored by construction method ${loc.constructionMethod}, which is not read.`);
    return null;
  }
  const ranges: { start: number; length: number }[] = [];
  for (const extent of loc.extents) {
    const start = origin + loc.baseOffset + extent.offset;
    // Length 0 means "to the end of the data".
    const length = extent.length === 0 ? limit - start : extent.length;
    if (start < 0 || start >= limit || length <= 0 || start + length > limit) {
      problems.add(`HEIF item ${id}'s data (byte ${start}, ${length} bytes) lies outside the file.`);
      return null;
    }
    ranges.push({ start, length });
  }
  return ranges;
}

export interface PrimaryProperties {
  readonly width: number | null;
  readonly height: number | null;
  /** irot: anticlockwise quarter turns (0–3) as the box states them. */
  readonly irot: number | null;
  /** imir: 0 = vertical axis, 1 = horizontal axis. */
  readonly imir: number | null;
  readonly propertyTypes: readonly string[];
}

export function primaryProperties(win: Window, s: HeifStructure): PrimaryProperties {
  const props = s.primaryId === null ? [] : (s.properties.get(s.primaryId) ?? []);
  let width: number | null = null;
  let height: number | null = null;
  let irot: number | null = null;
  let imir: number | null = null;
  for (const p of props) {
    const payload = payloadOf(win, p);
    if (p.type === 'ispe' && width === null && payload.length >= 12) {
      width = payload.readUInt32BE(4);
      height = payload.readUInt32BE(8);
    } else if (p.type === 'irot' && irot === null && payload.length >= 1) {
      irot = (payload[0] ?? 0) & 3;
    } else if (p.type === 'imir' && imir === null && payload.length >= 1) {
      imir = (payload[0] ?? 0) & 1;
    }
  }
  return { width, height, irot, imir, propertyTypes: props.map((p) => displayType(p.type)) };
}
