/**
 * The replica the hostile-storage and listing-lag cases start from, on any store: a vault
 * of four files pushed once, then one more file and a second push (so manifest 2 exists
 * beside an older one), the store's state saved for each case to start again from; and
 * the objects a report names under one problem code.
 */
import type { ReplicaProblemCode } from '../../src/shared/replica';
import { manifestName } from '../../src/main/engine/replica/layout';
import { parseManifest, type Manifest } from '../../src/main/engine/replica/manifest';
import type { ReplicaPlace } from './replica-place';
import { generatedFiles, makeReplicaVault, withEngine, type ReplicaVault } from './replica-vault';

export async function pushedTwice(place: ReplicaPlace): Promise<{ v: ReplicaVault; manifest: Manifest }> {
  const v = await makeReplicaVault(4, place.config);
  await withEngine(v.root, async (engine) => {
    await engine.pushReplicas('usb');
    await engine.importFiles({ paths: [await generatedFiles(1)] });
    await engine.pushReplicas('usb');
  });
  await place.save();
  const parsed = parseManifest(await place.read(manifestName(2)));
  if (!parsed.ok) throw new Error(parsed.reason);
  return { v, manifest: parsed.manifest };
}

/** The objects the problems of `code` name, sorted. */
export function namedUnder(problems: readonly { code: string; objects: readonly string[] }[], code: ReplicaProblemCode): string[] {
  return problems.filter((p) => p.code === code).flatMap((p) => [...p.objects]).sort();
}
