/**
 * `intakePackage`: takes in evidence packaged by another tool, keeping what it brings: a
 * plain BagIt bag (as bagit-python or Archivematica make it) or a ProofMode
 * share, a folder or a zip. The package is checked first (bagit-bag.ts, proofmode-share.ts);
 * one with problems is refused unless the caller accepts them, which are then recorded with
 * each item. Each payload file (a bag's data/…, a share's media) goes through the import
 * path (ingest/import-file.ts): a new item (`acquired`, then `received`) or a new
 * acquisition of the item held with the same SHA-256 (`received`). The `received` event
 * (source "bagit" or "proofmode") carries the check's results for that file and what its
 * C2PA manifest states, if it has one (c2pa-manifest.ts: present, not verified); the
 * package's own files (bag-info.txt, bagit.txt and the manifests; the share's proof files
 * and pubkey.asc) are kept byte for byte as the item's provenance (provenance-store.ts),
 * in the same transaction. bag-info.txt and the .proof.json are the sender's statements.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { JsonObject } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import type { BagCheck, C2paCheck, IntakeProblem, ProofModeCheck } from '../../../shared/intake';
import type { SenderStatements } from '../../../shared/provenance';
import { BAG_INFO_TXT, BAGIT_TXT, SEAL_PUBLIC_KEY, SEAL_SIGNATURE } from '../bundle/layout';
import { resolveLimits } from '../bundle/verify/limits';
import { manifestName } from '../bundle/verify/manifest';
import { openBundleSource, type BundleSource } from '../bundle/verify/source';
import { appendEvent, chainHead } from '../custody/store';
import { importFile, type ImportContext } from '../ingest/import-file';
import { KeyedMutex } from '../ingest/keyed-mutex';
import { addProvenance, type ProvenanceFileInput } from '../provenance/provenance-store';
import type { OpenVault } from '../vault/vault';
import { checkBag } from './bagit-bag';
import { c2paEventData, checkC2pa } from './c2pa-manifest';
import { checkProofModeShare, PUBKEY_NAME } from './proofmode-share';

export interface IntakeRequest {
  /** A bag or a ProofMode share: a folder or a .zip. */
  readonly path: string;
  /** Take in a package whose check found problems: they are recorded with each item. */
  readonly acceptProblems?: boolean;
}

export interface IntakeItem {
  /** The file's path inside the package ("data/IMG_1.jpg", "IMG_1.jpg"). */
  readonly path: string;
  readonly itemId: string;
  readonly sha256: string;
  readonly isNew: boolean;
  readonly provenanceId: string;
  readonly c2pa: C2paCheck;
}

export interface IntakeResult {
  readonly path: string;
  readonly kind: 'bagit' | 'proofmode';
  readonly check: BagCheck | ProofModeCheck;
  readonly acceptedProblems: readonly IntakeProblem[];
  readonly items: readonly IntakeItem[];
  readonly notTaken: readonly { readonly path: string; readonly message: string }[];
}

async function readWhole(source: BundleSource, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.read(path, new AbortController().signal)) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** What kind of package this is, from its listing: bagit.txt makes a bag; pubkey.asc or a .proof.json a ProofMode share. */
function kindOf(source: BundleSource): 'bagit' | 'proofmode' | null {
  if (source.files.has(BAGIT_TXT)) return 'bagit';
  const names = [...source.files.keys()];
  if (names.some((p) => p.toLowerCase().endsWith('.proof.json') || p.toLowerCase() === PUBKEY_NAME)) return 'proofmode';
  return null;
}

/** A file of the package as a path this process can read: the package's own in a folder, a copy in the vault's tmp/ (removed after) for a zip. */
async function readableFile(vault: OpenVault, packagePath: string, source: BundleSource, path: string): Promise<{ file: string; done: () => Promise<void> }> {
  if (source.container === 'directory') return { file: join(packagePath, ...path.split('/')), done: async () => undefined };
  const file = join(vault.paths.tmpDir, `intake-${randomUUID()}`);
  try {
    await pipeline(Readable.from(source.read(path, new AbortController().signal)), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await unlink(file).catch(() => undefined);
    throw err;
  }
  return { file, done: () => unlink(file).catch(() => undefined) };
}

function parseJsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The share's proof files that belong to one media file: its own signature, the proofs named after its SHA-256 or its name, and pubkey.asc. */
function proofFilesOf(check: ProofModeCheck, media: ProofModeCheck['media'][number]): string[] {
  const name = baseName(media.path);
  return check.proofFiles.filter((p) => {
    const b = baseName(p);
    return b.toLowerCase() === PUBKEY_NAME || b.startsWith(`${name}.`) || b.startsWith(`${media.sha256}.`) || !/\.(asc|proof\.json|proof\.csv|ots|gst)$/i.test(b);
  });
}

interface Planned {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  readonly check: JsonObject;
  readonly files: readonly ProvenanceFileInput[];
  readonly statements: SenderStatements;
  readonly senderFingerprint: string | null;
}

async function planBag(source: BundleSource, check: BagCheck): Promise<Planned[]> {
  const kept: ProvenanceFileInput[] = [];
  for (const path of [...source.files.keys()].filter((p) => !p.includes('/')).sort()) {
    const named = manifestName(path);
    const role = path === BAG_INFO_TXT ? 'bag-info' : named?.kind === 'tag' ? 'tag-manifest' : path === BAGIT_TXT || named !== null ? 'other' : null;
    if (role !== null) kept.push({ name: path, role, content: await readWhole(source, path) });
  }
  const metadata = Object.fromEntries(check.bagInfo.map((f) => [f.label, f.value]));
  return check.payload.map((file) => ({
    path: file.path,
    sha256: file.digests['sha256'] ?? '',
    size: file.size,
    check: { bagitVersion: check.version, status: file.status, manifests: [...check.manifestAlgorithms], tagManifests: [...check.tagManifestAlgorithms], complete: check.complete },
    files: kept,
    statements: { originalName: baseName(file.path), metadata: { bagInfo: metadata } },
    senderFingerprint: null,
  }));
}

async function planShare(source: BundleSource, check: ProofModeCheck): Promise<Planned[]> {
  const planned: Planned[] = [];
  for (const media of check.media) {
    const mine = proofFilesOf(check, media);
    const files: ProvenanceFileInput[] = [];
    for (const p of mine) files.push({ name: p, role: 'proof', content: await readWhole(source, p) });
    const signatures = check.signatures.filter((s) => mine.includes(s.signaturePath) || s.path === media.path);
    const proofJson = files.find((f) => f.name.toLowerCase().endsWith('.proof.json'));
    const proof = proofJson === undefined ? null : parseJsonOrNull(Buffer.from(proofJson.content).toString('utf8'));
    planned.push({
      path: media.path,
      sha256: media.sha256,
      size: media.size,
      check: {
        keyFingerprint: check.key?.fingerprint ?? null,
        signatures: signatures.map((s) => ({ path: s.path, status: s.status, signedAt: s.signedAt })),
        proofHash: check.proofHashes.find((h) => h.path === media.path)?.status ?? 'absent',
      },
      files,
      statements: { originalName: baseName(media.path), metadata: { proofmode: proof as JsonObject | null, keyUserIds: [...(check.key?.userIds ?? [])] } },
      senderFingerprint: check.key?.fingerprint ?? null,
    });
  }
  return planned;
}

export async function intakePackage(vault: OpenVault, request: IntakeRequest): Promise<IntakeResult> {
  if (vault.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; nothing can be taken into it.');
  const signal = new AbortController().signal;
  const opened = await openBundleSource(request.path, resolveLimits(), signal);
  if (!opened.ok) throw new TamgaError('INVALID_ARGUMENT', `${request.path} cannot be read as a package: ${opened.problems.map((p) => p.message).join(' ')}`, { path: request.path });
  const source = opened.source;
  const kind = kindOf(source);
  // A Tamga bundle is a bag too, but taken in as a plain one it would lose its sender's custody.
  const sealed = source.files.has(SEAL_SIGNATURE) || source.files.has(SEAL_PUBLIC_KEY);
  await source.close();
  if (sealed) throw new TamgaError('INVALID_ARGUMENT', `${request.path} is a sealed Tamga bundle: receive it with tamga receive, which keeps its sender's custody.`, { path: request.path });
  if (kind === null) throw new TamgaError('INVALID_ARGUMENT', `${request.path} is neither a BagIt bag (no bagit.txt) nor a ProofMode share (no pubkey.asc, no .proof.json); import its files with tamga import.`, { path: request.path });
  const check = kind === 'bagit' ? await checkBag(request.path, signal) : await checkProofModeShare(request.path);
  if (check.problems.length > 0 && request.acceptProblems !== true) {
    const codes = [...new Set(check.problems.map((p) => p.code))];
    throw new TamgaError('BUNDLE_REFUSED', `The ${kind === 'bagit' ? 'bag' : 'ProofMode share'} did not pass its check (${check.problems.length} problem(s): ${codes.slice(0, 5).join(', ')}), so nothing was taken in. To take it in anyway, with these problems recorded on each item, accept them (--accept-problems).`, {
      problems: check.problems.map((p) => ({ code: p.code, message: p.message })),
    });
  }
  const again = await openBundleSource(request.path, resolveLimits(), signal);
  if (!again.ok) throw new TamgaError('INVALID_ARGUMENT', `${request.path} could not be read again.`, { path: request.path });
  const items: IntakeItem[] = [];
  const notTaken: { path: string; message: string }[] = [];
  const importId = randomUUID();
  vault.db.prepare('INSERT INTO imports (id, started_at, actor) VALUES (?, ?, ?)').run(importId, new Date().toISOString(), vault.actor);
  try {
    const plan = kind === 'bagit' ? await planBag(again.source, check as BagCheck) : await planShare(again.source, check as ProofModeCheck);
    const ctx: ImportContext = { db: vault.db, store: vault.store, signer: vault.signer, actor: vault.actor, importId, hashes: vault.legacyHashes, tags: [], signal, contentLocks: new KeyedMutex() };
    for (const file of plan) {
      try {
        items.push(await takeIn(vault, ctx, again.source, request.path, kind, file, check.problems));
      } catch (err) {
        if (err instanceof TamgaError && (err.code === 'CANCELLED' || err.code === 'DISK_FULL')) throw err;
        notTaken.push({ path: file.path, message: err instanceof Error ? err.message : String(err) });
      }
    }
    return { path: request.path, kind, check, acceptedProblems: check.problems, items, notTaken };
  } finally {
    await again.source.close();
    vault.db.prepare('UPDATE imports SET finished_at = ?, summary_json = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify({ intake: kind, taken: items.length, notTaken: notTaken.length }), importId);
  }
}

async function takeIn(vault: OpenVault, ctx: ImportContext, source: BundleSource, packagePath: string, kind: 'bagit' | 'proofmode', file: Planned, problems: readonly IntakeProblem[]): Promise<IntakeItem> {
  const readable = await readableFile(vault, packagePath, source, file.path);
  try {
    const c2pa = await checkC2pa(readable.file);
    const recordedPath = `${packagePath}/${file.path}`;
    const mine = problems.filter((p) => p.path === undefined || p.path === file.path || (kind === 'proofmode' && file.files.some((f) => f.name === p.path)));
    let provenanceId = '';
    const imported = await importFile(ctx, readable.file, () => undefined, {
      recordedPath,
      originalName: baseName(file.path),
      expectedSha256: file.sha256,
      record: (itemId, acquiredAt) => {
        const seq = (chainHead(vault.db, itemId)?.seq ?? -1) + 1;
        provenanceId = addProvenance(
          vault.db,
          {
            itemId,
            source: kind,
            receivedAt: acquiredAt,
            eventSeq: seq,
            bundleId: null,
            exhibit: file.path,
            senderFingerprint: file.senderFingerprint,
            senderName: null,
            tagManifestSha256: null,
            verdict: mine.length === 0 ? 'checked' : 'problems-accepted',
            problems: mine.map((p) => ({ code: p.code, message: p.message })),
            statements: file.statements,
          },
          file.files,
        );
        const data: JsonObject = {
          source: kind,
          package: packagePath,
          path: file.path,
          sha256: file.sha256,
          size: file.size,
          sourcePath: recordedPath,
          check: file.check,
          ...(mine.length === 0 ? {} : { problems: [...new Set(mine.map((p) => p.code))] }),
          c2pa: c2paEventData(c2pa),
          provenance: provenanceId,
        };
        const event = appendEvent(vault.db, vault.signer, { chain: itemId, type: 'received', actor: vault.actor, data, at: acquiredAt });
        if (event.event.seq !== seq) throw new TamgaError('INTERNAL', `The received event of ${itemId} took seq ${event.event.seq}, not ${seq}.`);
        return provenanceId;
      },
    });
    return { path: file.path, itemId: imported.itemId, sha256: imported.sha256, isNew: imported.isNew, provenanceId, c2pa };
  } finally {
    await readable.done();
  }
}
