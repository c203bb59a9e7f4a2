/**
 * Asking the engine for a video's playable preview (makeVideoPreview), and what came of it.
 * The preview is made only when the person asks: see src/main/engine/media/video-previews.ts.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { VideoPreviewResult } from '../../../../shared/playback';
import { asTamgaError, tamga } from '../../api';

export type VideoPreviewState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'making' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'refused'; readonly why: Extract<VideoPreviewResult, { made: false }>['why'] }
  | { readonly kind: 'error'; readonly error: TamgaError };

export function useVideoPreview(itemId: string, ready: boolean): { readonly state: VideoPreviewState; readonly make: () => void } {
  const [state, setState] = useState<VideoPreviewState>(ready ? { kind: 'ready' } : { kind: 'idle' });
  useEffect(() => setState(ready ? { kind: 'ready' } : { kind: 'idle' }), [itemId, ready]);
  const make = useCallback(() => {
    setState({ kind: 'making' });
    tamga.makeVideoPreview(itemId).then(
      (result) => setState(result.made ? { kind: 'ready' } : { kind: 'refused', why: result.why }),
      (error: unknown) => setState({ kind: 'error', error: asTamgaError(error) }),
    );
  }, [itemId]);
  return { state, make };
}
