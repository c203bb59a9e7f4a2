/**
 * The one error type of the thumbnail modules: a sentence a person understands, thrown by the
 * decoders and turned into a placeholder or `none` by make-thumbnails.ts (which never throws).
 */
export class ThumbnailFailure extends Error {
  constructor(
    /** Shown to people ("This video could not be decoded"): no file content, no paths. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'ThumbnailFailure';
  }
}

export const STOPPED_REASON = 'Making the preview was stopped (cancelled or out of time).';

/** Throws the standard failure when the caller's signal has fired. */
export function throwIfStopped(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new ThumbnailFailure(STOPPED_REASON);
}
