/**
 * The recovery key as 24 BIP-39 English words (256 bits of entropy, 8 checksum bits), via
 * the audited @scure/bip39. Reading words back is forgiving where it cannot be wrong
 * (case, extra spaces, line breaks, the numbers printed beside the words, any first four
 * letters of a word: BIP-39 English words are unique in their first four) and precise
 * where it must be: a word not on the list is named with its position, a wrong count is
 * counted, and a failed checksum is called a typo. Whether the words are *this vault's*
 * key is for the slot to say (recovery-slot.ts).
 */
import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { TamgaError } from '../../../shared/errors';

export const RECOVERY_KEY_BYTES = 32;
export const RECOVERY_WORD_COUNT = 24;

export function recoveryKeyToWords(entropy: Uint8Array): string[] {
  if (entropy.length !== RECOVERY_KEY_BYTES) throw new TamgaError('INTERNAL', `A recovery key has ${RECOVERY_KEY_BYTES} bytes.`);
  return entropyToMnemonic(entropy, wordlist).split(' ');
}

function malformed(message: string, details: Record<string, unknown>): TamgaError {
  return new TamgaError('RECOVERY_KEY_MALFORMED', message, details);
}

/** Numbers as printed ("1.", "07)", "12:") are not words. */
const NUMBERING = /^\d{1,2}[.):]?$/;

/**
 * Splits typed or pasted text into the words it holds. When it holds each number 1–24 once
 * before a word ("1. abandon", as on the printed page, whatever the columns and the prose
 * around them), the words are taken in the order of their numbers; otherwise every token
 * that is not a bare number is a word, in the order given.
 */
export function wordsOf(text: string): string[] {
  const normal = text.normalize('NFKD').toLowerCase();
  const numbered = new Map<number, string>();
  let repeated = false;
  for (const match of normal.matchAll(/(?:^|\s)(\d{1,2})[.):]\s*([a-z]+)/gu)) {
    const n = Number(match[1]);
    if (numbered.has(n)) repeated = true;
    numbered.set(n, match[2] ?? '');
  }
  const all = Array.from({ length: RECOVERY_WORD_COUNT }, (_, i) => numbered.get(i + 1));
  if (!repeated && numbered.size === RECOVERY_WORD_COUNT && all.every((word) => word !== undefined)) return all as string[];
  return normal
    .split(/[\s,;]+/u)
    .map((token) => token.replace(/^\d{1,2}[.):]/, ''))
    .filter((token) => token !== '' && !NUMBERING.test(token));
}

const WORDS = new Set<string>(wordlist);
/** Every word by its first four letters (unique in the English list; shorter words are whole). */
const BY_PREFIX = new Map<string, string>(wordlist.map((word) => [word.slice(0, 4), word]));

function resolveWord(token: string, position: number): string {
  if (WORDS.has(token)) return token;
  const word = token.length >= 4 ? BY_PREFIX.get(token.slice(0, 4)) : undefined;
  if (word !== undefined) return word;
  throw malformed(`Word ${position}, "${token}", is not a recovery-key word. Check it against the printed page (the first four letters of each word are enough).`, { reason: 'unknown-word', position, word: token });
}

/** The 32-byte recovery key the words encode; RECOVERY_KEY_MALFORMED says what is wrong with them. */
export function recoveryKeyFromWords(text: string): Buffer {
  const tokens = wordsOf(text);
  if (tokens.length !== RECOVERY_WORD_COUNT) {
    throw malformed(
      `A recovery key has ${RECOVERY_WORD_COUNT} words; this has ${tokens.length}. Look for a missing, doubled or extra word.`,
      { reason: 'word-count', count: tokens.length, expected: RECOVERY_WORD_COUNT },
    );
  }
  const words = tokens.map((token, i) => resolveWord(token, i + 1));
  try {
    return Buffer.from(mnemonicToEntropy(words.join(' '), wordlist));
  } catch {
    throw malformed(
      `The ${RECOVERY_WORD_COUNT} words are all on the list, but their checksum fails: one of them is mistyped, or two are swapped. Check each word and its number against the printed page.`,
      { reason: 'checksum' },
    );
  }
}
