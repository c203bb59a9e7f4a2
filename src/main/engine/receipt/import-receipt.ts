/**
 * The sender's side of a receipt: check it (receipt-format.ts), check that it names a
 * bundle this vault exported (its `exported` events: the bundle id with the same
 * tag-manifest hash), judge whose key signed it, then record a `delivered` event on each
 * exported item's chain and on the vault chain, in one transaction (all or none).
 *
 * `delivered` (item chain): {bundleId, exhibit, tagManifestSha256, receiptSha256,
 * receivedAt, verdict, recipientFingerprint, recipientName, recipientOperator,
 * recipientTrust}. On the vault chain the same without exhibit, plus exhibits (how many
 * items gained one) and receipt: the whole signed receipt file as JSON, so the log itself
 * carries what anyone can check again. docs/formats.md, "Delivery receipts".
 */
import { readFile, stat } from 'node:fs/promises';
import { vaultChainName, type JsonObject } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import type { ReceiptImportRequest, ReceiptImportResult, ReceiptProblemCode, ReceiptTrust } from '../../../shared/receipt';
import { parseFingerprint } from '../../../shared/senders';
import { appendEvent } from '../custody/store';
import { fromFsError } from '../fs/fs-errors';
import { listVaultSenders } from '../senders/vault-senders';
import type { OpenVault } from '../vault/vault';
import { MAX_RECEIPT_BYTES, receiptCheck } from './receipt-format';

interface ExportedRow {
  readonly chain: string;
  readonly json: string;
}

interface ExportedData {
  readonly bundleId?: unknown;
  readonly tagManifestSha256?: unknown;
  readonly exhibit?: unknown;
}

function exportedEvents(vault: OpenVault): { chain: string; data: ExportedData }[] {
  const rows = vault.db.prepare<[], ExportedRow>("SELECT chain, event_json AS json FROM custody_events WHERE type = 'exported' ORDER BY rowid").all();
  return rows.map((row) => ({ chain: row.chain, data: (JSON.parse(row.json) as { data: ExportedData }).data }));
}

/** Whether this receipt (by its hash) was recorded before. */
function recordedBefore(vault: OpenVault, receiptSha256: string): boolean {
  const rows = vault.db.prepare<[string], string>("SELECT event_json FROM custody_events WHERE chain = ? AND type = 'delivered'").pluck().all(vaultChainName(vault.vaultFile.vaultId));
  return rows.some((json) => (JSON.parse(json) as { data: { receiptSha256?: unknown } }).data.receiptSha256 === receiptSha256);
}

/** The file's bytes, or its size when it is far too large to be a receipt (refused before it is read whole). */
async function readReceiptFile(path: string): Promise<Buffer | number> {
  try {
    const info = await stat(path);
    if (info.size > MAX_RECEIPT_BYTES) return info.size;
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new TamgaError('NOT_FOUND', `There is no receipt at ${path}.`, { path });
    throw fromFsError(err, 'reading the receipt');
  }
}

export async function importReceipt(vault: OpenVault, request: ReceiptImportRequest): Promise<ReceiptImportResult> {
  const fail = (problem: ReceiptProblemCode, message: string): ReceiptImportResult => ({ ok: false, problem, message });
  const expect = request.expect === undefined ? null : parseFingerprint(request.expect);
  if (request.expect !== undefined && expect === null) throw new TamgaError('INVALID_ARGUMENT', 'A key fingerprint is 64 hexadecimal digits (SHA-256 of the public key), as `tamga info` prints it.');
  const bytes = await readReceiptFile(request.path);
  if (typeof bytes === 'number') return fail('RECEIPT_MALFORMED', `${request.path} is ${bytes} bytes: a receipt is a small JSON file, not this. Nothing was recorded.`);
  const checked = receiptCheck(bytes);
  if (!checked.ok) return checked;
  const { receipt } = checked.signed;
  const { fingerprint } = receipt.recipient;

  const known = listVaultSenders(vault).find((s) => s.fingerprint === fingerprint) ?? null;
  let trust: ReceiptTrust;
  if (expect !== null) {
    const whose = known === null ? '' : ` (known sender "${known.name}")`;
    if (fingerprint !== expect) return fail('RECEIPT_UNEXPECTED_KEY', `The receipt is signed by the key ${fingerprint}${whose}, not by the key you expected (${expect}). Nothing was recorded.`);
    trust = 'expected';
  } else if (known !== null) {
    trust = 'known-sender';
  } else if (request.acceptUnconfirmed === true) {
    trust = 'unconfirmed';
  } else {
    return fail(
      'RECEIPT_KEY_NOT_CONFIRMED',
      `The receipt is signed by the key ${fingerprint}, which is neither a key you gave nor a known sender's: anyone can sign a receipt with a key of their own. Compare it with the fingerprint the recipient published and give it with --expect, or record it as unconfirmed with --accept-unconfirmed. Nothing was recorded.`,
    );
  }

  const exported = exportedEvents(vault);
  const vaultChain = vaultChainName(vault.vaultFile.vaultId);
  const sameId = exported.filter((e) => e.chain === vaultChain && e.data.bundleId === receipt.bundleId);
  if (sameId.length === 0) return fail('RECEIPT_UNKNOWN_BUNDLE', `This vault never exported a bundle with the id ${receipt.bundleId}: the receipt is for another vault's bundle. Nothing was recorded.`);
  if (!sameId.some((e) => e.data.tagManifestSha256 === receipt.tagManifestSha256)) {
    return fail('RECEIPT_TAG_MANIFEST_MISMATCH', `This vault exported the bundle ${receipt.bundleId}, but its tag manifest's SHA-256 was not ${receipt.tagManifestSha256}: what the recipient received is not what was sent. Nothing was recorded.`);
  }
  const items = exported.filter((e) => e.chain !== vaultChain && e.data.bundleId === receipt.bundleId && e.data.tagManifestSha256 === receipt.tagManifestSha256);
  const base = { ok: true as const, receipt, receiptSha256: checked.hash, trust, recipientName: known?.name ?? null, items: items.map((e) => e.chain) };
  if (recordedBefore(vault, checked.hash)) return { ...base, recorded: false };

  const data = {
    bundleId: receipt.bundleId,
    tagManifestSha256: receipt.tagManifestSha256,
    receiptSha256: checked.hash,
    receivedAt: receipt.receivedAt,
    verdict: receipt.verdict,
    recipientFingerprint: fingerprint,
    recipientName: known?.name ?? null,
    recipientOperator: receipt.recipient.operator,
    recipientTrust: trust,
  };
  vault.db
    .transaction(() => {
      for (const e of items) appendEvent(vault.db, vault.signer, { chain: e.chain, type: 'delivered', actor: vault.actor, data: { ...data, exhibit: typeof e.data.exhibit === 'string' ? e.data.exhibit : null } });
      appendEvent(vault.db, vault.signer, { chain: vaultChain, type: 'delivered', actor: vault.actor, data: { ...data, exhibits: items.length, receipt: checked.signed as unknown as JsonObject } });
    })
    .immediate();
  return { ...base, recorded: true };
}
