/**
 * Create, unlock, lock and change the passphrase of a vault (DESIGN "Vault format v1").
 *
 * An `OpenVault` holds the keys in memory and the index open; `close()` zeroes the key
 * buffers (best effort: JavaScript may have copied them) and releases the writer lock.
 * Unlock checks everything it can before touching a file, so a wrong passphrase, a vault
 * from the future or a doctored vault.json changes nothing on disk.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { chmod, mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { VaultInfo, VaultPublicInfo } from '../../../shared/api';
import { TamgaError } from '../../../shared/errors';
import { passphraseProblem } from '../../../shared/passphrase-policy';
import { composeActor, type Operator } from '../../../shared/operator';
import type { HashName } from '../crypto/blob-writer';
import { checkScryptParams, DEFAULT_SCRYPT_LOG2N, newScryptParams } from '../crypto/kdf';
import { unwrapKey, wrapKey } from '../crypto/secretbox';
import { keyFingerprint, newSigningSeed, signerFromSeed, type Signer } from '../crypto/signing';
import { deriveSubkey } from '../crypto/subkeys';
import { checkSchemaVersion, migrate, schemaVersion } from '../db/migrate';
import { fillLogNodes } from '../custody/vault-log';
import { openIndex, type IndexDb } from '../db/open-index';
import { fsyncDirectory, tempSiblingPath } from '../fs/atomic-write';
import { vaultChainName, type JsonObject, type VaultEventType } from '../../../shared/custody';
import { BlobStore } from '../blobs/blob-store';
import { appendEvent } from '../custody/store';
import { defaultActor } from '../version';
import { recoverPendingBlobs } from '../blobs/pending-blobs';
import { fromFsError } from '../fs/fs-errors';
import { crashPoint } from '../testing/crash-point';
import { VAULT_FILE, vaultPaths, type VaultPaths } from './layout';
import { readOperator, recordOperator, sameOperator } from './operator-store';
import { newMasterKey, unwrapMasterKey, wrapMasterKey } from './master-key';
import { acquireVaultLock, type VaultLock } from './vault-lock';
import { readVaultFile, serialiseVaultFile, VAULT_FORMAT_VERSION, writeVaultFile, type VaultFile } from './vault-file';

export interface VaultKeys {
  readonly master: Buffer;
  readonly index: Buffer;
  readonly blob: Buffer;
}

export interface OpenVaultOptions {
  /** Read-only: no writer lock, no clean-up, the index opened read-only (e.g. `tamga info`). */
  readonly readonly?: boolean;
  /** The tool, recorded in the actor of custody events after the operator; defaults to the engine's name and version. */
  readonly actor?: string;
}

export interface CreateVaultOptions {
  readonly log2N?: number;
  /** The tool, as for OpenVaultOptions. */
  readonly actor?: string;
  /** Who operates the new vault (already checked, src/shared/operator.ts); none when absent. */
  readonly operator?: Operator | null;
}

export function checkPassphrase(passphrase: string): void {
  const problem = passphraseProblem(passphrase);
  if (problem !== null) throw new TamgaError('WEAK_PASSPHRASE', problem);
}

export function publicInfo(root: string, file: VaultFile): VaultPublicInfo {
  const { N, r, p } = file.kdf;
  return {
    path: root,
    formatVersion: file.formatVersion,
    vaultId: file.vaultId,
    keyFingerprint: file.signing.fingerprint,
    publicKey: file.signing.publicKey,
    kdf: { name: 'scrypt', N, r, p },
    createdAt: file.createdAt,
    recovery: file.recovery === undefined ? null : { createdAt: file.recovery.createdAt, shares: file.recovery.shares === undefined ? null : { k: file.recovery.shares.k, n: file.recovery.shares.n } },
  };
}

export async function inspectVault(root: string): Promise<VaultPublicInfo> {
  return publicInfo(root, await readVaultFile(vaultPaths(root).vaultFile));
}

/** Unwraps the signing seed and checks it against the public key that vault.json shows. */
function openSigner(file: VaultFile, master: Buffer): Signer {
  const wrapKeyBytes = deriveSubkey(master, file.vaultId, 'signingWrap');
  const seed = unwrapKey(file.signing.wrappedSeed, wrapKeyBytes);
  wrapKeyBytes.fill(0);
  if (seed === null) throw new TamgaError('CORRUPT', 'The signing key in vault.json does not decrypt: the file was damaged or edited.');
  const signer = signerFromSeed(seed);
  seed.fill(0);
  const publicKey = signer.publicKey.toString('hex');
  if (publicKey !== file.signing.publicKey || keyFingerprint(signer.publicKey) !== file.signing.fingerprint) {
    signer.destroy();
    throw new TamgaError('CORRUPT', 'The public key or fingerprint in vault.json does not match the vault signing key: vault.json was edited.');
  }
  return signer;
}

async function emptyDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const entry of await readdir(dir)) await rm(join(dir, entry), { recursive: true, force: true });
}

export class OpenVault {
  private closed = false;
  /** The encrypted files (originals and thumbnails) of this vault. */
  readonly store: BlobStore;

  constructor(
    readonly paths: VaultPaths,
    private file: VaultFile,
    readonly keys: VaultKeys,
    readonly signer: Signer,
    readonly db: IndexDb,
    private readonly lock: VaultLock | null,
    /** The tool that acts, e.g. "tamga-cli 0.2.0". */
    readonly tool: string,
  ) {
    this.store = new BlobStore(paths.root, paths.tmpDir, keys.blob);
    this.currentOperator = readOperator(db);
  }

  private currentOperator: Operator | null;

  /** Who operates the vault, as they stated it; null when it records none. */
  get operator(): Operator | null {
    return this.currentOperator;
  }

  /**
   * Who acts, as custody events record it: the operator's statement and the tool
   * ("Aigerim Sultanova (observer) · tamga-cli 0.2.0"), or the tool alone ("tamga-cli 0.2.0").
   */
  get actor(): string {
    return composeActor(this.currentOperator, this.tool);
  }

  /** Records a new operator (or none) with its custody event; see operator-store.ts. */
  setOperator(operator: Operator | null): Operator | null {
    this.assertOpen();
    if (this.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; its operator cannot be changed.');
    // Stating again what is recorded records nothing.
    if (sameOperator(operator, this.currentOperator)) return operator;
    recordOperator(this.db, this.signer, vaultChainName(this.file.vaultId), this.tool, operator);
    this.currentOperator = operator;
    return operator;
  }

  get readonly(): boolean {
    return this.lock === null;
  }

  get vaultFile(): VaultFile {
    return this.file;
  }

  /**
   * SHA-1 and MD5 besides SHA-256, for forensic tools that still index by them. Off by
   * default: they cost import speed, and SHA-256 is what Tamga's own checks rely on.
   */
  get legacyHashes(): HashName[] {
    const value = this.db.prepare("SELECT value FROM settings WHERE key = 'legacy_hashes'").pluck().get();
    return value === 'on' ? ['sha1', 'md5'] : [];
  }

  setLegacyHashes(enabled: boolean): void {
    this.assertOpen();
    this.db.prepare("INSERT INTO settings (key, value) VALUES ('legacy_hashes', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(enabled ? 'on' : 'off');
  }

  info(): VaultInfo {
    this.assertOpen();
    const { n } = this.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number };
    return { ...publicInfo(this.paths.root, this.file), itemCount: n, schemaVersion: schemaVersion(this.db), legacyHashes: this.legacyHashes.length > 0, operator: this.currentOperator, readOnly: this.readonly };
  }

  /** Rewraps the master key under a new passphrase: one atomic replacement of vault.json. */
  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    this.assertOpen();
    if (this.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; the passphrase cannot be changed on it.');
    checkPassphrase(newPassphrase);
    const context = { formatVersion: this.file.formatVersion, vaultId: this.file.vaultId, kdf: this.file.kdf };
    const check = await unwrapMasterKey(this.file.masterKey, oldPassphrase, context);
    const same = timingSafeEqual(check, this.keys.master);
    check.fill(0);
    if (!same) throw new TamgaError('CORRUPT', 'vault.json changed on disk while the vault was open.');
    await this.setPassphrase(newPassphrase, 'passphrase-changed', {}, 'passwd');
  }

  /**
   * Wraps the master key under a new passphrase (fresh salt, the cost never lowered), writes
   * vault.json once, atomically (the recovery slot kept as it is), and records `type` with
   * the new KDF parameters. The caller has proved it may: the old passphrase (passwd) or
   * the recovery key (recovery.ts).
   */
  async setPassphrase(newPassphrase: string, type: 'passphrase-changed' | 'recovered', data: JsonObject, crashLabel: string): Promise<void> {
    this.assertOpen();
    if (this.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; the passphrase cannot be changed on it.');
    checkPassphrase(newPassphrase);
    const currentLog2N = Math.log2(this.file.kdf.N);
    const kdf = newScryptParams(Math.max(currentLog2N, DEFAULT_SCRYPT_LOG2N));
    const masterKey = await wrapMasterKey(this.keys.master, newPassphrase, { formatVersion: this.file.formatVersion, vaultId: this.file.vaultId, kdf });
    crashPoint(`${crashLabel}:wrapped`);
    await this.replaceVaultFile({ ...this.file, kdf, masterKey }, crashLabel, { type, data: { ...data, kdf: { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p } } });
  }

  /**
   * Replaces vault.json with `next` (one atomic rename) and records the act on the vault's
   * chain. vault.json must still be what this vault read: only this writer (it holds the
   * lock) changes it, so anything else means someone edited it underneath.
   */
  async replaceVaultFile(next: VaultFile, crashLabel: string, event: { readonly type: VaultEventType; readonly data: JsonObject }): Promise<void> {
    this.assertOpen();
    if (this.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; vault.json cannot be changed.');
    const onDisk = await readVaultFile(this.paths.vaultFile);
    if (serialiseVaultFile(onDisk) !== serialiseVaultFile(this.file)) throw new TamgaError('CORRUPT', 'vault.json changed on disk while the vault was open; nothing was written.');
    await writeVaultFile(this.paths.vaultFile, next, crashLabel);
    this.file = next;
    appendEvent(this.db, this.signer, { chain: vaultChainName(next.vaultId), type: event.type, actor: this.actor, data: event.data });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.close();
    } finally {
      this.signer.destroy();
      for (const key of Object.values(this.keys)) key.fill(0);
      this.lock?.release();
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new TamgaError('VAULT_LOCKED', 'The vault is locked.');
  }
}

/** Opens with an already unwrapped master key (after unlock, or right after creation). */
export async function openWithMasterKey(root: string, file: VaultFile, master: Buffer, options: OpenVaultOptions): Promise<OpenVault> {
  const paths = vaultPaths(root);
  const keys: VaultKeys = {
    master,
    index: deriveSubkey(master, file.vaultId, 'index'),
    blob: deriveSubkey(master, file.vaultId, 'blob'),
  };
  const wipe = (): void => Object.values(keys).forEach((k) => k.fill(0));
  let signer: Signer | undefined;
  let lock: VaultLock | null = null;
  try {
    signer = openSigner(file, master);
    if (!options.readonly) {
      lock = acquireVaultLock(paths.lockFile);
      // Only the lock holder may clean up: these are another writer's half-done files otherwise.
      await emptyDirectory(paths.tmpDir);
      await rm(tempSiblingPath(paths.vaultFile), { force: true });
      await mkdir(paths.blobsDir, { recursive: true, mode: 0o700 });
      await mkdir(paths.thumbsDir, { recursive: true, mode: 0o700 });
    }
    const db = await openIndex(paths.indexFile, keys.index, { create: false, readonly: options.readonly ?? false });
    try {
      // A read-only open never changes the schema; it only refuses one from the future.
      if (options.readonly) checkSchemaVersion(db);
      else {
        migrate(db);
        // A vault older than schema 9 has its log's leaves from the migration; its nodes come now, once.
        fillLogNodes(db);
      }
    } catch (err) {
      db.close();
      throw err;
    }
    const vault = new OpenVault(paths, file, keys, signer, db, lock, options.actor ?? defaultActor());
    try {
      if (!options.readonly) await recoverPendingBlobs(db, vault.store);
    } catch (err) {
      vault.close();
      throw err;
    }
    return vault;
  } catch (err) {
    signer?.destroy();
    lock?.release();
    wipe();
    throw err instanceof TamgaError ? err : fromFsError(err, 'opening the vault');
  }
}

export async function unlockVault(root: string, passphrase: string, options: OpenVaultOptions = {}): Promise<OpenVault> {
  const file = await readVaultFile(vaultPaths(root).vaultFile);
  checkScryptParams(file.kdf);
  const master = await unwrapMasterKey(file.masterKey, passphrase, file);
  return openWithMasterKey(root, file, master, options);
}

async function assertEmptyOrMissing(root: string): Promise<void> {
  try {
    const entries = await readdir(root);
    if (entries.length > 0) {
      throw new TamgaError('ALREADY_EXISTS', `${root} is not empty; a new vault needs an empty or new folder.`, { path: root });
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new TamgaError('ALREADY_EXISTS', `${root} is a file, not a folder.`, { path: root });
    throw fromFsError(err, `checking ${root}`);
  }
}

/**
 * Builds the whole vault in a hidden sibling folder and renames it into place, so that a
 * crash during creation leaves no half-made vault under the chosen name.
 */
export async function createVault(root: string, passphrase: string, options: CreateVaultOptions = {}): Promise<OpenVault> {
  checkPassphrase(passphrase);
  await assertEmptyOrMissing(root);
  const parent = dirname(root);
  const staging = join(parent, `.${basename(root)}.creating-${randomUUID()}`);
  const vaultId = randomUUID();
  const kdf = newScryptParams(options.log2N ?? DEFAULT_SCRYPT_LOG2N);
  const master = newMasterKey();
  try {
    await mkdir(parent, { recursive: true });
    await mkdir(staging, { mode: 0o700 });
    const paths = vaultPaths(staging);
    for (const dir of [paths.blobsDir, paths.thumbsDir, paths.tmpDir]) await mkdir(dir, { mode: 0o700 });
    const seed = newSigningSeed();
    const signer = signerFromSeed(seed);
    const signingWrap = deriveSubkey(master, vaultId, 'signingWrap');
    const file: VaultFile = {
      formatVersion: VAULT_FORMAT_VERSION,
      vaultId,
      createdAt: new Date().toISOString(),
      kdf,
      masterKey: await wrapMasterKey(master, passphrase, { formatVersion: VAULT_FORMAT_VERSION, vaultId, kdf }),
      signing: {
        alg: 'ed25519',
        publicKey: signer.publicKey.toString('hex'),
        fingerprint: keyFingerprint(signer.publicKey),
        wrappedSeed: wrapKey(seed, signingWrap),
      },
    };
    seed.fill(0);
    signingWrap.fill(0);
    const indexKey = deriveSubkey(master, vaultId, 'index');
    const db = await openIndex(paths.indexFile, indexKey, { create: true });
    indexKey.fill(0);
    try {
      migrate(db);
      const tool = options.actor ?? defaultActor();
      const operator = options.operator ?? null;
      appendEvent(db, signer, {
        chain: vaultChainName(vaultId),
        type: 'vault-created',
        actor: composeActor(operator, tool),
        data: { formatVersion: VAULT_FORMAT_VERSION, keyFingerprint: file.signing.fingerprint, kdf: { name: kdf.name, N: kdf.N, r: kdf.r, p: kdf.p } },
        at: file.createdAt,
      });
      // The operator's statement is event 1, right after the vault's creation.
      if (operator !== null) recordOperator(db, signer, vaultChainName(vaultId), tool, operator);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
      signer.destroy();
    }
    // SQLite creates files with the process umask; nobody else on the machine needs to read them.
    await chmod(paths.indexFile, 0o600);
    await writeVaultFile(join(staging, VAULT_FILE), file, 'init');
    // rename() replaces an empty directory on POSIX; remove it first for Windows.
    await rmdir(root).catch(() => undefined);
    await rename(staging, root);
    await fsyncDirectory(parent);
    return await openWithMasterKey(root, file, master, options.actor === undefined ? {} : { actor: options.actor });
  } catch (err) {
    master.fill(0);
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw err instanceof TamgaError ? err : fromFsError(err, `creating the vault in ${root}`);
  }
}
