/**
 * PNG's chunk structure: IHDR (pixel size), eXIf (a bare TIFF payload) and the iTXt chunk
 * holding XMP. exifr's own PNG reader is not used because it inflates the iCCP profile
 * without a size limit (a decompression bomb in a hostile file); here compressed XMP is
 * inflated with a hard output limit.
 */
import { inflateSync } from 'node:zlib';
import type { PixelSize } from '../../../shared/metadata';
import { statedSize } from './image-size';
import { describeError, type Problems } from './problems';

const MAX_XMP_BYTES = 4 * 1024 * 1024;
const XMP_KEYWORD = 'XML:com.adobe.xmp';

export interface PngFacts {
  readonly size: PixelSize | null;
  readonly exif: Buffer | null;
  readonly xmp: Buffer | null;
  readonly chunks: readonly string[];
}

function xmpFromItxt(data: Buffer, problems: Problems): Buffer | null {
  // keyword \0 compression-flag compression-method language \0 translated-keyword \0 text
  const keywordEnd = data.indexOf(0);
  if (keywordEnd === -1 || data.toString('latin1', 0, keywordEnd) !== XMP_KEYWORD) return null;
  const compressed = data[keywordEnd + 1] === 1;
  const languageEnd = data.indexOf(0, keywordEnd + 3);
  const translatedEnd = languageEnd === -1 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd === -1) return null;
  const text = data.subarray(translatedEnd + 1);
  if (!compressed) return text;
  try {
    return inflateSync(text, { maxOutputLength: MAX_XMP_BYTES });
  } catch (err) {
    problems.add(`The compressed XMP in the PNG could not be unpacked: ${describeError(err)}.`);
    return null;
  }
}

export function readPng(buf: Buffer, problems: Problems): PngFacts {
  let size: PixelSize | null = null;
  let exif: Buffer | null = null;
  let xmp: Buffer | null = null;
  const chunks: string[] = [];
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') {
    problems.add('The PNG header chunk (IHDR) is missing or cut short; no pixel size.');
  } else {
    size = statedSize(buf.readUInt32BE(16), buf.readUInt32BE(20), 'png-ihdr', 'PNG header (IHDR)', problems);
  }
  let pos = 8;
  let ended = false;
  for (let n = 0; n < 100_000 && pos + 8 <= buf.length; n++) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const start = pos + 8;
    const end = Math.min(buf.length, start + length);
    if (chunks.length < 64) chunks.push(type);
    if (type === 'IEND') {
      ended = true;
      break;
    }
    if (start + length > buf.length && (type === 'eXIf' || type === 'iTXt')) {
      problems.add(`The PNG chunk '${type}' at byte ${pos} is cut short by the end of the file.`);
    }
    if (type === 'eXIf' && !exif) exif = buf.subarray(start, end);
    if (type === 'iTXt' && !xmp) xmp = xmpFromItxt(buf.subarray(start, end), problems);
    pos = start + length + 4; // data and CRC
  }
  if (!ended && pos >= buf.length) problems.add('The PNG file ends before its end chunk (IEND): it is cut short; what was read is kept.');
  return { size, exif, xmp, chunks };
}
