/**
 * Which manifest a check or a restore stands on: the newest one in the storage, if it is
 * whole and signed by the right key; otherwise the damage is named and the newest earlier
 * one that is whole is found, to be used only where the caller allows it.
 */
import type { ReplicaProblem } from '../../../shared/replica';
import { loadManifest, manifestNumbers, type ExpectedKey, type Listing, type LoadedManifest } from './manifest-read';
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

export async function chooseManifest(store: ReplicaStore, listing: Listing, key: ExpectedKey, signal?: AbortSignal): Promise<ChosenManifest> {
  const numbers = manifestNumbers(listing);
  const problems: ReplicaProblem[] = [];
  if (numbers.length === 0) {
    problems.push({ code: 'MANIFEST_MISSING', message: `There is no manifest in ${store.description} (no manifests/NNNNNNNN.json): it was never pushed to, or its manifests were removed.`, objects: [] });
    return { newest: null, usable: null, problems };
  }
  const newest = await loadManifest(store, numbers[0] as number, key, signal);
  if (newest.manifest !== null) return { newest, usable: newest as ChosenManifest['usable'], problems };
  problems.push(damageProblem(newest));
  for (const number of numbers.slice(1)) {
    const older = await loadManifest(store, number, key, signal);
    if (older.manifest !== null) return { newest, usable: older as ChosenManifest['usable'], problems };
  }
  return { newest, usable: null, problems };
}

