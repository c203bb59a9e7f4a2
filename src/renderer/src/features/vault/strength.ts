/**
 * Passphrase strength with zxcvbn-ts (common passwords, diceware words, keyboard
 * patterns), loaded on first use so the dictionaries do not slow the window's start.
 * The verdict the window enforces is ours: the shared policy's minimum length, and a
 * zxcvbn score of at least 3 ("safely unguessable" against a slow hash), since a seized
 * laptop gives an attacker unlimited offline guesses.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

export const REQUIRED_SCORE = 3;

export interface Strength {
  /** 0 (guessable at once) … 4 (very strong). */
  readonly score: 0 | 1 | 2 | 3 | 4;
  /** zxcvbn's warning key (e.g. "common"), translated by the window; null when none. */
  readonly warning: string | null;
  /** zxcvbn's suggestion keys. */
  readonly suggestions: readonly string[];
}

let factory: Promise<ZxcvbnFactory> | undefined;

async function load(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory: Factory }, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
  return new Factory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs, useLevenshteinDistance: true });
}

export async function measureStrength(passphrase: string): Promise<Strength> {
  factory ??= load();
  // zxcvbn slows down sharply on very long inputs; the first 100 characters tell enough.
  const result = await (await factory).checkAsync(passphrase.slice(0, 100), ['tamga', 'vault', 'evidence']);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
