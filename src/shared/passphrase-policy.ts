/**
 * The minimum a vault passphrase must meet, shared by the engine (which enforces it) and
 * the window (which explains it while the person types). Length is what matters most
 * against offline guessing; the KDF makes each guess cost ≈0.3 s, and that is all.
 */
export const MIN_PASSPHRASE_LENGTH = 8;

/** Returns a plain-language reason the passphrase is refused, or null if it is acceptable. */
export function passphraseProblem(passphrase: string): string | null {
  const normalised = passphrase.normalize('NFC');
  if (normalised.trim().length === 0) return 'The passphrase is empty.';
  if ([...normalised].length < MIN_PASSPHRASE_LENGTH) {
    return `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters long; several unrelated words are best.`;
  }
  return null;
}
