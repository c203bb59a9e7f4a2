/** What a tag may be: trimmed, NFC, 1–100 characters, no control characters. Case is kept. */
export const MAX_TAG_LENGTH = 100;

/** Returns the normalised tag, or null with no tag to add when the input is unusable. */
export function normaliseTag(input: string): string | null {
  // eslint-disable-next-line no-control-regex
  const tag = input.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().replace(/\s+/g, ' ');
  if (tag.length === 0 || [...tag].length > MAX_TAG_LENGTH) return null;
  return tag;
}
