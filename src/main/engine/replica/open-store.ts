/** The store a replica's config names. S3 comes with s3-store.ts; until it is merged, it is refused by name. */
import type { ReplicaConfig } from '../../../shared/replica';
import { TamgaError } from '../../../shared/errors';
import { FolderStore } from './folder-store';
import type { ReplicaStore } from './store';

export function openReplicaStore(config: ReplicaConfig): ReplicaStore {
  switch (config.kind) {
    case 'folder':
      return new FolderStore(config.path);
    case 's3':
      throw new TamgaError('UNSUPPORTED', `This Tamga cannot reach S3 replicas yet (${config.endpoint}, bucket ${config.bucket}); the config is kept for a version that can.`);
  }
}

/** A description without opening anything (status lists S3 replicas this version cannot reach). */
export function describeConfig(config: ReplicaConfig): string {
  return config.kind === 'folder' ? new FolderStore(config.path).description : `S3 ${config.endpoint} bucket ${config.bucket}${config.prefix === '' ? '' : ` prefix ${config.prefix}`}`;
}
