/**
 * An S3 store that loads the AWS SDK (s3-store.ts) on its first call, not when the engine
 * is loaded: a vault without S3 replicas, and every `tamga verify`, never pays the SDK's
 * ~18 MB. The config is checked at once, as createS3Store does, so a bad one still fails
 * where it is opened.
 */
import { checkS3Config, describeS3, type S3StoreConfig, type S3StoreTuning } from './s3-config';
import type { ReplicaObject, ReplicaStore } from './store';

export function openS3Store(config: S3StoreConfig, tuning?: S3StoreTuning): ReplicaStore {
  checkS3Config(config);
  let store: Promise<ReplicaStore> | null = null;
  const real = (): Promise<ReplicaStore> => (store ??= import('./s3-store').then((m) => m.createS3Store(config, tuning)));
  return {
    description: describeS3(config),
    put: async (name, body, size, signal) => (await real()).put(name, body, size, signal),
    get: async (name, signal) => (await real()).get(name, signal),
    stat: async (name) => (await real()).stat(name),
    async *list(prefix): AsyncGenerator<ReplicaObject> {
      yield* (await real()).list(prefix);
    },
    delete: async (name) => (await real()).delete(name),
    removeLeftovers: async () => (await real()).removeLeftovers?.() ?? { abortedUploads: 0, uploadsUnlisted: null },
  };
}
