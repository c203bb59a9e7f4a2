/** The store a replica's config names: a folder, or an S3 bucket (with the config's credentials). */
import type { ReplicaConfig } from '../../../shared/replica';
import { FolderStore } from './folder-store';
import { describeS3, type S3StoreTuning } from './s3-config';
import { openS3Store } from './s3-lazy';
import type { ReplicaStore } from './store';

/** Opens nothing yet: a folder is read and an S3 server asked on the first call. Throws INVALID_ARGUMENT for a config no store takes. */
export function openReplicaStore(config: ReplicaConfig, tuning?: S3StoreTuning): ReplicaStore {
  switch (config.kind) {
    case 'folder':
      return new FolderStore(config.path);
    case 's3':
      return openS3Store(
        {
          endpoint: config.endpoint,
          bucket: config.bucket,
          prefix: config.prefix,
          ...(config.region === null ? {} : { region: config.region }),
          credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
        },
        tuning,
      );
  }
}

/** The store's own description, without opening it (status lists replicas that may be unreachable). */
export function describeConfig(config: ReplicaConfig): string {
  return config.kind === 'folder' ? new FolderStore(config.path).description : describeS3(config);
}
