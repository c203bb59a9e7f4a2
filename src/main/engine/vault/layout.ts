/** Where each part of a vault lives on disk (DESIGN "Vault format v1"). */
import { join } from 'node:path';

export const VAULT_FILE = 'vault.json';
export const INDEX_FILE = 'index.db';
export const LOCK_FILE = 'lock';
export const BLOBS_DIR = 'blobs';
export const THUMBS_DIR = 'thumbs';
export const TMP_DIR = 'tmp';

export interface VaultPaths {
  readonly root: string;
  readonly vaultFile: string;
  readonly indexFile: string;
  readonly lockFile: string;
  readonly blobsDir: string;
  readonly thumbsDir: string;
  readonly tmpDir: string;
}

export function vaultPaths(root: string): VaultPaths {
  return {
    root,
    vaultFile: join(root, VAULT_FILE),
    indexFile: join(root, INDEX_FILE),
    lockFile: join(root, LOCK_FILE),
    blobsDir: join(root, BLOBS_DIR),
    thumbsDir: join(root, THUMBS_DIR),
    tmpDir: join(root, TMP_DIR),
  };
}
