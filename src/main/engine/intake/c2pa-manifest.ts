/**
 * Whether an original carries a C2PA manifest store (C2PA 1.x/2.x: a JUMBF superbox labelled
 * "c2pa"), and what its active manifest states about who made it: the claim generator and
 * the subject of the signing certificate. Read with cbor-x and node's X509Certificate; no
 * C2PA library runs here (the native ones fetch prebuilt binaries from GitHub at install),
 * so NOTHING is verified: not the COSE signature, not the certificate chain, not the hash
 * bindings to the image. The result says "present, not verified" and never more. The file
 * itself is kept byte-exact by the import (its blob is the original bytes).
 *
 * Where the store is looked for:
 *   - JPEG: APP11 (0xFFEB) segments with common identifier "JP" (ISO 19566-5): each holds
 *     CI "JP", a 2-byte box instance number, a 4-byte sequence number (from 1), then the
 *     JUMBF box; in every segment after the first the box header (LBox, TBox) is repeated
 *     and skipped. Segments of one instance are joined in sequence order.
 *   - PNG: a "caBX" chunk holding the JUMBF box.
 *   - ISOBMFF (MP4, MOV, HEIF …): a top-level "uuid" box of type
 *     d8fec3d6-1b0e-483c-9297-5828877ec481, then 4 bytes version and flags, a NUL-ended
 *     purpose ("manifest"), an 8-byte offset, then the JUMBF box.
 * JUMBF (ISO 19566-5): a superbox "jumb" holds a description box "jumd" (16-byte type,
 * 1 toggle byte, a NUL-ended label when toggles & 2, a 4-byte id when & 4, a 32-byte hash
 * when & 8) and then its content boxes. The store is type 63327061-0011-0010-8000-00aa00389b71
 * ("c2pa"); its manifests are superboxes, the last one active; in it, the claim
 * ("c2pa.claim", "c2pa.claim.v2") holds a "cbor" box with claim_generator (1.x) or
 * claim_generator_info (2.x), and the signature ("c2pa.signature") a "cbor" box with a
 * COSE_Sign1 whose header 33 (x5chain) holds the signer's certificate first.
 */
import { X509Certificate } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Decoder } from 'cbor-x';
import type { JsonObject } from '../../../shared/custody';
import type { C2paCheck, IntakeProblem } from '../../../shared/intake';

const C2PA_STORE_TYPE = '6332706100110010800000aa00389b71';
const BMFF_C2PA_UUID = 'd8fec3d61b0e483c92975828877ec481';
/** A manifest store is small next to the media; a larger one is not read (a hostile file). */
const MAX_STORE_BYTES = 64 * 1024 * 1024;

interface Box {
  readonly type: string;
  readonly body: Buffer;
}

/** The boxes in `data`, in order; stops at the first that does not fit. */
export function readBoxes(data: Buffer): Box[] {
  const boxes: Box[] = [];
  let at = 0;
  while (at + 8 <= data.length) {
    let size = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > data.length) break;
      const large = data.readBigUInt64BE(at + 8);
      if (large > BigInt(data.length - at)) break;
      size = Number(large);
      header = 16;
    } else if (size === 0) {
      size = data.length - at;
    }
    if (size < header || at + size > data.length) break;
    boxes.push({ type, body: data.subarray(at + header, at + size) });
    at += size;
  }
  return boxes;
}

interface Superbox {
  readonly type: string;
  readonly label: string | null;
  readonly content: readonly Box[];
}

/** A "jumb" superbox: its description (type as hex, label) and content boxes; null when malformed. */
function superbox(box: Box): Superbox | null {
  if (box.type !== 'jumb') return null;
  const [description, ...content] = readBoxes(box.body);
  if (description?.type !== 'jumd' || description.body.length < 17) return null;
  const d = description.body;
  const toggles = d[16] ?? 0;
  let label: string | null = null;
  if ((toggles & 0x02) !== 0) {
    const end = d.indexOf(0, 17);
    label = d.toString('utf8', 17, end < 0 ? d.length : end);
  }
  return { type: d.toString('hex', 0, 16), label, content };
}

/** The JUMBF bytes of a JPEG's APP11 segments, instance by instance (the first instance whose box is a C2PA store wins). */
function jpegJumbf(file: Buffer): Buffer[] {
  const instances = new Map<number, { seq: number; data: Buffer }[]>();
  let at = 2;
  while (at + 4 <= file.length && file[at] === 0xff) {
    const marker = file[at + 1] ?? 0;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan: no more metadata segments
    const length = file.readUInt16BE(at + 2);
    const body = file.subarray(at + 4, at + 2 + length);
    if (marker === 0xeb && body.length >= 16 && body.toString('latin1', 0, 2) === 'JP') {
      const instance = body.readUInt16BE(2);
      const seq = body.readUInt32BE(4);
      const parts = instances.get(instance) ?? [];
      parts.push({ seq, data: body.subarray(8) });
      instances.set(instance, parts);
    }
    at += 2 + length;
  }
  return [...instances.values()].map((parts) => {
    parts.sort((a, b) => a.seq - b.seq);
    // Every segment repeats the box header (LBox, TBox: 8 bytes; 16 with XLBox); only the first keeps it.
    return Buffer.concat(parts.map((p, i) => (i === 0 ? p.data : p.data.subarray(p.data.readUInt32BE(0) === 1 ? 16 : 8))));
  });
}

/** Reads `length` bytes at `position`; fewer at the end of the file. */
async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** PNG chunks walked by their headers (the image data is skipped, not read): each caBX chunk's data. */
async function pngJumbf(handle: FileHandle, size: number): Promise<Buffer[]> {
  const found: Buffer[] = [];
  let at = 8;
  while (at + 12 <= size) {
    const header = await readAt(handle, at, 8);
    const length = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    if (at + 12 + length > size) break;
    if (type === 'caBX' && length <= MAX_STORE_BYTES) found.push(await readAt(handle, at + 8, length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return found;
}

/** ISOBMFF top-level boxes walked by their headers (mdat is skipped, not read): each C2PA uuid box's JUMBF. */
async function bmffJumbf(handle: FileHandle, size: number): Promise<Buffer[]> {
  const found: Buffer[] = [];
  let at = 0;
  while (at + 8 <= size) {
    const header = await readAt(handle, at, 16);
    let boxSize = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let headerSize = 8;
    if (boxSize === 1 && header.length >= 16) {
      boxSize = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (boxSize === 0) {
      boxSize = size - at;
    }
    if (boxSize < headerSize || at + boxSize > size) break;
    if (type === 'uuid' && boxSize - headerSize <= MAX_STORE_BYTES) {
      const body = await readAt(handle, at + headerSize, boxSize - headerSize);
      const purposeEnd = body.indexOf(0, 20);
      if (body.toString('hex', 0, 16) === BMFF_C2PA_UUID && purposeEnd > 0 && body.toString('latin1', 20, purposeEnd) === 'manifest') found.push(body.subarray(purposeEnd + 1 + 8));
    }
    at += boxSize;
  }
  return found;
}

const decoder = new Decoder({ mapsAsObjects: false });

function member(map: unknown, key: string | number): unknown {
  if (map instanceof Map) return map.get(key);
  if (typeof map === 'object' && map !== null) return (map as Record<string, unknown>)[String(key)];
  return undefined;
}

/** "ProofMode 3.0", from claim_generator (1.x) or the first claim_generator_info (2.x: name and version). */
function claimGenerator(claim: unknown): string | null {
  const v1 = member(claim, 'claim_generator');
  if (typeof v1 === 'string') return v1;
  const info = member(claim, 'claim_generator_info');
  const first = Array.isArray(info) ? info[0] : info;
  const name = member(first, 'name');
  const version = member(first, 'version');
  if (typeof name !== 'string') return null;
  return typeof version === 'string' ? `${name} ${version}` : name;
}

/** The subject of the first certificate in a COSE_Sign1's x5chain (header 33), protected or not. */
function signerSubject(cose: unknown): string | null {
  const sign1 = typeof cose === 'object' && cose !== null && 'value' in cose && (cose as { tag?: unknown }).tag === 18 ? (cose as { value: unknown }).value : cose;
  if (!Array.isArray(sign1) || sign1.length < 4) return null;
  const [protectedBytes, unprotected] = sign1 as [unknown, unknown];
  const headers = [protectedBytes instanceof Uint8Array && protectedBytes.length > 0 ? (decoder.decode(protectedBytes) as unknown) : null, unprotected];
  for (const header of headers) {
    const chain = member(header, 33);
    const leaf = Array.isArray(chain) ? chain[0] : chain;
    if (leaf instanceof Uint8Array) {
      try {
        return new X509Certificate(Buffer.from(leaf)).subject.split('\n').join(', ');
      } catch {
        return null;
      }
    }
  }
  return null;
}

function cborOf(box: Superbox | null): unknown {
  const content = box?.content.find((b) => b.type === 'cbor');
  return content === undefined ? undefined : decoder.decode(content.body);
}

/** What a JUMBF manifest store states; null when `jumbf` is not one. */
export function readManifestStore(jumbf: Buffer, problems: IntakeProblem[]): Pick<C2paCheck, 'manifest' | 'claimGenerator' | 'signer'> | null {
  const [first] = readBoxes(jumbf);
  const store = first === undefined ? null : superbox(first);
  if (store === null || store.type !== C2PA_STORE_TYPE) return null;
  const manifests = store.content.map(superbox).filter((m): m is Superbox => m !== null);
  const active = manifests.at(-1);
  if (active === undefined) {
    problems.push({ code: 'C2PA_NO_MANIFEST', message: 'The C2PA manifest store holds no manifest.' });
    return { manifest: null, claimGenerator: null, signer: null };
  }
  const parts = active.content.map(superbox);
  let claimGen: string | null = null;
  let signer: string | null = null;
  try {
    claimGen = claimGenerator(cborOf(parts.find((p) => p?.label === 'c2pa.claim' || p?.label === 'c2pa.claim.v2') ?? null));
    signer = signerSubject(cborOf(parts.find((p) => p?.label === 'c2pa.signature') ?? null));
  } catch (err) {
    problems.push({ code: 'C2PA_UNREADABLE', message: `The active C2PA manifest's claim or signature cannot be read as CBOR (${(err as Error).message}).` });
  }
  if (claimGen === null) problems.push({ code: 'C2PA_NO_CLAIM_GENERATOR', message: 'The active C2PA manifest names no claim generator.' });
  if (signer === null) problems.push({ code: 'C2PA_NO_SIGNER', message: "The active C2PA manifest's signature holds no readable signing certificate." });
  return { manifest: active.label, claimGenerator: claimGen, signer };
}

function containerOf(head: Buffer): C2paCheck['container'] | 'unknown' {
  if (head[0] === 0xff && head[1] === 0xd8) return 'jpeg-app11';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png-cabx';
  if (head.toString('latin1', 4, 8) === 'ftyp') return 'bmff-uuid';
  return 'unknown';
}

/**
 * Looks for a C2PA manifest store where each format keeps it: a JPEG's APP11 segments
 * (read from the start, up to the image data), a PNG's chunks or an ISOBMFF file's
 * top-level boxes (walked by their headers, the media data skipped).
 */
export async function checkC2pa(path: string): Promise<C2paCheck> {
  const none: C2paCheck = { kind: 'c2pa', container: null, present: false, verification: 'not-verified', manifest: null, claimGenerator: null, signer: null, problems: [] };
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const container = containerOf(await readAt(handle, 0, 16));
    if (container === 'unknown' || container === null) return none;
    const candidates = container === 'jpeg-app11' ? jpegJumbf(await readAt(handle, 0, Math.min(size, MAX_STORE_BYTES))) : container === 'png-cabx' ? await pngJumbf(handle, size) : await bmffJumbf(handle, size);
    for (const jumbf of candidates) {
      const problems: IntakeProblem[] = [];
      const found = readManifestStore(jumbf, problems);
      if (found !== null) return { ...none, container, present: true, ...found, problems };
    }
    // A store cut short or damaged is still a store: said to be there, and unreadable.
    const broken = candidates.some((jumbf) => jumbf.toString('latin1', 4, 8) === 'jumb' && jumbf.subarray(0, 64).includes(Buffer.from(C2PA_STORE_TYPE, 'hex')));
    if (broken) return { ...none, container, present: true, problems: [{ code: 'C2PA_UNREADABLE', message: 'The file carries a C2PA manifest store that cannot be read (cut short or damaged).' }] };
    return none;
  } finally {
    await handle.close();
  }
}

/** The caBX chunks within `bytes` (a PNG, or its start). */
function pngJumbfIn(bytes: Buffer): Buffer[] {
  const found: Buffer[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length || type === 'IEND') break;
    if (type === 'caBX') found.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return found;
}

/** The C2PA uuid boxes among the top-level boxes within `bytes` (an ISOBMFF file, or its start). */
function bmffJumbfIn(bytes: Buffer): Buffer[] {
  return readBoxes(bytes).flatMap((b) => {
    if (b.type !== 'uuid' || b.body.length <= 20 || b.body.toString('hex', 0, 16) !== BMFF_C2PA_UUID) return [];
    const purposeEnd = b.body.indexOf(0, 20);
    return purposeEnd > 0 && b.body.toString('latin1', 20, purposeEnd) === 'manifest' ? [b.body.subarray(purposeEnd + 1 + 8)] : [];
  });
}

/**
 * A C2PA manifest store found in the first bytes of a file as it was imported (the bytes
 * its hashes cover: no second read that could see other bytes), or null when there is none
 * in them. A store further in (an MP4 whose uuid box follows the media data) is not seen:
 * null says "none found here", never "the file has none".
 */
export function c2paInPrefix(prefix: Buffer): C2paCheck | null {
  const container = containerOf(prefix.subarray(0, 16));
  if (container === 'unknown' || container === null) return null;
  const candidates = container === 'jpeg-app11' ? jpegJumbf(prefix) : container === 'png-cabx' ? pngJumbfIn(prefix) : bmffJumbfIn(prefix);
  for (const jumbf of candidates) {
    const problems: IntakeProblem[] = [];
    const found = readManifestStore(jumbf, problems);
    if (found !== null) return { kind: 'c2pa', container, present: true, verification: 'not-verified', ...found, problems };
  }
  return null;
}

/** What a custody event records of a C2PA check: presence, and what the manifest states, said to be not verified. */
export function c2paEventData(c2pa: C2paCheck): JsonObject {
  if (!c2pa.present) return { present: false };
  return {
    present: true,
    verification: 'not-verified',
    container: c2pa.container,
    manifest: c2pa.manifest,
    claimGenerator: c2pa.claimGenerator,
    signer: c2pa.signer,
    ...(c2pa.problems.length === 0 ? {} : { problems: c2pa.problems.map((p) => p.code) }),
  };
}
