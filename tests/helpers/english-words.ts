/**
 * English words in a text meant for a Russian or Kazakh reader. Data is taken out first:
 * the values a test itself gave (file names, what it typed), each only as a whole word, and
 * whatever has the shape of a path, a URL, an address, a file name, an identifier
 * (usb-office, vault-ru), a search keyword (tag:, type:video) or an exhibit number (E0001).
 * A Latin word left is English unless it is a name or a technical term that stays Latin in
 * every language (ALLOWED_LATIN). Used by the e2e scan of the rendered window
 * (tests/e2e/english-text.ts) and by the unit test of the locale files.
 */

/** Latin that stays Latin on a Russian or Kazakh screen: the program's name, format, standard and structure names. */
export const ALLOWED_LATIN: readonly string[] = [
  'Tamga',
  'EXIF',
  'XMP',
  'IPTC',
  'GPS',
  'UTC',
  'GMT',
  'SHA',
  'MD5',
  'JPEG',
  'PNG',
  'GIF',
  'BMP',
  'WebP',
  'HEIC',
  'HEIF',
  'TIFF',
  'RAW',
  'MP4',
  'MOV',
  'GPP', // 3GPP
  'QuickTime',
  'ISO',
  'TSA',
  'RFC',
  'S3',
  'PDF',
  'CSV',
  'JSON',
  'HTML',
  'ZIP',
  'zip',
  'Zip',
  'URL',
  'USB',
  'SD',
  'DCIM',
  'http',
  'https',
  'eIDAS',
  'MiB',
  'ExifTool',
  'ffmpeg',
  'Ed25519',
  'BagIt',
  'scrypt',
  'Photoshop',
  'Lightroom',
  'digiKam',
  // Tools and standards evidence arrives with, named as their makers spell them.
  'C2PA',
  'ProofMode',
  'OpenPGP',
  'VLC',
  'HEVC',
  'ProRes',
  'WebM',
  // The query language's operators, which the user types as they are.
  'OR',
  'NOT',
  'AND',
  // The structures a file reader reports on, as their standards spell them.
  'IFD',
  'IFD0',
  'SOF',
  'IHDR',
  'IEND',
  'Orientation',
  'moov',
  'mvhd',
  'meta',
  'keys',
  'iinf',
  'iloc',
  'infe',
  'ispe',
  'pitm',
  'stsd',
  'tkhd',
  'loci',
];

const ALLOWED = new Set(ALLOWED_LATIN);

const DATA_SHAPES: readonly RegExp[] = [
  /\S*[/\\]\S*/g, // paths, URLs, MIME types
  /\S+@\S+/g, // addresses
  /[\w.-]*\w\.[A-Za-z0-9]{1,5}\b/g, // file names: vault.json, README.txt
  /\b[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+\b/g, // identifiers: usb-office, vault-ru, with-gps
  /\b[a-z]+:\S*/g, // search keywords: tag:…, type:video
  /\bE\d{4,}\b/g, // exhibit numbers: E0001
  /\{\{\w+\}\}/g, // a locale file's placeholders
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The English words left in `text` once the data is out; [] when there is none. `given`: the values the test gave. */
export function englishWords(text: string, given: readonly string[] = []): string[] {
  let rest = text;
  // The test's own values first (a file name may hold spaces), each only as a whole: "usb" is taken out of "«usb»", not out of "usb-office".
  for (const value of [...given].filter((v) => v !== '').sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(?<![\\w-])${escape(value)}(?![\\w-])`, 'g'), ' ');
  }
  for (const shape of DATA_SHAPES) rest = rest.replace(shape, ' ');
  return [...rest.matchAll(/[A-Za-z][A-Za-z0-9'’]*[A-Za-z0-9]/g)].map((m) => m[0]).filter((word) => !ALLOWED.has(word));
}
