/**
 * `replica push`: sends what the vault holds that the replica lacks, then a new signed,
 * numbered manifest, written last (docs/formats.md, "Replicas").
 *
 * Crash-safe at every point, because nothing is ever overwritten with other bytes and the
 * manifest comes last: each object is put whole (ReplicaStore.put) and recorded in
 * replica_objects once it is there, so a push killed anywhere and run again sends the
 * rest and finishes; a manifest number once seen in the storage (even as a crashed push's
 * leftover) is never used again. Old index snapshots and manifests are removed only after
 * the new manifest is written and recorded, and the one before it is kept, with its
 * snapshot, for a restore that has to fall back to it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ReplicaProgress, ReplicaPushResult } from '../../../shared/replica';
import { vaultChainName } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import { appendEvent } from '../custody/store';
import { makeCheckpoint } from '../custody/vault-log';
import { publicKeyPem } from '../crypto/signing';
import { crashPoint } from '../testing/crash-point';
import type { OpenVault } from '../vault/vault';
import { blobObjectName, checksumsName, INDEX_PREFIX, isManifestFile, manifestName, MANIFESTS_PREFIX, newIndexName, numberOf, PUBLIC_KEY_NAME, README_NAME, signatureName, vaultFileName } from './layout';
import { buildManifest, signManifest, type ManifestObject } from './manifest';
import { highestNumberSeen, listAll, manifestNumbers, numberTaken } from './manifest-read';
import { hashing, sha256Hex } from './object-bytes';
import { replicaReadme } from './readme';
import { recordManifest, recordSent, sentObjects, type ReplicaRow } from './replica-rows';
import { snapshotIndex } from './snapshot';
import type { ReplicaStore } from './store';

export interface PushOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReplicaProgress) => void;
}

/** How many manifests (with their index snapshots) stay: the new one and the one before. */
export const KEPT_MANIFESTS = 2;

interface LocalObject {
  readonly name: string;
  readonly path: string;
  readonly size: number;
}

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new TamgaError('CANCELLED', 'The push was cancelled; what was sent is kept and the next push goes on from there.');
}

export async function pushReplica(vault: OpenVault, row: ReplicaRow, store: ReplicaStore, options: PushOptions = {}): Promise<ReplicaPushResult> {
  const { signal } = options;
  const { db, signer } = vault;
  const { vaultId } = vault.vaultFile;
  // The vault's writer lock makes this the only writer: what an earlier, killed push left
  // that is no object (a folder's temporary files, S3 multipart uploads) can go.
  const leftovers = (await store.removeLeftovers?.()) ?? { abortedUploads: 0, uploadsUnlisted: null };
  const listing = await listAll(store);
  let number = Math.max(row.lastNumber ?? 0, highestNumberSeen(listing)) + 1;
  // A listing may not show a killed push's last files yet (S3 listings lag): asked directly, so no name is written twice.
  while (await numberTaken(store, number)) number += 1;
  cancelled(signal);

  // The checkpoint first, so that the snapshot holds it and the manifest can quote it.
  const checkpoint = makeCheckpoint(db, signer, vaultId, 'replica');
  const snapshot = await snapshotIndex(vault);
  try {
    crashPoint('replica:snapshot');
    const sent = sentObjects(db, row.id);
    const local: LocalObject[] = [];
    const missingLocal: string[] = [];
    for (const ref of snapshot.blobs) {
      const path = vault.store.path(ref.area, ref.blobId);
      const info = await stat(path).catch(() => null);
      if (info === null) missingLocal.push(blobObjectName(ref.area, ref.blobId));
      else local.push({ name: blobObjectName(ref.area, ref.blobId), path, size: info.size });
    }
    if (missingLocal.length > 0) {
      throw new TamgaError('CORRUPT', `The vault is missing ${missingLocal.length} encrypted file(s) its index refers to (${missingLocal.slice(0, 5).join(', ')}): run tamga audit; nothing was pushed.`, { missing: missingLocal });
    }
    const isThere = (name: string, size: number): boolean => listing.get(name) === size;
    const toSend = local.filter((o) => !(sent.get(o.name)?.size === o.size && isThere(o.name, o.size)));
    const progress = { phase: 'upload' as ReplicaProgress['phase'], objectsDone: 0, objectsTotal: toSend.length + 1, bytesDone: 0, bytesTotal: toSend.reduce((s, o) => s + o.size, 0) + snapshot.size, current: null as string | null };
    const report = (): void => options.onProgress?.({ ...progress });
    report();

    let uploadedBytes = 0;
    const sendFile = async (name: string, path: string, size: number): Promise<string> => {
      progress.current = name;
      const hash = createHash('sha256');
      const body = hashing(createReadStream(path, { highWaterMark: 1024 * 1024 }), hash, (n) => {
        progress.bytesDone += n;
        report();
      });
      await store.put(name, body, size, signal);
      uploadedBytes += size;
      progress.objectsDone += 1;
      return hash.digest('hex');
    };

    for (const object of toSend) {
      cancelled(signal);
      const sha256 = await sendFile(object.name, object.path, object.size);
      crashPoint('replica:object-put');
      recordSent(db, row.id, object.name, { size: object.size, sha256 });
      sent.set(object.name, { size: object.size, sha256 });
    }

    // Small objects, each the same bytes under its name forever.
    const smallObjects: ManifestObject[] = [];
    const putSmall = async (name: string, bytes: Buffer, listed: boolean): Promise<void> => {
      if (!isThere(name, bytes.length)) {
        await store.put(name, bytes, bytes.length, signal);
        uploadedBytes += bytes.length;
      }
      if (listed) smallObjects.push({ name, size: bytes.length, sha256: sha256Hex(bytes) });
    };
    const vaultJson = await readFile(vault.paths.vaultFile);
    await putSmall(vaultFileName(sha256Hex(vaultJson)), vaultJson, true);
    await putSmall(PUBLIC_KEY_NAME, Buffer.from(publicKeyPem(signer.publicKey), 'utf8'), true);
    await putSmall(README_NAME, Buffer.from(replicaReadme(), 'utf8'), false);
    cancelled(signal);
    const indexName = newIndexName(number);
    const indexSha256 = await sendFile(indexName, snapshot.path, snapshot.size);
    crashPoint('replica:index-put');

    progress.phase = 'manifest';
    report();
    const objects: ManifestObject[] = [
      ...local.map((o) => ({ name: o.name, size: o.size, sha256: (sent.get(o.name) as { sha256: string }).sha256 })),
      ...smallObjects,
      { name: indexName, size: snapshot.size, sha256: indexSha256 },
    ];
    const built = buildManifest({
      vaultId,
      replicaId: row.id,
      number,
      createdAt: new Date().toISOString(),
      publicKey: signer.publicKey,
      index: indexName,
      vaultFile: vaultFileName(sha256Hex(vaultJson)),
      checkpoint: checkpoint.note,
      objects,
    });
    const signature = signManifest(signer, built.bytes);
    cancelled(signal);
    await store.put(checksumsName(number), built.checksums, built.checksums.length, signal);
    crashPoint('replica:checksums-put');
    await store.put(signatureName(number), signature, signature.length, signal);
    crashPoint('replica:signature-put');
    // Last: from here on the push is complete, whatever happens next.
    await store.put(manifestName(number), built.bytes, built.bytes.length);
    crashPoint('replica:manifest-put');
    const manifestSha256 = sha256Hex(built.bytes);
    const { manifest } = built;
    db.transaction(() => {
      recordManifest(db, row.id, { number, sha256: manifestSha256, at: manifest.createdAt });
      appendEvent(db, signer, {
        chain: vaultChainName(vaultId),
        type: 'replica-pushed',
        actor: vault.actor,
        data: { replica: row.id, name: row.name, number, objects: manifest.objectCount, bytes: manifest.totalBytes, manifestSha256 },
      });
    }).immediate();
    crashPoint('replica:recorded');

    progress.phase = 'cleanup';
    report();
    const removedObjects = await removeOldSnapshots(store, listing, number);
    return { name: row.name, description: store.description, number, manifestSha256, objectCount: manifest.objectCount, totalBytes: manifest.totalBytes, uploadedObjects: toSend.length + 1, uploadedBytes, removedObjects, ...leftovers };
  } finally {
    await snapshot.remove();
  }
}

/**
 * Removes the manifests and index snapshots of every number but the new one and the newest
 * complete one before it (a crashed push's leftovers included). Manifests go first, so a
 * manifest is never left without its snapshot; a removal cut short is finished next time.
 */
async function removeOldSnapshots(store: ReplicaStore, listing: ReadonlyMap<string, number>, number: number): Promise<number> {
  const kept = new Set([number, ...manifestNumbers(listing).filter((n) => n < number && listing.has(signatureName(n))).slice(0, KEPT_MANIFESTS - 1)]);
  const old = [...listing.keys()].filter((name) => (isManifestFile(name) || name.startsWith(INDEX_PREFIX)) && !kept.has(numberOf(name) ?? number));
  const rank = (name: string): number => (name.endsWith('.json') ? 0 : name.startsWith(MANIFESTS_PREFIX) ? 1 : 2);
  old.sort((a, b) => rank(a) - rank(b));
  for (const name of old) {
    await store.delete(name);
    crashPoint('replica:old-removed');
  }
  return old.length;
}
