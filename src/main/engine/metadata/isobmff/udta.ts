/**
 * User data (`udta`) as phones and cameras write it: QuickTime text atoms (`©xyz` position,
 * `©mak`/`©mod` device, `©day` date, `©swr` software), Android's and FLIR's plain-text
 * `date`, and the 3GPP location box `loci` (16.16 fixed longitude, latitude, altitude after
 * a language code, a place name and a role). Unknown atoms are kept, trimmed, for `raw`.
 */
import type { JsonValue } from '../../../../shared/metadata';
import type { Problems } from '../problems';
import { type Box, type Window, displayType, payloadOf, payloadStart } from './boxes';
import { Cursor, TruncatedError } from './cursor';
import { clean, decodeText, quickTimeText, terminatedString } from './text';

export interface Loci {
  readonly name: string;
  readonly role: number;
  readonly longitude: number;
  readonly latitude: number;
  readonly altitude: number;
  readonly body: string;
  readonly notes: string;
}

export interface UserData {
  /** Text atoms by type (`©xyz`, `©mak`…), first entry each. */
  readonly texts: Readonly<Record<string, string>>;
  /** The plain-text `date` atom. */
  readonly date: string | null;
  readonly loci: Loci | null;
  /** GoPro's `FIRM` atom (firmware, "HD7.01.01.90.00"), and whether a `GPMF` atom is there: both mark a GoPro. */
  readonly goproFirmware: string | null;
  readonly hasGpmf: boolean;
}

export function parseLoci(payload: Buffer, base: number, problems: Problems): Loci | null {
  const c = new Cursor(payload, base);
  try {
    c.fullBox();
    c.u16(); // pad bit and packed ISO-639-2 language
    const name = terminatedString(payload, c.pos);
    c.pos = name.next;
    const role = c.u8();
    const longitude = c.fixed16();
    const latitude = c.fixed16();
    const altitude = c.fixed16();
    const body = terminatedString(payload, c.pos);
    const notes = terminatedString(payload, body.next);
    return { name: clean(name.text), role, longitude, latitude, altitude, body: clean(body.text), notes: clean(notes.text) };
  } catch (err) {
    if (err instanceof TruncatedError) {
      problems.add(`The 3GPP location box (loci) is truncated (${err.message}).`);
      return null;
    }
    throw err;
  }
}

/** Plain text, skipping a full-box header when a writer put one in. */
function plainText(payload: Buffer): string {
  const body = payload.length >= 4 && payload.readUInt32BE(0) === 0 ? payload.subarray(4) : payload;
  return clean(decodeText(body));
}

export function readUserData(win: Window, udta: Box, problems: Problems): UserData {
  const texts: Record<string, string> = Object.create(null) as Record<string, string>;
  let date: string | null = null;
  let loci: Loci | null = null;
  let goproFirmware: string | null = null;
  let hasGpmf = false;
  for (const box of udta.children ?? []) {
    const payload = payloadOf(win, box);
    if (box.type === 'FIRM') {
      goproFirmware ??= clean(decodeText(payload)).slice(0, 64);
    } else if (box.type === 'GPMF') {
      hasGpmf = true;
    } else if (box.type === 'loci') {
      loci ??= parseLoci(payload, payloadStart(box), problems);
    } else if (box.type === 'date') {
      date ??= plainText(payload);
    } else if (box.type.startsWith('\xa9')) {
      const key = displayType(box.type);
      if (key in texts) continue;
      const text = quickTimeText(payload);
      if (text === null) problems.add(`The user-data atom '${key}' at byte ${box.offset} is not readable text.`);
      else texts[key] = text.slice(0, 4096);
    }
  }
  return { texts, date, loci, goproFirmware, hasGpmf };
}

export function userDataJson(data: UserData): JsonValue {
  const loci: JsonValue = data.loci ? { ...data.loci } : null;
  return { texts: { ...data.texts }, date: data.date, loci, ...(data.goproFirmware !== null ? { firmware: data.goproFirmware } : {}), ...(data.hasGpmf ? { gpmf: true } : {}) };
}
