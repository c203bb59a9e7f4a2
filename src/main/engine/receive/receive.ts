/**
 * `receiveBundle`: takes a sealed bundle from another vault into this one, keeping its
 * custody. It verifies first (the verifier of bundle/verify, with the key given or this
 * vault's known senders) and refuses a bundle that does not pass unless the caller
 * accepts its problems, which are then recorded with each item. Each exhibit then becomes
 * an item (`acquired` from the bundle's file, then `received`) or, when the vault holds
 * the same SHA-256 already, a new acquisition of it (`received`); the sender's chain,
 * seal, tag manifest, bag-info, log files, timestamps and earlier hops are kept as the
 * item's provenance (provenance-store.ts), written in the same transaction as the event.
 * The sender's title, tags … are kept as the sender's statements, never merged.
 *
 * An exhibit that cannot be received (the bundle changed since it was checked, a read
 * failed) is named in notReceived; what was received before it stays, complete.
 */
import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { VerifyProblem, VerifyReport } from '../../../shared/bundle';
import { TamgaError } from '../../../shared/errors';
import type { ReceivedExhibit, ReceiveRequest, ReceiveResult } from '../../../shared/receive';
import { resolveLimits } from '../bundle/verify/limits';
import { openBundleSource, type BundleSource } from '../bundle/verify/source';
import { verifyBundle } from '../bundle/verify/verify';
import { appendEvent, chainHead } from '../custody/store';
import { importFile, type ImportContext } from '../ingest/import-file';
import { KeyedMutex } from '../ingest/keyed-mutex';
import { addProvenance, sha256Hex, type ProvenanceFileInput } from '../provenance/provenance-store';
import { listVaultSenders } from '../senders/vault-senders';
import type { OpenVault } from '../vault/vault';
import { readMaterial, type BundleMaterial } from './bundle-material';
import { lastRecordHash, receivedEventData } from './received-event';
import { bagInfoLabels, listedEntry, senderStatements } from './sender-statements';

export interface ReceiveOptions {
  readonly signal?: AbortSignal;
}

/** How many problem codes the refusal's sentence names; details list every problem. */
const PROBLEMS_NAMED = 5;

function refusal(report: VerifyReport): TamgaError {
  const total = Object.values(report.problemCounts).reduce((a, b) => a + (b ?? 0), 0);
  const codes = Object.keys(report.problemCounts);
  const named = codes.slice(0, PROBLEMS_NAMED).join(', ') + (codes.length > PROBLEMS_NAMED ? ', …' : '');
  return new TamgaError(
    'BUNDLE_REFUSED',
    `The bundle did not pass its check (${report.verdict}: ${total} problem${total === 1 ? '' : 's'}, ${named}), so nothing was received. To receive it anyway, with these problems recorded on each item, accept them (--accept-problems).`,
    { verdict: report.verdict, problems: report.problems.map((p) => ({ code: p.code, message: p.message, ...(p.exhibit === undefined ? {} : { exhibit: p.exhibit }) })) },
  );
}

/** The payload as a file this process can read: the bundle's own for a folder, a copy in the vault's tmp/ for a zip. */
async function payloadFile(vault: OpenVault, bundlePath: string, source: BundleSource, path: string, signal: AbortSignal): Promise<{ file: string; done: () => Promise<void> }> {
  if (source.container === 'directory') return { file: join(bundlePath, ...path.split('/')), done: async () => undefined };
  const file = join(vault.paths.tmpDir, `receive-${randomUUID()}`);
  try {
    await pipeline(Readable.from(source.read(path, signal)), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    await unlink(file).catch(() => undefined);
    throw err;
  }
  return { file, done: () => unlink(file).catch(() => undefined) };
}

/** The problems that concern one exhibit, or the whole bundle. */
function problemsFor(problems: readonly VerifyProblem[], exhibit: string): VerifyProblem[] {
  return problems.filter((p) => p.exhibit === undefined || p.exhibit === exhibit);
}

function uniqueCodes(problems: readonly VerifyProblem[]): string[] {
  return [...new Set(problems.map((p) => p.code))];
}

export async function receiveBundle(vault: OpenVault, request: ReceiveRequest, options: ReceiveOptions = {}): Promise<ReceiveResult> {
  if (vault.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; nothing can be received into it.');
  if (typeof request.path !== 'string' || request.path === '') throw new TamgaError('INVALID_ARGUMENT', 'Name the bundle to receive: a folder or a .zip file.');
  const signal = options.signal ?? new AbortController().signal;
  const knownSenders = listVaultSenders(vault);
  const report = await verifyBundle({ path: request.path, ...(request.key === undefined ? {} : { key: request.key }), knownSenders }, { signal });
  const accepted = report.valid ? [] : report.problems;
  if (!report.valid && request.acceptProblems !== true) throw refusal(report);

  const limits = resolveLimits(undefined);
  const opened = await openBundleSource(request.path, limits, signal);
  if (!opened.ok) throw refusal(report);
  const source = opened.source;
  const received: ReceivedExhibit[] = [];
  const notReceived: { exhibit: string; message: string }[] = [];
  const importId = randomUUID();
  vault.db.prepare('INSERT INTO imports (id, started_at, actor) VALUES (?, ?, ?)').run(importId, new Date().toISOString(), vault.actor);
  try {
    const material = await readMaterial(source, limits, signal);
    const bagInfo = bagInfoLabels(material.shared.find((f) => f.role === 'bag-info')?.content ?? null);
    const ctx: ImportContext = { db: vault.db, store: vault.store, signer: vault.signer, actor: vault.actor, importId, hashes: vault.legacyHashes, tags: [], signal, contentLocks: new KeyedMutex() };
    for (const exhibit of report.exhibits) {
      if (signal.aborted) throw new TamgaError('CANCELLED', 'Receiving was cancelled; the exhibits received before are kept.');
      if (exhibit.path === null || exhibit.sha256 === null || !source.files.has(exhibit.path)) {
        notReceived.push({ exhibit: exhibit.number, message: `${exhibit.number} has no payload file that the manifests list, so there is nothing to receive.` });
        continue;
      }
      try {
        received.push(await receiveExhibit({ vault, request, report, material, bagInfo, ctx, source, accepted: problemsFor(accepted, exhibit.number), exhibit: { number: exhibit.number, path: exhibit.path, sha256: exhibit.sha256 } }, signal));
      } catch (err) {
        if (err instanceof TamgaError && err.code === 'CANCELLED') throw err;
        if (err instanceof TamgaError && err.code === 'DISK_FULL') throw err;
        notReceived.push({ exhibit: exhibit.number, message: err instanceof Error ? err.message : String(err) });
      }
    }
  } finally {
    await source.close();
    vault.db.prepare('UPDATE imports SET finished_at = ?, summary_json = ? WHERE id = ?').run(new Date().toISOString(), JSON.stringify({ received: received.length, notReceived: notReceived.length, bundleId: report.bundleId }), importId);
  }
  return {
    bundle: request.path,
    bundleId: report.bundleId,
    verdict: report.verdict,
    senderFingerprint: report.signer.fingerprint,
    senderName: report.signer.name,
    acceptedProblems: accepted,
    received,
    notReceived,
  };
}

interface ExhibitInput {
  readonly vault: OpenVault;
  readonly request: ReceiveRequest;
  readonly report: VerifyReport;
  readonly material: BundleMaterial;
  readonly bagInfo: ReadonlyMap<string, string>;
  readonly ctx: ImportContext;
  readonly source: BundleSource;
  readonly accepted: readonly VerifyProblem[];
  readonly exhibit: { readonly number: string; readonly path: string; readonly sha256: string };
}

async function receiveExhibit(input: ExhibitInput, signal: AbortSignal): Promise<ReceivedExhibit> {
  const { vault, report, material, bagInfo, exhibit } = input;
  const custody = await material.custody(exhibit.number);
  const entry = listedEntry(material.exhibitList, exhibit.number);
  const files: ProvenanceFileInput[] = [
    ...(custody === null ? [] : [{ name: 'custody.jsonl', role: 'custody-chain', content: custody }]),
    ...material.shared,
    ...(entry === null ? [] : [{ name: 'exhibit.json', role: 'exhibit-record', content: Buffer.from(`${JSON.stringify(entry, null, 2)}\n`, 'utf8') }]),
    ...(await material.hops(exhibit.number)),
  ];
  const statements = senderStatements(entry, bagInfo);
  const payloadName = exhibit.path.slice(exhibit.path.indexOf('_') + 1);
  const originalName = typeof statements.originalName === 'string' && statements.originalName !== '' ? statements.originalName : payloadName;
  const recordedPath = `${input.request.path}/${exhibit.path}`;
  const tagManifestSha256 = material.tagManifest === null ? null : sha256Hex(material.tagManifest);
  let provenanceId = '';
  const payload = await payloadFile(vault, input.request.path, input.source, exhibit.path, signal);
  try {
    const imported = await importFile(input.ctx, payload.file, () => undefined, {
      recordedPath,
      originalName,
      expectedSha256: exhibit.sha256,
      record: (itemId, acquiredAt) => {
        const seq = (chainHead(vault.db, itemId)?.seq ?? -1) + 1;
        provenanceId = addProvenance(
          vault.db,
          {
            itemId,
            source: 'tamga-bundle',
            receivedAt: acquiredAt,
            eventSeq: seq,
            bundleId: report.bundleId,
            exhibit: exhibit.number,
            senderFingerprint: report.signer.fingerprint,
            senderName: report.signer.name,
            tagManifestSha256,
            verdict: report.verdict,
            problems: input.accepted.map((p) => ({ code: p.code, message: p.message })),
            statements,
          },
          files,
        );
        const size = input.source.files.get(exhibit.path)?.size ?? 0;
        const data = receivedEventData({
          bundleId: report.bundleId,
          exhibit: exhibit.number,
          senderVault: bagInfo.get('Tamga-Signer') ?? null,
          senderFingerprint: report.signer.fingerprint,
          senderName: report.signer.name,
          tagManifestSha256,
          sealedAt: report.sealedAt,
          verdict: report.verdict,
          problems: uniqueCodes(input.accepted),
          senderHead: lastRecordHash(custody),
          sha256: exhibit.sha256,
          size,
          sourcePath: recordedPath,
          provenance: provenanceId,
        });
        const event = appendEvent(vault.db, vault.signer, { chain: itemId, type: 'received', actor: vault.actor, data, at: acquiredAt });
        if (event.event.seq !== seq) throw new TamgaError('INTERNAL', `The received event of ${itemId} took seq ${event.event.seq}, not ${seq}.`);
        return provenanceId;
      },
    });
    return { exhibit: exhibit.number, itemId: imported.itemId, sha256: imported.sha256, isNew: imported.isNew, provenanceId, warnings: imported.warnings };
  } finally {
    await payload.done();
  }
}
