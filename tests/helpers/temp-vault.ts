/**
 * Shared fixtures for vault tests: temp folders, one real vault made once per test file
 * (creating one costs a full scrypt run) and copied for each test that changes it, and a
 * snapshot of every file in a folder to prove that something changed nothing.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createVault } from '../../src/main/engine/vault/vault';

export const PASSPHRASE = 'correct horse battery staple';
export const OTHER_PASSPHRASE = 'Қазақ тілі — 2021 жыл, Ақмола';

const made: string[] = [];

export async function tempDir(prefix = 'tamga-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Creates a locked vault and returns its path. */
export async function makeVault(passphrase = PASSPHRASE): Promise<string> {
  const root = join(await tempDir(), 'vault');
  (await createVault(root, passphrase)).close();
  return root;
}

/** A private copy of a locked vault, for a test that tampers with it. */
export async function copyVault(source: string): Promise<string> {
  const root = join(await tempDir(), 'vault');
  await cp(source, root, { recursive: true });
  return root;
}

export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** path → sha256 and mtime of every file under dir. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of await listFiles(dir)) {
    const [content, info] = await Promise.all([readFile(file), stat(file)]);
    out[relative(dir, file)] = `${createHash('sha256').update(content).digest('hex')} ${info.mtimeMs}`;
  }
  return out;
}

/** The parts of vault.json that tests tamper with. */
export interface VaultJson {
  formatVersion: number;
  vaultId: string;
  kdf: { name: string; N: number; r: number; p: number; salt: string };
  signing: { publicKey: string; fingerprint: string };
}

export async function editJson(path: string, edit: (json: VaultJson) => void): Promise<void> {
  const json = JSON.parse(await readFile(path, 'utf8')) as VaultJson;
  edit(json);
  await writeFile(path, JSON.stringify(json, null, 2));
}
