/**
 * Which manifest a check or a restore stands on: the newest one in the storage, if it is
 * whole and signed by the right key; otherwise the damage is named and the newest earlier
 * one that is whole is found, to be used only where the caller allows it. A manifest the
 * listing shows but the storage does not serve (deleted, the listing not caught up) is
 * passed over as absent; one the listing does not show yet is asked for (manifest-read.ts).
 */
import type { ReplicaProblem } from '../../../shared/replica';
import { loadManifest, manifestCandidates, type ExpectedKey, type Listing, type LoadedManifest } from './manifest-read';
import type { Manifest } from './manifest';
import type { ReplicaStore } from './store';

export interface ChosenManifest {
  /** The newest manifest as read (damaged or not); null when the storage holds none. */
  readonly newest: LoadedManifest | null;
  /** The newest whole manifest: the newest itself when it is whole. */
  readonly usable: (LoadedManifest & { readonly manifest: Manifest }) | null;
  readonly problems: ReplicaProblem[];
}

function damageProblem(loaded: LoadedManifest): ReplicaProblem {
  const message = `The newest manifest, ${loaded.name}, is not usable: ${loaded.damage ?? ''}.`;
  if (loaded.holdsNumber !== null && loaded.holdsNumber < loaded.number) return { code: 'MANIFEST_ROLLED_BACK', message, objects: [loaded.name] };
  if (loaded.foreign) return { code: 'MANIFEST_FOREIGN', message, objects: [loaded.name] };
  return { code: 'MANIFEST_DAMAGED', message, objects: [loaded.name] };
}

/** `hint`: the number the vault last recorded there, when known (it is asked for even if unlisted). */
export async function chooseManifest(store: ReplicaStore, listing: Listing, key: ExpectedKey, signal?: AbortSignal, hint: number | null = null): Promise<ChosenManifest> {
  const numbers = await manifestCandidates(store, listing, hint);
  const problems: ReplicaProblem[] = [];
  let newest: LoadedManifest | null = null;
  for (const number of numbers) {
    const loaded = await loadManifest(store, number, key, signal);
    if (loaded.absent) continue;
    if (newest === null) {
      newest = loaded;
      if (loaded.manifest === null) problems.push(damageProblem(loaded));
    }
    if (loaded.manifest !== null) return { newest, usable: loaded as ChosenManifest['usable'], problems };
  }
  if (newest === null) problems.push({ code: 'MANIFEST_MISSING', message: `There is no manifest in ${store.description} (no manifests/NNNNNNNN.json): it was never pushed to, or its manifests were removed.`, objects: [] });
  return { newest, usable: null, problems };
}
