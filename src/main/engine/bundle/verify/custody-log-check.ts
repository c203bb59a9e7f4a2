/**
 * The custody log files that follow the seal (docs/formats.md, "Custody log in a bundle";
 * export/custody-proofs.ts writes them), checked against the sealed bundle:
 *
 * - seal/custody-log.checkpoint is a C2SP checkpoint signed by the seal's key, of the log
 *   `tamga.vault/<Tamga-Signer>` (LOG_CHECKPOINT_INVALID otherwise);
 * - seal/custody-proofs.jsonl has one line per exhibit, then one for the vault chain, each
 *   an `exported` event of this bundle (its hash and signature by the seal's key; its
 *   bundleId, exhibit number, file SHA-256 and tag-manifest SHA-256 this bundle's) that
 *   continues the chain the bundle carries (the next seq, `prev` = the sealed log's last
 *   hash) and is included in the checkpoint's tree (an RFC 9162 proof at the checkpoint's
 *   size). That shows each sealed chain complete up to this export: no event cut off its
 *   end. A line that fails is LOG_PROOF_MISMATCH on its exhibit; an exhibit without a
 *   line LOG_PROOF_MISSING; a line that cannot be read LOG_PROOFS_INVALID.
 *
 * After those, one line per earlier checkpoint of the vault: a consistency proof from its
 * size and root to this checkpoint, each checked (LOG_FORK when it fails: the vault's own
 * earlier checkpoint is not a prefix of this one) and kept for `--since`.
 *
 * A bundle with neither file (exported by a vault open read-only, or by Tamga before the
 * log) gets a note, not a problem: nothing shows its chains complete, and the report says so.
 */
import { createHash } from 'node:crypto';
import type { VerifyNote, VerifyProblem } from '../../../../shared/bundle';
import { vaultChainName } from '../../../../shared/custody';
import { noteVerifier, openCheckpoint, vaultLogOrigin, type Checkpoint } from '../../custody/checkpoint';
import { canonicalEvent, hashCanonical, parseEvent } from '../../custody/event';
import { custodyLeafHash, verifyConsistency, verifyInclusion } from '../../custody/merkle';
import { verifyEventSignature } from '../../custody/signature';
import { CUSTODY_CHECKPOINT, CUSTODY_PROOFS } from '../layout';
import type { CustodyOutcome } from './custody-check';
import { problem, show } from './problems';
import { parseStrictJson } from './strict-json';
import { decodeTagText } from './tag-text';

export interface CustodyLogInput {
  readonly checkpoint: Uint8Array | null;
  readonly proofs: Uint8Array | null;
  readonly publicKey: Uint8Array | null;
  readonly signer: string | null;
  readonly bundleId: string | null;
  readonly tagManifest: Uint8Array | null;
  /** Each exhibit's sealed custody log, as checked. */
  readonly custody: ReadonlyMap<string, CustodyOutcome>;
  /** Each exhibit's SHA-256 in manifest-sha256.txt. */
  readonly payloadSha256: ReadonlyMap<string, string>;
}

export interface CustodyLogOutcome {
  /** The checkpoint, when it verified. */
  readonly checkpoint: Checkpoint | null;
  /** The earlier checkpoints the bundle proves consistent with it, by size (consistency lines that passed). */
  readonly earlier: ReadonlyMap<number, string>;
}

interface ConsistencyLine {
  readonly from: { readonly size: number; readonly root: string };
  readonly proof: readonly string[];
}

const HEX64 = /^[0-9a-f]{64}$/;

interface ProofLine {
  readonly exhibit: string | null;
  readonly index: number;
  readonly proof: readonly string[];
  readonly record: { readonly event: unknown; readonly hash: string; readonly signature: string };
}

const isProof = (proof: unknown): proof is string[] => Array.isArray(proof) && proof.every((h) => typeof h === 'string' && HEX64.test(h));

function readLine(text: string): ProofLine | ConsistencyLine | string {
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return parsed.reason === 'syntax' ? 'is not JSON' : `gives ${show(parsed.duplicate.key)} twice`;
  const v = parsed.value as Record<string, unknown> | null;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'is not a JSON object';
  if (Object.keys(v).sort().join(',') === 'from,proof') {
    const from = v.from as Record<string, unknown> | null;
    if (typeof from !== 'object' || from === null || Object.keys(from).sort().join(',') !== 'root,size') return 'has no earlier checkpoint {root, size}';
    if (typeof from.size !== 'number' || !Number.isSafeInteger(from.size) || from.size < 1 || typeof from.root !== 'string' || !HEX64.test(from.root)) return 'has no earlier checkpoint {root, size}';
    if (!isProof(v.proof)) return 'has no proof (a list of 64-hex-digit hashes)';
    return { from: { size: from.size, root: from.root }, proof: v.proof };
  }
  if (Object.keys(v).sort().join(',') !== 'exhibit,index,proof,record') return 'is neither {exhibit, index, proof, record} nor {from, proof}';
  const { exhibit, index, proof, record } = v as Record<string, unknown>;
  if (exhibit !== null && (typeof exhibit !== 'string' || !/^E\d{4,}$/.test(exhibit))) return 'has no exhibit number (or null for the vault chain)';
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) return 'has no leaf index';
  if (!isProof(proof)) return 'has no proof (a list of 64-hex-digit hashes)';
  const r = record as Record<string, unknown> | null;
  if (typeof r !== 'object' || r === null || Object.keys(r).sort().join(',') !== 'event,hash,signature' || typeof r.hash !== 'string' || typeof r.signature !== 'string') return 'has no custody record {event, hash, signature}';
  return { exhibit, index, proof: proof as string[], record: r as ProofLine['record'] };
}

/** Why an exported record is not this bundle's export continuing `expected`, or null when it is. */
function exportedProblem(line: ProofLine, publicKey: Uint8Array, expected: { chain: string; seq: number; prev: string | null; data: Record<string, unknown> }): string | null {
  const parsed = parseEvent(line.record.event);
  if (!parsed.ok) return `its event cannot be read: ${parsed.reason}`;
  const event = parsed.event;
  if (hashCanonical(canonicalEvent(event)) !== line.record.hash) return 'its event does not have the hash recorded with it';
  if (!verifyEventSignature(line.record.hash, line.record.signature, publicKey)) return "its signature is not by the key that sealed the bundle";
  if (event.type !== 'exported') return `it is a "${event.type}" event, not "exported"`;
  if (event.chain !== expected.chain) return `it is on the chain ${show(event.chain)}, not ${show(expected.chain)}`;
  if (event.seq !== expected.seq || event.prev !== expected.prev) return `it is event ${event.seq} after ${event.prev ?? 'nothing'}, but the custody log in the bundle ends with event ${expected.seq - 1} (${expected.prev ?? 'none'}): the chain in the bundle is not the one this export continued`;
  for (const [key, want] of Object.entries(expected.data)) {
    if (event.data[key] !== want) return `it gives ${key} ${show(String(event.data[key]))}, but this bundle's is ${show(String(want))}`;
  }
  return null;
}

export function checkCustodyLog(input: CustodyLogInput, problems: VerifyProblem[], notes: VerifyNote[]): CustodyLogOutcome {
  if (input.checkpoint === null && input.proofs === null) {
    notes.push({ code: 'NO_CUSTODY_LOG', message: `The bundle carries no checkpoint of its vault's custody log (${CUSTODY_CHECKPOINT}): it was exported from a vault open read-only or by an older Tamga. Each custody log is checked, but nothing shows that no event was cut off its end.` });
    return { checkpoint: null, earlier: new Map() };
  }
  const { publicKey, signer } = input;
  if (publicKey === null) return { checkpoint: null, earlier: new Map() }; // no valid seal: its problem says why
  if (input.checkpoint === null || input.proofs === null) {
    problems.push(problem('LOG_PROOFS_INVALID', `The bundle has ${input.checkpoint === null ? CUSTODY_PROOFS : CUSTODY_CHECKPOINT} but not ${input.checkpoint === null ? CUSTODY_CHECKPOINT : CUSTODY_PROOFS}: one was removed.`));
    return { checkpoint: null, earlier: new Map() };
  }
  if (signer === null) {
    problems.push(problem('LOG_CHECKPOINT_INVALID', `bag-info.txt names no Tamga-Signer, so the custody log of ${CUSTODY_CHECKPOINT} cannot be named.`, { path: CUSTODY_CHECKPOINT }));
    return { checkpoint: null, earlier: new Map() };
  }
  const origin = vaultLogOrigin(signer);
  const opened = openCheckpoint(input.checkpoint, noteVerifier(origin, publicKey), { origin });
  if (!opened.ok) {
    problems.push(problem('LOG_CHECKPOINT_INVALID', `${CUSTODY_CHECKPOINT} is not a checkpoint of ${origin} signed by the key that sealed the bundle: ${opened.message}`, { path: CUSTODY_CHECKPOINT }));
    return { checkpoint: null, earlier: new Map() };
  }
  const checkpoint = opened.checkpoint;
  const decoded = decodeTagText(input.proofs);
  if (!decoded.ok) {
    problems.push(problem('LOG_PROOFS_INVALID', `${CUSTODY_PROOFS} cannot be read: ${decoded.reason}.`, { path: CUSTODY_PROOFS }));
    return { checkpoint, earlier: new Map() };
  }
  const earlier = new Map<number, string>();
  const tagManifestSha256 = input.tagManifest === null ? null : createHash('sha256').update(input.tagManifest).digest('hex');
  const seen = new Set<string>();
  let vaultLine = false;
  const lines = decoded.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((text, i) => {
    const line = readLine(text);
    if (typeof line === 'string') {
      problems.push(problem('LOG_PROOFS_INVALID', `Line ${i + 1} of ${CUSTODY_PROOFS} ${line}.`, { path: CUSTODY_PROOFS, line: i + 1 }));
      return;
    }
    // A consistency line (an export line holds a record). Not `'from' in line`: the packaging test reads a string "from" as an import.
    if (!('record' in line)) {
      const { size, root } = line.from;
      const verdict = verifyConsistency({ oldSize: size, newSize: checkpoint.size, oldRoot: root, newRoot: checkpoint.root, proof: line.proof });
      if (verdict.ok) earlier.set(size, root);
      else problems.push(problem('LOG_FORK', `Line ${i + 1} of ${CUSTODY_PROOFS}: the vault's own earlier checkpoint of ${size} events (root ${root}) is not a prefix of this bundle's (${checkpoint.size} events, root ${checkpoint.root}): its history was rewritten in between (${verdict.message}).`, { path: CUSTODY_PROOFS, line: i + 1 }));
      return;
    }
    const place = line.exhibit === null ? { path: CUSTODY_PROOFS, line: i + 1 } : { path: CUSTODY_PROOFS, line: i + 1, exhibit: line.exhibit };
    const custody = line.exhibit === null ? undefined : input.custody.get(line.exhibit);
    if (line.exhibit !== null && (custody === undefined || custody.chain === null || seen.has(line.exhibit))) {
      problems.push(problem('LOG_PROOFS_INVALID', `Line ${i + 1} of ${CUSTODY_PROOFS} is for ${line.exhibit}, ${seen.has(line.exhibit) ? 'a second time' : 'whose custody log the bundle does not hold'}.`, place));
      return;
    }
    if (line.exhibit === null && vaultLine) {
      problems.push(problem('LOG_PROOFS_INVALID', `Line ${i + 1} of ${CUSTODY_PROOFS} is a second line for the vault chain.`, place));
      return;
    }
    const base = { bundleId: input.bundleId, tagManifestSha256 };
    const expected =
      line.exhibit === null || custody === undefined || custody.chain === null
        ? { chain: vaultChainName(signer), seq: (line.record.event as { seq?: number } | null)?.seq ?? -1, prev: (line.record.event as { prev?: string | null } | null)?.prev ?? null, data: { ...base, exhibits: input.custody.size } }
        : { chain: custody.chain, seq: custody.events, prev: custody.head, data: { ...base, exhibit: line.exhibit, sha256: input.payloadSha256.get(line.exhibit) ?? null } };
    const wrong =
      exportedProblem(line, publicKey, expected) ??
      (() => {
        const verdict = verifyInclusion({ leafHash: custodyLeafHash(line.record.hash).toString('hex'), index: line.index, size: checkpoint.size, proof: line.proof, root: checkpoint.root });
        return verdict.ok ? null : `its inclusion proof does not lead to the checkpoint's root (${verdict.message})`;
      })();
    if (wrong !== null) {
      const whose = line.exhibit === null ? "The vault chain's exported event" : `The exported event of ${line.exhibit}`;
      problems.push(problem('LOG_PROOF_MISMATCH', `${whose} in ${CUSTODY_PROOFS} (line ${i + 1}) does not prove the export: ${wrong}.`, place));
    }
    if (line.exhibit === null) vaultLine = true;
    else seen.add(line.exhibit);
  });
  for (const exhibit of input.custody.keys()) {
    if (!seen.has(exhibit)) problems.push(problem('LOG_PROOF_MISSING', `${CUSTODY_PROOFS} has no line for ${exhibit}: nothing shows its custody log complete up to this export.`, { path: CUSTODY_PROOFS, exhibit }));
  }
  if (!vaultLine) problems.push(problem('LOG_PROOF_MISSING', `${CUSTODY_PROOFS} has no line for the vault chain's exported event.`, { path: CUSTODY_PROOFS }));
  return { checkpoint, earlier };
}
