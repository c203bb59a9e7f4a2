/**
 * Subkeys of the master key (HKDF-SHA256, one `info` label per purpose), so that each key
 * does one job: a leak or misuse of one never exposes another.
 */
import { hkdfSync } from 'node:crypto';

export const SUBKEY_LABELS = {
  index: 'tamga v1 index key',
  blob: 'tamga v1 blob key',
  signingWrap: 'tamga v1 signing-key wrap key',
  /** Names the cached playable preview of a video (media/video-previews.ts); never encrypts. */
  previewName: 'tamga v1 preview name key',
} as const;

export type SubkeyName = keyof typeof SUBKEY_LABELS;

/** The HKDF salt is the vault id, so two vaults never share subkeys even with one master key. */
export function deriveSubkey(masterKey: Buffer, vaultId: string, name: SubkeyName): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.from(vaultId, 'utf8'), SUBKEY_LABELS[name], 32));
}
