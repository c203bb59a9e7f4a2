/**
 * Runs exifr over bytes already in memory, in two passes:
 * 1. the EXIF blocks (IFD0, EXIF, GPS) of a bare TIFF payload (a TIFF file, or the EXIF
 *    cut out of a JPEG APP1 segment, a PNG eXIf chunk, a HEIF item or a WebP chunk),
 *    repaired first by exif-repair.ts;
 * 2. XMP from a whole JPEG or TIFF file or from a bare packet, and IPTC from a JPEG.
 * The passes are separate because exifr files XMP's `exif:` and `tiff:` namespaces under
 * the same keys as the EXIF and IFD0 blocks, which would blur where a value came from.
 *
 * exifr never sees an ISO-BMFF file (its HEIF reader loops forever on a zero-size box and
 * cannot follow base offsets) nor a PNG (its reader inflates iCCP without a size limit).
 * Values stay raw: `reviveValues: false` keeps dates as the strings the camera wrote,
 * because revived Dates are read in the importing computer's time zone.
 */
import * as exifrModule from 'exifr';
import { repairExif } from './exif-repair';
import { describeError, type Problems } from './problems';

/**
 * exifr ships an ES module (what Vite and vitest load: named exports, and a default export
 * without `sidecar`) and a UMD bundle (what Node loads: everything on the default export).
 */
const exifr = {
  parse: exifrModule.parse ?? exifrModule.default.parse,
  sidecar: exifrModule.sidecar ?? exifrModule.default.sidecar,
};

/** Guards against an await that never settles; exifr's synchronous work on a buffer is bounded. */
const EXIFR_TIME_LIMIT_MS = 5_000;

export type Block = Readonly<Record<string, unknown>>;
export type Blocks = Readonly<Record<string, Block | undefined>>;

const COMMON = {
  translateKeys: true,
  translateValues: false,
  reviveValues: false,
  sanitize: true,
  mergeOutput: false,
  silentErrors: true,
  makerNote: false,
  userComment: false,
  icc: false,
  jfif: false,
  ihdr: false,
} as const;

const EXIF_OPTIONS = { ...COMMON, tiff: true, ifd0: {}, exif: true, gps: true, interop: false, ifd1: false, iptc: false, xmp: false };
const IPTC_OPTIONS = { ...COMMON, tiff: false, iptc: true, xmp: false };
const XMP_OPTIONS = { ...COMMON, tiff: false, iptc: false, xmp: true };

async function withTimeLimit<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${EXIFR_TIME_LIMIT_MS / 1000} s`)), EXIFR_TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/** exifr's blocks, and its per-block errors as problem sentences. */
function blocksOf(output: unknown, what: string, problems: Problems): Blocks | null {
  const blocks: Record<string, Block> = Object.create(null) as Record<string, Block>;
  if (!isRecord(output)) return null;
  const errors = output.errors;
  if (Array.isArray(errors)) {
    for (const e of errors.slice(0, 5)) problems.add(`The ${what} could not be fully read: ${(typeof e === 'string' ? e : describeError(e)).split('\n')[0]}.`);
  }
  for (const [key, value] of Object.entries(output)) if (key !== 'errors' && isRecord(value)) blocks[key] = value;
  return Object.keys(blocks).length > 0 ? blocks : null;
}

async function run(what: string, problems: Problems, work: () => Promise<unknown>): Promise<Blocks | null> {
  try {
    return blocksOf(await withTimeLimit(work(), `Reading the ${what}`), what, problems);
  } catch (err) {
    problems.add(`The ${what} could not be read: ${describeError(err)}.`);
    return null;
  }
}

/** EXIF blocks (ifd0, exif, gps) of a bare TIFF payload; null when there are none. */
export function readExifBlocks(tiff: Buffer, problems: Problems): Promise<Blocks | null> {
  const safe = repairExif(tiff, problems);
  return run('EXIF block', problems, () => exifr.parse(safe, EXIF_OPTIONS));
}

/** exifr files XMP's `tiff:` namespace as "ifd0"; give it back its XMP name. */
function xmpNamespaces(blocks: Blocks | null): Blocks | null {
  if (!blocks) return null;
  const out: Record<string, Block | undefined> = Object.create(null) as Record<string, Block | undefined>;
  for (const [key, value] of Object.entries(blocks)) out[key === 'ifd0' ? 'tiff' : key] = value;
  return out;
}

/** XMP namespaces of a whole JPEG or TIFF file; null when there are none. */
export async function readXmpOfFile(file: Buffer, problems: Problems): Promise<Blocks | null> {
  return xmpNamespaces(await run('XMP packet', problems, () => exifr.parse(file, XMP_OPTIONS)));
}

/**
 * The IPTC-IIM block of a whole JPEG file (APP13). Not used for TIFF: exifr 7.1.3 fails on
 * TIFF's IPTC tag when it is typed LONG, as Photoshop writes it.
 */
export async function readIptcOfJpeg(file: Buffer, problems: Problems): Promise<Block | null> {
  const blocks = await run('IPTC block', problems, () => exifr.parse(file, IPTC_OPTIONS));
  return blocks?.iptc ?? null;
}

/** XMP namespaces of a bare XMP packet (HEIF item, WebP or PNG chunk). */
export async function readXmpPacket(packet: Buffer, problems: Problems): Promise<Blocks | null> {
  return xmpNamespaces(await run('XMP packet', problems, () => exifr.sidecar(packet, XMP_OPTIONS, 'xmp')));
}
