/**
 * The payload manifests (manifest-sha256.txt, manifest-sha512.txt) and the tag manifest
 * (tagmanifest-sha256.txt): lines as sha256sum writes them, in a fixed order, so that
 * `sha256sum -c` checks them and the same bundle always has the same manifests.
 *
 * The tag manifest lists every file outside data/ except itself and seal/ (the seal signs
 * the tag manifest, so it cannot be listed in it): TAG_FILES_IN_ORDER, then the custody
 * files by exhibit number, then the hop files (by exhibit, hop, and order in the hop).
 */
import { createHash } from 'node:crypto';
import { TamgaError } from '../../../../shared/errors';
import { TAG_FILES_IN_ORDER, manifestLine } from '../layout';
import type { SealedExhibit } from './exhibit';

export function payloadManifest(exhibits: readonly SealedExhibit[], algorithm: 'sha256' | 'sha512'): string {
  return exhibits.map((e) => manifestLine(e[algorithm], e.path)).join('');
}

export function sha256Hex(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * `tagHashes` maps each tag file written so far to its SHA-256. Every file of
 * TAG_FILES_IN_ORDER and every custody file must be there: a missing one is a bug that
 * would make a bundle no verifier accepts, so it stops the export.
 */
export function tagManifest(tagHashes: ReadonlyMap<string, string>, exhibits: readonly SealedExhibit[]): string {
  const paths = [...TAG_FILES_IN_ORDER, ...exhibits.map((e) => e.custodyPath), ...exhibits.flatMap((e) => e.hopFiles.map((f) => f.path))];
  return paths
    .map((path) => {
      const hash = tagHashes.get(path);
      if (hash === undefined) throw new TamgaError('INTERNAL', `The tag file ${path} was not written before the tag manifest.`);
      return manifestLine(hash, path);
    })
    .join('');
}
