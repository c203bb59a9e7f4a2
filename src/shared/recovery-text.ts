/**
 * What the window's recovery forms do with text before the engine sees it: shares pasted one per
 * line, and the three word positions a person types back to show the words were written
 * down. Reading the words themselves is the engine's (recovery-words.ts), so the window and
 * the CLI forgive and name the same mistakes.
 */

/** Each non-empty line is one share (the groups of five may be spaced or hyphenated). */
export function sharesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Three distinct word positions (1-based, ascending) out of `count`. */
export function confirmPositions(count: number, random: () => number = Math.random): number[] {
  const picked = new Set<number>();
  while (picked.size < Math.min(3, count)) picked.add(1 + Math.floor(random() * count));
  return [...picked].sort((a, b) => a - b);
}

/** A typed word matches when, case and spaces aside, it is the word or at least its first four letters (enough to tell BIP-39 words apart). */
export function sameWord(typed: string, word: string): boolean {
  const text = typed.trim().toLowerCase();
  return text === word || (text.length >= 4 && word.startsWith(text));
}

/** `folder` + `name` with the folder's own separator. */
export function inFolder(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}
