/**
 * Playable previews of videos the window cannot play itself (see thumbnails/ffmpeg-transcode.ts
 * for what a preview is). Made on demand, when the person asks for one in the detail pane,
 * not at import: most videos play as they are, transcoding takes seconds to minutes of both
 * cores, and an import of a phone's worth of HEVC would otherwise take many times longer.
 *
 * Kept like thumbnails, encrypted under the blob key (blob format v1) in the vault's
 * previews/ folder, never as plaintext. No index row names a preview: its blob id is keyed
 * to the item (HMAC-SHA256 under the `previewName` subkey of the item id and the recipe),
 * so finding it needs the vault's keys, the file name says nothing about the item without
 * them, and a new recipe makes new previews. A preview is a cache: neither audited, nor
 * copied to replicas, nor exported; losing one loses nothing but the time to make it again.
 */
import { createHmac } from 'node:crypto';
import { access } from 'node:fs/promises';
import type { VideoPreviewResult } from '../../../shared/playback';
import { TamgaError } from '../../../shared/errors';
import { deriveSubkey } from '../crypto/subkeys';
import { getItem } from '../items/item-rows';
import { transcodePreview, PREVIEW_SECONDS, PREVIEW_VIDEO_LONG_SIDE } from '../thumbnails/ffmpeg-transcode';
import type { OpenVault } from '../vault/vault';

/** Changes when the preview's recipe does (codec, size, length): old previews are then not found. */
export const PREVIEW_RECIPE = `webm-vp8-opus-${String(PREVIEW_VIDEO_LONG_SIDE)}px-${String(PREVIEW_SECONDS)}s-v1`;

/** The blob id (32 hex digits) of an item's preview in this vault. */
export function previewBlobId(nameKey: Buffer, itemId: string): string {
  return createHmac('sha256', nameKey).update(`tamga playable preview\0${PREVIEW_RECIPE}\0${itemId}`, 'utf8').digest().subarray(0, 16).toString('hex');
}

export class VideoPreviews {
  private readonly nameKey: Buffer;
  private readonly stopping = new AbortController();
  /** One run per item at a time: asking again while it runs waits for the same run. */
  private readonly running = new Map<string, Promise<VideoPreviewResult>>();

  constructor(private readonly vault: OpenVault) {
    this.nameKey = deriveSubkey(vault.keys.master, vault.vaultFile.vaultId, 'previewName');
  }

  blobIdOf(itemId: string): string {
    return previewBlobId(this.nameKey, itemId);
  }

  async has(itemId: string): Promise<boolean> {
    try {
      await access(this.vault.store.path('previews', this.blobIdOf(itemId)));
      return true;
    } catch {
      return false;
    }
  }

  make(itemId: string): Promise<VideoPreviewResult> {
    const row = getItem(this.vault.db, itemId);
    if (row === null) return Promise.reject(new TamgaError('NOT_FOUND', `No item ${itemId} in this vault.`));
    if (row.kind !== 'video') return Promise.reject(new TamgaError('INVALID_ARGUMENT', 'Only a video has a playable preview.'));
    let run = this.running.get(row.id);
    if (run === undefined) {
      run = this.run(row.id, row.blobId).finally(() => this.running.delete(row.id));
      this.running.set(row.id, run);
    }
    return run;
  }

  private async run(itemId: string, originalBlob: string): Promise<VideoPreviewResult> {
    if (await this.has(itemId)) return { made: true };
    if (this.vault.readonly) return { made: false, why: 'read-only' };
    const blob = await this.vault.store.open('blobs', originalBlob);
    let result;
    try {
      result = await transcodePreview({ size: blob.size, read: (offset, length) => blob.read(offset, length) }, this.stopping.signal);
    } finally {
      await blob.close();
    }
    if (!result.ok) return { made: false, why: result.why === 'aborted' ? 'stopped' : result.why };
    if (this.stopping.signal.aborted) return { made: false, why: 'stopped' };
    const pending = await this.vault.store.writeBuffer('previews', result.webm, Buffer.from(this.blobIdOf(itemId), 'hex'));
    await pending.commit();
    return { made: true };
  }

  /** The vault is locking: ffmpeg is killed and nothing more is written. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.running.values()]);
  }
}
