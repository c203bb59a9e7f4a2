/**
 * Tag files as text: strict UTF-8 (RFC 8493 and bagit.txt say so), no byte-order mark,
 * lines ended by LF or CRLF (both are BagIt; Tamga writes LF). A file that is not valid
 * UTF-8 is reported rather than read with replacement characters, which could make two
 * different names look alike.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export interface TagLine {
  readonly text: string;
  /** 1-based. */
  readonly number: number;
}

export type TagText = { readonly ok: true; readonly lines: readonly TagLine[] } | { readonly ok: false; readonly reason: string };

export function decodeTagText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'it is not valid UTF-8' };
  }
  if (text.startsWith('\uFEFF')) return { ok: false, reason: 'it starts with a byte-order mark, which BagIt does not allow' };
  return { ok: true, text };
}

export function tagLines(bytes: Uint8Array): TagText {
  const decoded = decodeTagText(bytes);
  if (!decoded.ok) return decoded;
  const raw = decoded.text.split('\n');
  if (raw.at(-1) === '') raw.pop();
  return { ok: true, lines: raw.map((line, i) => ({ text: line.endsWith('\r') ? line.slice(0, -1) : line, number: i + 1 })) };
}
