/**
 * The evidence path of the receive tests, through the CLI as people run it: an observer's
 * vault imports a photo and exports bundle 1 (a zip); a coordinator's vault receives it
 * (with the observer's published fingerprint) and exports bundle 2 (a folder); a lawyer's
 * vault receives that and exports bundle 3. Real vaults in temp folders, real bundles.
 */
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ExportResult } from '../../src/shared/bundle';
import type { ReceiveResult } from '../../src/shared/receive';
import { runTamga, type RunResult } from './child-process';
import { writePhoto } from './bundle-export-vault';
import { PASSPHRASE, tempDir } from './temp-vault';

export const ENV = { TAMGA_PASSPHRASE: PASSPHRASE };

export async function tamga(args: readonly string[]): Promise<RunResult> {
  return runTamga(args, ENV);
}

/** A command that must succeed, its stdout parsed as JSON. */
export async function tamgaJson<T>(args: readonly string[]): Promise<T> {
  const run = await tamga([...args, '--json']);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code, args.join(' ')).toBe(0);
  return JSON.parse(run.stdout) as T;
}

export interface VaultUnderTest {
  readonly root: string;
  readonly fingerprint: string;
  readonly vaultId: string;
}

export async function newVault(dir: string, name: string, operator: readonly string[]): Promise<VaultUnderTest> {
  const root = join(dir, name);
  const made = await tamgaJson<{ keyFingerprint: string; vaultId: string }>(['init', root, ...operator]);
  return { root, fingerprint: made.keyFingerprint, vaultId: made.vaultId };
}

export interface EvidencePath {
  readonly dir: string;
  readonly observer: VaultUnderTest;
  readonly coordinator: VaultUnderTest;
  readonly lawyer: VaultUnderTest;
  readonly photoSha256: string;
  readonly bundle1: ExportResult;
  readonly bundle2: ExportResult;
  readonly received1: ReceiveResult;
  readonly received2: ReceiveResult;
  /** The lawyer's own export (only when asked for). */
  readonly bundle3: ExportResult | null;
}

export async function evidencePath(options: { lawyerExports: boolean }): Promise<EvidencePath> {
  const dir = await tempDir('tamga-receive-');
  const observer = await newVault(dir, 'observer', ['--name', 'Aigerim Sultanova', '--role', 'observer']);
  const coordinator = await newVault(dir, 'coordinator', ['--name', 'M. Dzhaksybekov', '--role', 'coordinator']);
  const lawyer = await newVault(dir, 'lawyer', ['--name', 'Daniyar Bekov', '--role', 'lawyer']);
  const photo = await writePhoto(join(dir, 'card'), { name: 'IMG_0660.JPG', seed: 660 });
  const imported = await tamgaJson<{ imported: { itemId: string; sha256: string }[] }>(['import', observer.root, photo]);
  const item = imported.imported[0];
  if (item === undefined) throw new Error('nothing imported');
  expect((await tamga(['describe', observer.root, item.itemId, '--title', 'Polling station 660, ballot box'])).code).toBe(0);
  expect((await tamga(['tag', observer.root, item.itemId, '--add', 'ballot stuffing'])).code).toBe(0);
  const bundle1 = await tamgaJson<ExportResult>(['export', observer.root, '--items', item.itemId, '--out', join(dir, 'bundle1.zip'), '--recipient', 'Coordinator']);
  const received1 = await tamgaJson<ReceiveResult>(['receive', coordinator.root, bundle1.outPath, '--key', observer.fingerprint]);
  const coordItem = received1.received[0]?.itemId ?? '';
  const bundle2 = await tamgaJson<ExportResult>(['export', coordinator.root, '--items', coordItem, '--out', join(dir, 'bundle2'), '--recipient', 'Lawyer']);
  const received2 = await tamgaJson<ReceiveResult>(['receive', lawyer.root, bundle2.outPath, '--key', coordinator.fingerprint]);
  const bundle3 = options.lawyerExports
    ? await tamgaJson<ExportResult>(['export', lawyer.root, '--items', received2.received[0]?.itemId ?? '', '--out', join(dir, 'bundle3'), '--recipient', 'Almaty City Court'])
    : null;
  return { dir, observer, coordinator, lawyer, photoSha256: item.sha256, bundle1, bundle2, received1, received2, bundle3 };
}
