/**
 * HEIF and AVIF photos: the primary item's size and rotation from the container, and the
 * EXIF and XMP items located through iinf/iloc by our own guarded reader, then handed to
 * exifr as bare payloads.
 */
import type { JsonValue } from '../../../shared/metadata';
import type { ByteSource } from './byte-source';
import type { Findings } from './findings';
import { type Box, type BoxContext, walkTree } from './isobmff/boxes';
import { itemRanges, primaryProperties, readHeifStructure, type HeifStructure } from './isobmff/heif-items';
import { toJsonSafe } from './json-safe';
import { irotToClockwise } from './orientation';
import { readEmbedded } from './photo';
import type { Problems } from './problems';

const MAX_META_BYTES = 16 * 1024 * 1024;
const MAX_ITEM_BYTES = 16 * 1024 * 1024;

async function readItem(source: ByteSource, s: HeifStructure, id: number, what: string, problems: Problems): Promise<Buffer | null> {
  const ranges = itemRanges(s, id, source.size, problems);
  if (!ranges) return null;
  const total = ranges.reduce((sum, r) => sum + r.length, 0);
  if (total > MAX_ITEM_BYTES) {
    problems.add(`The HEIF ${what} item claims ${total} bytes, more than the ${MAX_ITEM_BYTES} read; it was not read.`);
    return null;
  }
  const parts: Buffer[] = [];
  for (const r of ranges) parts.push(await source.read(r.start, r.length));
  return Buffer.concat(parts);
}

/** The TIFF header inside a HEIF Exif item: after a 4-byte offset field, usually right after "Exif\0\0". */
function tiffPayload(item: Buffer, problems: Problems): Buffer | null {
  const isTiff = (at: number): boolean =>
    at >= 0 && at + 4 <= item.length && (item.toString('latin1', at, at + 4) === 'II*\0' || item.toString('latin1', at, at + 4) === 'MM\0*');
  if (item.length >= 4) {
    const declared = 4 + item.readUInt32BE(0);
    if (isTiff(declared)) return item.subarray(declared);
  }
  for (let at = 0; at < Math.min(item.length - 4, 64); at++) {
    if (isTiff(at)) {
      problems.add(`The HEIF EXIF item's offset field is wrong; the TIFF header was found at byte ${at} of the item instead.`);
      return item.subarray(at);
    }
  }
  problems.add('The HEIF EXIF item holds no TIFF header; no EXIF read.');
  return null;
}

export async function readHeif(source: ByteSource, top: readonly Box[], ctx: BoxContext, findings: Findings): Promise<void> {
  const problems = ctx.problems;
  findings.containerGovernsOrientation = true;
  const meta = top.find((b) => b.type === 'meta');
  if (!meta) {
    problems.add("The HEIF file has no 'meta' box (cut short?); no size or EXIF.");
    return;
  }
  if (meta.size > MAX_META_BYTES) {
    problems.add(`The HEIF 'meta' box is ${meta.size} bytes, more than the ${MAX_META_BYTES} read; it was not read.`);
    return;
  }
  const win = { buf: await source.read(meta.offset, meta.size), base: meta.offset };
  walkTree(win, meta, ctx);
  const structure = readHeifStructure(win, meta, ctx);
  const primary = primaryProperties(win, structure);
  if (primary.width !== null && primary.height !== null) {
    findings.pixelSize = primary.width > 0 && primary.height > 0 ? { width: primary.width, height: primary.height, source: 'heif-ispe' } : null;
  } else if (structure.primaryId !== null) {
    problems.add(`The HEIF primary image (item ${structure.primaryId}) has no size property (ispe).`);
  }
  findings.rotation = irotToClockwise(primary.irot ?? 0);
  findings.mirrored = primary.imir !== null;

  const exifItem = structure.items.find((i) => i.type === 'Exif');
  const exifBytes = exifItem ? await readItem(source, structure, exifItem.id, 'EXIF', problems) : null;
  const tiff = exifBytes ? tiffPayload(exifBytes, problems) : null;
  const xmpItem = structure.items.find((i) => i.type === 'mime' && /rdf\+xml/i.test(i.contentType ?? ''));
  const xmpBytes = xmpItem ? await readItem(source, structure, xmpItem.id, 'XMP', problems) : null;
  await readEmbedded(findings, { exif: tiff, xmpPacket: xmpBytes }, problems);
  const raw: Record<string, JsonValue> = {
    primaryItemId: structure.primaryId,
    primary: toJsonSafe(primary),
    items: toJsonSafe(structure.items.slice(0, 64)),
    exifItemId: exifItem?.id ?? null,
    xmpItemId: xmpItem?.id ?? null,
  };
  findings.raw.container = { ...(findings.raw.container as Record<string, JsonValue> | undefined), ...raw };
}
