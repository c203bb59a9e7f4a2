/**
 * Exporting a sealed bundle (DESIGN "Sealed bundle format v1"; docs/formats.md): plan the
 * request, select the items, gather what the index knows, write everything under a hidden
 * temporary name, log the export in custody with a checkpoint and proofs of it, add those
 * after the seal, then move it under the final name.
 *
 * Any failure or cancel before the move removes what was written: nothing is ever left
 * under the name the user chose unless it is a complete, sealed bundle. No plaintext is
 * written anywhere else (originals stream from their blobs into the target; thumbnails
 * are decrypted in memory).
 */
import { randomUUID } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative } from 'node:path';
import type { ExportProgress, ExportRequest, ExportResult } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';
import { fromFsError } from '../../fs/fs-errors';
import type { OpenVault } from '../../vault/vault';
import { CUSTODY_CHECKPOINT, CUSTODY_PROOFS, payloadOxum } from '../layout';
import { logAbandonedExport, logExport, type ExportRecord } from './custody-log';
import { custodyLogFiles, type CustodyLogFiles } from './custody-proofs';
import { safeComponent } from './exhibit-name';
import { gatherExhibits } from './exhibit';
import { cancelled } from './payload';
import { progressReporter } from './progress';
import { planExport } from './request';
import { selectItems, type QueryItems } from './selection';
import { stampAtSeal, type SealStamps } from './stamp-at-seal';
import { writeBundle, type WrittenBundle } from './write-bundle';
import { openDirectoryWriter } from './write-directory';
import { openZipWriter } from './write-zip';
import { mustNotExist, type BundleWriter } from './writer';

/**
 * The two values that make every export unique. Fixing them (tests, reproducible exports)
 * makes two exports of the same vault state byte-identical. Not part of the API contract:
 * a bundle sealed "at" a chosen time is for engine callers who know why.
 */
export interface FixedIdentity {
  readonly bundleId: string;
  readonly sealedAt: string;
}

export interface ExportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Runs a query for `{kind: 'query'}` selections; null or absent: not available. */
  readonly search?: QueryItems | null;
  readonly fixed?: FixedIdentity;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function identity(fixed: FixedIdentity | undefined): FixedIdentity {
  if (fixed === undefined) return { bundleId: randomUUID(), sealedAt: new Date().toISOString() };
  if (!UUID.test(fixed.bundleId) || !ISO_UTC_MS.test(fixed.sealedAt) || Number.isNaN(Date.parse(fixed.sealedAt))) {
    throw new TamgaError('INVALID_ARGUMENT', 'A fixed bundle id must be a lower-case UUID and a fixed time ISO 8601 UTC with milliseconds.');
  }
  return fixed;
}

/** The zip's one top-level folder: the zip's own name without `.zip`, made portable. */
export function zipRootName(target: string): string {
  const name = safeComponent(Array.from(safeComponent(basename(target).replace(/\.zip$/i, ''))).slice(0, 100).join(''));
  return name === '' ? 'bundle' : name;
}

async function checkTarget(target: string, vaultRoot: string): Promise<void> {
  await mustNotExist(target);
  const parent = dirname(target);
  const info = await stat(parent).catch((err: unknown) => {
    throw new TamgaError('NOT_FOUND', `The folder ${parent} does not exist; create it first.`, { path: parent }, { cause: err });
  });
  if (!info.isDirectory()) throw new TamgaError('INVALID_ARGUMENT', `${parent} is not a folder.`, { path: parent });
  // A bundle is plaintext: inside the vault folder it would sit among files that promise to be encrypted.
  const [realParent, realVault] = await Promise.all([realpath(parent), realpath(vaultRoot)]);
  const inside = relative(realVault, realParent);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new TamgaError('INVALID_ARGUMENT', 'A bundle cannot be written inside the vault folder: it holds plaintext. Choose a folder outside the vault.', { path: target });
  }
}

function exportError(err: unknown): TamgaError {
  if (err instanceof TamgaError) return err;
  if ((err as Error).name === 'AbortError') return cancelled(err);
  return fromFsError(err, 'writing the bundle');
}

/**
 * The export's custody: its `exported` events and a checkpoint with their proofs, logged in
 * one transaction before the bundle is finished, so that the bundle can carry them
 * (custody-proofs.ts). Should the bundle then fail to finish (its last files, its move
 * under the final name), the log stays as it is (append-only) and says the export was
 * abandoned; the writer removes what it wrote.
 */
async function finishLogged(vault: OpenVault, writer: BundleWriter, written: WrittenBundle, record: ExportRecord): Promise<void> {
  let files: CustodyLogFiles;
  try {
    const logged = logExport(vault, written.exhibits, record);
    files = custodyLogFiles(vault, logged, written.exhibits.map((e) => e.number));
  } catch (err) {
    await writer.abort();
    throw new TamgaError('INTERNAL', `The bundle was not finished: its export could not be logged in custody (${(err as Error).message}). Nothing was kept.`, undefined, { cause: err });
  }
  try {
    await writer.addFile(CUSTODY_CHECKPOINT, files.checkpoint);
    await writer.addFile(CUSTODY_PROOFS, files.proofs);
    await writer.commit();
  } catch (err) {
    await writer.abort();
    const failure = exportError(err);
    logAbandonedExport(vault, record.bundleId, failure.message);
    throw failure;
  }
}

export async function exportBundle(vault: OpenVault, request: ExportRequest, options: ExportOptions = {}): Promise<ExportResult> {
  const plan = planExport(request);
  const signal = options.signal ?? new AbortController().signal;
  const { bundleId, sealedAt } = identity(options.fixed);
  const { rows, case: bundleCase } = await selectItems(vault.db, plan.selection, options.search ?? null);
  const exhibits = gatherExhibits(vault.db, rows);
  await checkTarget(plan.target, vault.paths.root);

  const { vaultId, signing } = vault.vaultFile;
  const payloadBytes = rows.reduce((sum, row) => sum + row.size, 0);
  const progress = progressReporter({ bundleId, exhibitsTotal: exhibits.length, bytesTotal: payloadBytes }, options.onProgress);
  const zipRoot = plan.format === 'zip' ? zipRootName(plan.target) : null;
  // A vault open read-only logs nothing, so its bundle has no custody log files.
  const withCustodyLog = !vault.readonly;
  let writer: BundleWriter | null = null;
  let written: WrittenBundle;
  try {
    writer = zipRoot === null ? await openDirectoryWriter(plan.target) : await openZipWriter(plan.target, zipRoot, sealedAt);
    written = await writeBundle(
      {
        store: vault.store,
        blobKey: vault.keys.blob,
        signer: vault.signer,
        vaultFile: vault.vaultFile,
        exhibits,
        bundleCase,
        signal,
        progress,
        withCustodyLog,
        bagInfo: {
          organization: plan.organization,
          contactName: plan.contactName,
          contactEmail: plan.contactEmail,
          description: plan.description,
          caseIdentifier: plan.caseIdentifier !== '' ? plan.caseIdentifier : (bundleCase?.name ?? ''),
          recipient: plan.recipient,
          bundleId,
          sealedAt,
          vaultId,
          keyFingerprint: signing.fingerprint,
          payloadBytes,
          payloadFiles: exhibits.length,
        },
      },
      writer,
    );
    // The last moment a cancel can still leave nothing behind.
    if (signal.aborted) throw cancelled();
    // A vault on a read-only medium (a write-protected card, a seized disk mounted read-only)
    // still gives out a sealed bundle; the result says the export could not be recorded.
    if (!withCustodyLog) await writer.commit();
  } catch (err) {
    await writer?.abort();
    throw exportError(err);
  }
  let stamps: SealStamps = { files: [], outcomes: [], record: () => [] };
  if (withCustodyLog) {
    try {
      stamps = await stampAtSeal(vault, plan.timestampWith, bundleId, written.sealSignature);
      if (signal.aborted) throw cancelled();
      for (const file of stamps.files) await writer.addFile(file.path, Buffer.from(file.bytes));
    } catch (err) {
      await writer.abort();
      throw exportError(err);
    }
    await finishLogged(vault, writer, written, { bundleId, recipient: plan.recipient, format: plan.format, tagManifestSha256: written.tagManifestSha256, sealSignature: written.sealSignature, keyFingerprint: signing.fingerprint, at: sealedAt });
  }
  // The tokens are in the finished bundle; now the vault keeps them too (seal_timestamps, timestamped events).
  const timestamps = stamps.record();
  progress.phase('finished');
  return {
    bundleId,
    outPath: plan.target,
    format: plan.format,
    exhibits: written.exhibits.map((e) => ({
      number: e.number,
      itemId: e.item.id,
      path: e.path,
      originalName: e.item.originalName,
      size: e.item.size,
      sha256: e.sha256,
      sha512: e.sha512,
    })),
    payloadOxum: payloadOxum(payloadBytes, exhibits.length),
    sealedAt,
    keyFingerprint: signing.fingerprint,
    tagManifestSha256: written.tagManifestSha256,
    zipRoot,
    recorded: !vault.readonly,
    timestamps,
  };
}
