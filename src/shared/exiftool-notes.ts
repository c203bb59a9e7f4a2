/**
 * The English sentence an item's problems hold when ExifTool, the reader of last resort,
 * gave nothing for it (engine/metadata/exiftool/fallback.ts writes it, for the CLI and the
 * exports). The window words the same fact in its own language from `metadata.exiftool`
 * and leaves this sentence out of its problem list; shared so that the two cannot drift.
 */
import type { ExifToolFailureReason, ExtractedMetadata } from './metadata';

export function exiftoolFailureSentence(reason: ExifToolFailureReason, detail?: string): string {
  const suffix = detail ? ` (${detail})` : '';
  switch (reason) {
    case 'cannot-start':
      return `ExifTool, Tamga's reader of last resort, could not be started${suffix}; what Tamga's own readers do not read of this file stays unknown.`;
    case 'timed-out':
      return "ExifTool took longer than its time limit on this file and was stopped; what Tamga's own readers do not read of it stays unknown.";
    case 'failed':
      return `ExifTool could not read this file${suffix}; what Tamga's own readers do not read of it stays unknown.`;
    case 'file-changed':
      return "The source file changed after it was archived, so what ExifTool read of it was not kept; what Tamga's own readers do not read of it stays unknown.";
    case 'disabled':
      return "ExifTool, Tamga's reader of last resort, is turned off; what Tamga's own readers do not read of this file stays unknown.";
  }
}

/** The sentence for the item's own ExifTool failure, as its problems hold it; null when none. */
export function exiftoolFailureOf(m: Pick<ExtractedMetadata, 'exiftool'>): string | null {
  const use = m.exiftool;
  if (use?.status !== 'failed' || use.reason === undefined) return null;
  return exiftoolFailureSentence(use.reason, use.reason === 'cannot-start' || use.reason === 'failed' ? use.detail : undefined);
}
