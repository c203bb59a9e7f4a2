/**
 * Compares a file's name with its sniffed content. The content always decides the format;
 * a disagreement is reported because it is worth a person's attention (a renamed file, a
 * disguised one). Families are compared, not exact formats: a phone that names its 3GP
 * files .mp4 or a DNG saved as .tif is not news.
 */
import type { Sniffed } from './sniff';

const EXTENSION_GROUP: Readonly<Record<string, string>> = {
  jpg: 'jpeg', jpeg: 'jpeg', jpe: 'jpeg', jfif: 'jpeg',
  png: 'png', apng: 'png',
  gif: 'gif',
  bmp: 'bmp', dib: 'bmp',
  webp: 'webp',
  tif: 'tiff', tiff: 'tiff', dng: 'tiff', nef: 'tiff', cr2: 'tiff', arw: 'tiff', orf: 'tiff', rw2: 'tiff', pef: 'tiff',
  heic: 'heif', heif: 'heif', hif: 'heif', avif: 'heif',
  cr3: 'cr3', crw: 'crw', raf: 'raf', mrw: 'mrw', x3f: 'x3f', jxl: 'jxl', exv: 'exv',
  mp4: 'isovideo', m4v: 'isovideo', mov: 'isovideo', qt: 'isovideo', '3gp': 'isovideo', '3gpp': 'isovideo', '3g2': 'isovideo',
  m4a: 'audio',
  // Not media at all: media content under such a name deserves a look.
  exe: 'program', dll: 'program', bat: 'program', cmd: 'program', com: 'program', scr: 'program', msi: 'program',
  js: 'script', vbs: 'script', ps1: 'script', sh: 'script',
  html: 'document', htm: 'document', svg: 'document', txt: 'document', pdf: 'document', doc: 'document', docx: 'document',
  zip: 'archive',
};

const FORMAT_GROUP: Readonly<Record<string, string>> = {
  jpeg: 'jpeg', png: 'png', gif: 'gif', bmp: 'bmp', webp: 'webp',
  tiff: 'tiff', dng: 'tiff', nef: 'tiff', cr2: 'tiff',
  heic: 'heif', heif: 'heif', avif: 'heif', cr3: 'cr3',
  // Read by ExifTool only (sniff.ts); RW2 and ORF are TIFF variants with their own magic.
  rw2: 'tiff', orf: 'tiff', crw: 'crw', raf: 'raf', mrw: 'mrw', x3f: 'x3f', jxl: 'jxl', exv: 'exv',
  mp4: 'isovideo', mov: 'isovideo', m4v: 'isovideo', '3gp': 'isovideo', '3g2': 'isovideo',
  m4a: 'audio',
};

const NON_MEDIA_GROUPS = new Set(['program', 'script', 'document', 'archive']);

/** The lower-cased extension of a file name, without the dot; null when there is none. */
export function extensionOf(name: string): string | null {
  const base = name.slice(name.lastIndexOf('/') + 1).trim();
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  return base.slice(dot + 1).trim().toLowerCase();
}

function describeContent(sniffed: Sniffed): string {
  if (sniffed.format && sniffed.mime) {
    const noun = sniffed.kind === 'video' ? 'video' : sniffed.kind === 'photo' ? 'image' : 'file';
    return `a ${sniffed.format.toUpperCase()} ${noun} (${sniffed.mime})`;
  }
  return sniffed.looksLike ? `not a recognised image or video (it looks like ${sniffed.looksLike})` : 'not a recognised image or video';
}

/** A sentence when the name's extension and the content disagree; null when they agree or cannot be compared. */
export function extensionMismatch(name: string, sniffed: Sniffed): string | null {
  const ext = extensionOf(name);
  if (ext === null) return null;
  const expected = EXTENSION_GROUP[ext];
  if (expected === undefined) return null;
  const actual = sniffed.format ? FORMAT_GROUP[sniffed.format] : undefined;
  if (actual === expected) return null;
  // Unrecognised content under a non-media name (notes.txt, page.html) is just that.
  if (actual === undefined && NON_MEDIA_GROUPS.has(expected)) return null;
  return `The name ends in ".${ext}" but the content is ${describeContent(sniffed)}; the content decides how it is read.`;
}
