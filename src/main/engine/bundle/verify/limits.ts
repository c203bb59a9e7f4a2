/**
 * The fixed limits of a bundle check. A bundle comes from anyone, so everything it could
 * make the verifier spend (memory, time, file handles) is bounded here, and every limit a
 * bundle hits is reported as a problem with the limit in the sentence.
 */
import type { VerifyLimits } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

export const DEFAULT_VERIFY_LIMITS: VerifyLimits = {
  // MAX_EXHIBITS (100 000) payload files need about as many tag files (their custody logs),
  // plus folders: room for a full bundle, while a million entries is refused at once.
  maxEntries: 250_000,
  // Evidence is video: a day of 4K footage is ~400 GiB. The limit is there to stop a lying
  // zip, not to judge how much evidence is reasonable; callers may raise it.
  maxTotalBytes: 4096 * GiB,
  maxFileBytes: 1024 * GiB,
  // Tag files that are parsed are held in memory whole: a manifest of 100 000 lines is ~11 MiB.
  maxTagFileBytes: 16 * MiB,
  // Photos, videos and PDFs do not compress; JSON and CSV compress ~5–20×. Tamga writes
  // stored zips, so only someone else's re-zipping deflates at all. Deflate tops out near
  // 1030×, and bombs sit there: 100× leaves text room and refuses them.
  maxCompressionRatio: 100,
  timeLimitMs: 0,
};

/** Entries smaller than this are not judged by their compression ratio (a small text compresses well). */
export const RATIO_FLOOR_BYTES = 1 * MiB;
/** Longest path (UTF-8 bytes) and deepest nesting a bundle may have: far beyond Tamga's own. */
export const MAX_PATH_BYTES = 4096;
export const MAX_DEPTH = 32;

function positive(name: keyof VerifyLimits, value: unknown, allowZero: boolean): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < (allowZero ? 0 : 1)) {
    throw new TamgaError('INVALID_ARGUMENT', `The verify limit ${name} must be a whole number${allowZero ? ' (0 for none)' : ' above 0'}.`);
  }
  return value;
}

/** The defaults with the caller's overrides, each checked (INVALID_ARGUMENT otherwise). */
export function resolveLimits(overrides: Partial<VerifyLimits> = {}): VerifyLimits {
  const merged = { ...DEFAULT_VERIFY_LIMITS, ...overrides };
  return {
    maxEntries: positive('maxEntries', merged.maxEntries, false),
    maxTotalBytes: positive('maxTotalBytes', merged.maxTotalBytes, false),
    maxFileBytes: positive('maxFileBytes', merged.maxFileBytes, false),
    maxTagFileBytes: positive('maxTagFileBytes', merged.maxTagFileBytes, false),
    maxCompressionRatio: positive('maxCompressionRatio', merged.maxCompressionRatio, false),
    timeLimitMs: positive('timeLimitMs', merged.timeLimitMs, true),
  };
}
