/**
 * Everything that goes into one bundle, in the order it is written (which is also the
 * order of the entries in a zip, docs/formats.md): bagit.txt, bag-info.txt and
 * README-VERIFY.txt (known before any payload is read), the payload files (streamed,
 * hashed, checked), the payload manifests, metadata, custody logs and reports (which need
 * the payload's hashes), the tag manifest, and last the seal over it.
 */
import type { VaultFile } from '../../vault/vault-file';
import type { BlobStore } from '../../blobs/blob-store';
import { toJsonl } from '../../custody/jsonl';
import { forBundle } from '../../custody/withheld';
import type { Signer } from '../../crypto/signing';
import {
  BAG_INFO_TXT,
  BAGIT_TXT,
  BAGIT_TXT_CONTENT,
  EXHIBITS_CSV,
  EXHIBITS_JSON,
  MANIFEST_SHA256,
  MANIFEST_SHA512,
  README_VERIFY,
  REPORT_HTML,
  REPORT_PDF,
  SEAL_PUBLIC_KEY,
  SEAL_SIGNATURE,
  TAGMANIFEST_SHA256,
  VAULT_KEY_JSON,
} from '../layout';
import { bagInfoText, type BagInfoInput } from './bag-info';
import type { Exhibit, SealedExhibit } from './exhibit';
import { exhibitsCsv } from './exhibits-csv';
import { exhibitsJson } from './exhibits-json';
import { payloadManifest, sha256Hex, tagManifest } from './manifests';
import { cancelled, OFFLOAD_MIN_BYTES, openPayload, payloadError } from './payload';
import type { ProgressReporter } from './progress';
import { readmeVerifyText } from './readme-verify';
import { reportHtml } from './report-html';
import type { ReportHeader } from './report-model';
import { reportPdf } from './report-pdf';
import { sealTagManifest } from './seal';
import type { CaseInfo } from './selection';
import { thumbnailLoader } from './thumbnails';
import { vaultKeyJson } from './vault-key';
import type { BundleWriter } from './writer';
import { HashWorker } from '../hash-worker';

export interface BundleContent {
  readonly store: BlobStore;
  readonly blobKey: Buffer;
  readonly signer: Signer;
  readonly vaultFile: Pick<VaultFile, 'vaultId' | 'signing'>;
  readonly exhibits: readonly Exhibit[];
  readonly bagInfo: BagInfoInput;
  readonly bundleCase: CaseInfo | null;
  readonly signal: AbortSignal;
  readonly progress: ProgressReporter;
  /** Whether the custody log files will follow the seal (not from a vault open read-only): the stated file counts include them. */
  readonly withCustodyLog: boolean;
}

export interface WrittenBundle {
  readonly exhibits: readonly SealedExhibit[];
  readonly tagManifestSha256: string;
  /** The seal: the bytes of seal/tagmanifest-sha256.txt.sig, which the vault keeps to timestamp later. */
  readonly sealSignature: Uint8Array;
}

/** The originals, one after the other, each checked against its recorded SHA-256. */
async function writePayload(c: BundleContent, writer: BundleWriter): Promise<SealedExhibit[]> {
  const sha512Thread = c.exhibits.some((e) => e.item.size >= OFFLOAD_MIN_BYTES) ? new HashWorker() : null;
  const exhibits: SealedExhibit[] = [];
  try {
    for (const exhibit of c.exhibits) {
      if (c.signal.aborted) throw cancelled();
      c.progress.startExhibit(exhibit.number);
      const payload = openPayload(c.store, c.blobKey, exhibit, { signal: c.signal, onBytes: (n) => c.progress.bytes(n), sha512Thread });
      try {
        await writer.addStream(exhibit.path, exhibit.item.size, payload.stream);
      } catch (err) {
        payload.stream.destroy();
        throw payloadError(err, exhibit);
      }
      exhibits.push({ ...exhibit, ...payload.digests() });
      c.progress.endExhibit();
    }
  } finally {
    await sha512Thread?.terminate();
  }
  return exhibits;
}

export async function writeBundle(c: BundleContent, writer: BundleWriter): Promise<WrittenBundle> {
  const tagHashes = new Map<string, string>();
  const tagFile = async (path: string, content: Buffer | string): Promise<void> => {
    if (c.signal.aborted) throw cancelled();
    await writer.addFile(path, content);
    tagHashes.set(path, sha256Hex(content));
  };
  const info = c.bagInfo;

  await tagFile(BAGIT_TXT, BAGIT_TXT_CONTENT);
  await tagFile(BAG_INFO_TXT, bagInfoText(info));
  const hopFiles = c.exhibits.reduce((n, e) => n + e.hopFiles.length, 0);
  await tagFile(README_VERIFY, readmeVerifyText({ keyFingerprint: info.keyFingerprint, exhibitCount: c.exhibits.length, payloadBytes: info.payloadBytes, withCustodyLog: c.withCustodyLog, hopFiles }));

  c.progress.phase('payload');
  const exhibits = await writePayload(c, writer);

  c.progress.phase('metadata');
  const caseName = c.bundleCase?.name ?? (info.caseIdentifier === '' ? null : info.caseIdentifier);
  await tagFile(MANIFEST_SHA256, payloadManifest(exhibits, 'sha256'));
  await tagFile(MANIFEST_SHA512, payloadManifest(exhibits, 'sha512'));
  await tagFile(EXHIBITS_JSON, exhibitsJson(exhibits, c.bundleCase, info.caseIdentifier));
  await tagFile(EXHIBITS_CSV, exhibitsCsv(exhibits, caseName, { vaultId: info.vaultId, sealedAt: info.sealedAt }));
  await tagFile(VAULT_KEY_JSON, vaultKeyJson(c.vaultFile));
  for (const e of exhibits) await tagFile(e.custodyPath, toJsonl(forBundle(e.custody, e.privateFields)));
  for (const e of exhibits) for (const f of e.hopFiles) await tagFile(f.path, f.content);

  const header: ReportHeader = {
    bundleId: info.bundleId,
    sealedAt: info.sealedAt,
    caseIdentifier: info.caseIdentifier,
    caseName: c.bundleCase?.name ?? '',
    description: info.description,
    recipient: info.recipient,
    organization: info.organization,
    contactName: info.contactName,
    contactEmail: info.contactEmail,
    keyFingerprint: info.keyFingerprint,
    vaultId: info.vaultId,
    payloadBytes: info.payloadBytes,
    exhibitCount: exhibits.length,
    withCustodyLog: c.withCustodyLog,
    hopFiles,
  };
  const thumbnails = thumbnailLoader(c.store, c.blobKey);
  await tagFile(REPORT_HTML, await reportHtml(header, exhibits, thumbnails));
  await tagFile(REPORT_PDF, await reportPdf(header, exhibits, thumbnails));

  c.progress.phase('sealing');
  const manifest = Buffer.from(tagManifest(tagHashes, exhibits), 'utf8');
  await tagFile(TAGMANIFEST_SHA256, manifest);
  const seal = sealTagManifest(c.signer, manifest);
  await tagFile(SEAL_PUBLIC_KEY, seal.publicKeyPem);
  await tagFile(SEAL_SIGNATURE, seal.signature);
  return { exhibits, tagManifestSha256: sha256Hex(manifest), sealSignature: seal.signature };
}
