/**
 * The shell's side of media for one window: issues URLs for items while a vault is
 * unlocked, answers requests for them from the engine, and forgets every token when the
 * vault locks. It follows the vault's state from engine events, so a lock from any
 * source (the button, idle, suspend, a crashed worker) revokes the URLs. Used by the
 * Electron protocol handler and, identically, by the end-to-end harness.
 */
import type { ApiEvent } from '../../shared/api';
import { TamgaError, type Result } from '../../shared/errors';
import { isMediaVariant, type MediaChunk, type MediaReadRequest, type MediaRef } from '../../shared/media';
import { MAX_MEDIA_REFS } from '../../shared/shell';
import { MediaTokens } from './media-tokens';
import { answerMediaRequest } from './media-response';

export interface MediaServiceOptions {
  /** Reads through the engine (readMedia). */
  readonly read: (request: MediaReadRequest) => Promise<Result<MediaChunk>>;
  /** The URL that serves a token, e.g. `tamga-media://media/<token>`. */
  readonly urlFor: (token: string) => string;
}

export interface MediaService {
  /** A URL per ref, in order. VAULT_LOCKED while no vault is open; INVALID_ARGUMENT for a malformed list. */
  urls(refs: unknown): string[];
  answer(request: Request): Promise<Response>;
  /** Feed every engine event here. */
  onEngineEvent(event: ApiEvent): void;
}

const ITEM_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkRefs(refs: unknown): MediaRef[] {
  if (!Array.isArray(refs) || refs.length > MAX_MEDIA_REFS) {
    throw new TamgaError('INVALID_ARGUMENT', `mediaUrls takes a list of at most ${MAX_MEDIA_REFS} media refs.`);
  }
  return refs.map((ref: unknown) => {
    const { item, variant } = (typeof ref === 'object' && ref !== null ? ref : {}) as Record<string, unknown>;
    if (typeof item !== 'string' || !ITEM_ID.test(item) || !isMediaVariant(variant)) {
      throw new TamgaError('INVALID_ARGUMENT', 'A media ref is an item id and a variant (grid, preview, original or playable).');
    }
    return { item, variant };
  });
}

export function createMediaService(options: MediaServiceOptions): MediaService {
  const tokens = new MediaTokens();
  let unlocked = false;
  return {
    urls(refs) {
      const checked = checkRefs(refs);
      if (!unlocked) throw new TamgaError('VAULT_LOCKED', 'No vault is unlocked.');
      return checked.map((ref) => options.urlFor(tokens.issue(ref)));
    },
    answer(request) {
      return answerMediaRequest(request, { resolve: (token) => (unlocked ? tokens.resolve(token) : null), read: options.read });
    },
    onEngineEvent(event) {
      if (event.type === 'vaultUnlocked') unlocked = true;
      if (event.type === 'vaultLocked' || event.type === 'vaultUnlocked') tokens.revokeAll();
      if (event.type === 'vaultLocked') unlocked = false;
    },
  };
}
