/**
 * Photos in JPEG, PNG, TIFF (and TIFF-based raws), WebP, GIF and BMP: reads the file into
 * memory when it is of photo size (else only its head, where the metadata lives), states
 * the container's pixel size, and hands the embedded metadata to exifr (exif.ts).
 */
import type { ByteSource } from './byte-source';
import { readExifBlocks, readIptcOfJpeg, readXmpOfFile, readXmpPacket, type Blocks } from './exif';
import { applyExif, applyIptc, applyXmp } from './exif-fields';
import type { Findings } from './findings';
import { bmpSize, gifSize } from './image-size';
import { jpegEndsProperly, jpegExif, jpegSize } from './jpeg';
import { toJsonSafe } from './json-safe';
import type { Problems } from './problems';
import { readPng } from './png';
import type { Family } from './sniff';
import { readTiffFacts } from './tiff-ifd';
import { readWebp } from './webp';

/** Photos up to this size are read whole; larger ones only up to their head. */
export const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;
/** JPEG keeps its metadata in APP segments at the start; other formats may keep it anywhere. */
const HEAD_BYTES: Readonly<Record<string, number>> = { jpeg: 4 * 1024 * 1024 };
const DEFAULT_HEAD_BYTES = 16 * 1024 * 1024;

const FORMAT_MIME = { dng: 'image/x-adobe-dng', nef: 'image/x-nikon-nef' } as const;

async function readPhotoBytes(source: ByteSource, family: Family, problems: Problems): Promise<Buffer> {
  if (source.size <= WHOLE_FILE_LIMIT) return source.read(0, source.size);
  const head = HEAD_BYTES[family] ?? DEFAULT_HEAD_BYTES;
  problems.add(`The file is larger than ${WHOLE_FILE_LIMIT / 1024 / 1024} MiB; only its first ${head / 1024 / 1024} MiB were read for metadata.`);
  return source.read(0, head);
}

/** Where a photo's embedded metadata is: bare EXIF (TIFF) bytes, and XMP (and IPTC) in the whole file or as a bare packet. */
export interface Embedded {
  readonly exif: Buffer | null;
  /** A whole JPEG or TIFF file, in which exifr finds the XMP (and, in a JPEG, the IPTC). */
  readonly file?: { readonly bytes: Buffer; readonly kind: 'jpeg' | 'tiff' };
  readonly xmpPacket?: Buffer | null;
}

export async function readEmbedded(findings: Findings, embedded: Embedded, problems: Problems): Promise<void> {
  if (embedded.exif) {
    const blocks = await readExifBlocks(embedded.exif, problems);
    if (blocks) {
      findings.raw.exif = toJsonSafe(blocks);
      applyExif(findings, blocks, problems);
    }
  }
  if (embedded.file?.kind === 'jpeg') {
    const iptc = await readIptcOfJpeg(embedded.file.bytes, problems);
    if (iptc) {
      findings.raw.iptc = toJsonSafe(iptc);
      applyIptc(findings, iptc);
    }
  }
  let xmp: Blocks | null = null;
  if (embedded.file) xmp = await readXmpOfFile(embedded.file.bytes, problems);
  else if (embedded.xmpPacket) xmp = await readXmpPacket(embedded.xmpPacket, problems);
  if (xmp) {
    findings.raw.xmp = toJsonSafe(xmp);
    applyXmp(findings, xmp, problems);
  }
}

export async function readPhoto(source: ByteSource, family: Family, findings: Findings, problems: Problems): Promise<void> {
  const buf = await readPhotoBytes(source, family, problems);
  switch (family) {
    case 'jpeg':
      findings.pixelSize = jpegSize(buf, problems);
      if (buf.length === source.size && jpegEndsProperly(buf) === false) {
        problems.add('The JPEG image data has no end marker: the file is cut short (the picture may be incomplete); its metadata was read.');
      }
      return readEmbedded(findings, { exif: jpegExif(buf, problems), file: { bytes: buf, kind: 'jpeg' } }, problems);
    case 'png': {
      const png = readPng(buf, problems);
      findings.pixelSize = png.size;
      findings.raw.container = { chunks: [...png.chunks] };
      return readEmbedded(findings, { exif: png.exif, xmpPacket: png.xmp }, problems);
    }
    case 'tiff': {
      const facts = readTiffFacts(buf, problems);
      if (!facts) return;
      if (facts.format) findings.format = { format: facts.format, mime: FORMAT_MIME[facts.format] };
      if (facts.width && facts.height) findings.pixelSize = { width: facts.width, height: facts.height, source: 'tiff-ifd' };
      else problems.add('No full-size image with a width and height was found in the TIFF directories.');
      return readEmbedded(findings, { exif: buf, file: { bytes: buf, kind: 'tiff' } }, problems);
    }
    case 'webp': {
      const webp = readWebp(buf, problems);
      findings.pixelSize = webp.size;
      findings.raw.container = { chunks: webp.chunks.slice(0, 64) };
      return readEmbedded(findings, { exif: webp.exif, xmpPacket: webp.xmp }, problems);
    }
    case 'gif':
      findings.pixelSize = gifSize(buf, problems);
      return;
    case 'bmp':
      findings.pixelSize = bmpSize(buf, problems);
      return;
    default:
      return;
  }
}
