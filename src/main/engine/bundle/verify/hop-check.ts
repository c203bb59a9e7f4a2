/**
 * The earlier hops an exhibit carries (docs/formats.md, "Hops"), each checked in turn:
 *
 * 1. its hop.json can be read and points at this bundle's custody log of the exhibit or at
 *    a later hop (HOP_MALFORMED otherwise, or when a required file is missing);
 * 2. its seal: signer.pem is an Ed25519 key whose signature tagmanifest-sha256.txt.sig
 *    verifies over tagmanifest-sha256.txt, that tag manifest lists bag-info.txt with its
 *    hash, and bag-info's Tamga-Key-Fingerprint is that key's (HOP_SEAL_INVALID);
 * 3. its chain: the tag manifest lists custody.jsonl (as metadata/custody/<exhibit>.jsonl)
 *    with its hash, the chain verifies with that key (hashes, signatures, links), and its
 *    `acquired` event names this exhibit's SHA-256 (HOP_CHAIN_INVALID);
 * 4. the link: the event hop.json points at is a `received` event that names that hop's
 *    bundle id, sealing key, tag-manifest hash, exhibit number and the hash of its chain's
 *    last event (HOP_LINK_BROKEN).
 *
 * And every `received` event (of a Tamga bundle) in the exhibit's custody log or in a hop's
 * chain has a hop that it links to (HOP_MISSING): a hop cannot be dropped unnoticed. Each
 * problem names the exhibit, the hop and the file. Passing, the exhibit's path through
 * vaults is stated in plain words (hop-path.ts).
 */
import type { VerifyProblem, VerifyProblemCode } from '../../../../shared/bundle';
import { keyFingerprint, verifySignature } from '../../crypto/signing';
import { verifyJsonl } from '../../custody/jsonl';
import { bagInfoValue, custodyPathText, pathEvents, pathHop, type PathHop } from '../hop-path';
import { custodyFile, HOP_BAG_INFO, HOP_CUSTODY, HOP_FILES_IN_ORDER, HOP_SEAL, HOP_SIGNER, HOP_TAG_MANIFEST, hopFile, HOP_JSON } from '../layout';
import { sha256Hex } from '../export/manifests';
import { parseManifest } from './manifest';
import { problem } from './problems';
import { rawEd25519Key } from './seal';
import { decodeTagText } from './tag-text';

export interface HopCheckInput {
  readonly exhibit: string;
  /** The exhibit's SHA-256 as the payload manifest lists it. */
  readonly sha256: string | null;
  /** The bundle's own custody log of the exhibit, its signer (vault id) and seal time. */
  readonly own: { readonly custody: Uint8Array | null; readonly vaultId: string | null; readonly sealedAt: string | null };
  /** Hop number → file name → bytes, as found in the bundle. */
  readonly hops: ReadonlyMap<number, ReadonlyMap<string, Uint8Array>>;
  /** The capture as the exhibit list states it, for the path's first words; null when it states none. */
  readonly capture: string | null;
}

export interface HopOutcome {
  readonly hops: number;
  /** The path in plain words; null when the exhibit carries no hops. */
  readonly path: string | null;
}

interface RecordView {
  readonly hash?: unknown;
  readonly event?: { readonly seq?: unknown; readonly type?: unknown; readonly data?: Readonly<Record<string, unknown>> };
}

function records(bytes: Uint8Array | null | undefined): RecordView[] {
  if (bytes === null || bytes === undefined) return [];
  return Buffer.from(bytes)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l): RecordView => {
      try {
        return JSON.parse(l) as RecordView;
      } catch {
        return {};
      }
    });
}

export function checkHops(input: HopCheckInput, problems: VerifyProblem[]): HopOutcome {
  const { exhibit } = input;
  const numbers = [...input.hops.keys()].sort((a, b) => a - b);
  if (numbers.length === 0 && !records(input.own.custody).some(isTamgaReceived)) return { hops: 0, path: null };
  const views: PathHop[] = [];
  /** (chain, seq) of each received event some hop links to: chain 0 is the bundle's own log. */
  const linked = new Set<string>();
  for (const n of numbers) {
    const files = input.hops.get(n) ?? new Map<string, Uint8Array>();
    const where = `Hop ${n} of ${exhibit}`;
    const fail = (code: VerifyProblemCode, name: string, what: string): void => void problems.push(problem(code, `${where}${sealedBy(files)}: ${what}.`, { path: hopFile(exhibit, n, name), exhibit }));
    const missing = HOP_FILES_IN_ORDER.filter((name) => !files.has(name));
    if (missing.length > 0) {
      fail('HOP_MALFORMED', missing[0] ?? HOP_JSON, `lacks ${missing.join(', ')}, so it cannot be checked`);
      continue;
    }
    const view = pathHop(n, files);
    if (view === null || !(view.receivedIn === null || (view.receivedIn > n && input.hops.has(view.receivedIn)))) {
      fail('HOP_MALFORMED', HOP_JSON, `${HOP_JSON} cannot be read, or does not point at this bundle's custody log or a later hop of the exhibit`);
      continue;
    }
    views.push(view);
    const descriptor = JSON.parse(Buffer.from(files.get(HOP_JSON) ?? []).toString('utf8')) as { exhibit?: unknown };
    const hopExhibit = typeof descriptor.exhibit === 'string' && /^E\d{4,}$/u.test(descriptor.exhibit) ? descriptor.exhibit : null;
    if (hopExhibit === null) {
      fail('HOP_MALFORMED', HOP_JSON, `${HOP_JSON} names no exhibit number like "E0001"`);
      continue;
    }
    linked.add(`${view.receivedIn ?? 0}:${view.receivedSeq}`);

    // 2. The seal of that hop's bundle.
    const tagManifest = files.get(HOP_TAG_MANIFEST) ?? new Uint8Array();
    const key = rawEd25519Key(files.get(HOP_SIGNER) ?? new Uint8Array());
    if (key === null || !verifySignature(tagManifest, files.get(HOP_SEAL) ?? new Uint8Array(), key)) {
      fail('HOP_SEAL_INVALID', HOP_SEAL, `its seal does not verify over its ${HOP_TAG_MANIFEST} with the key in its ${HOP_SIGNER}: that hop's material was changed`);
      continue;
    }
    const fingerprint = keyFingerprint(key);
    const scratch: VerifyProblem[] = [];
    const listed = parseManifest(HOP_TAG_MANIFEST, 'tag', 'sha256', tagManifest, scratch).entries;
    const bagInfo = files.get(HOP_BAG_INFO) ?? new Uint8Array();
    if (listed.get(HOP_BAG_INFO)?.digest !== sha256Hex(bagInfo)) {
      fail('HOP_SEAL_INVALID', HOP_BAG_INFO, `its ${HOP_BAG_INFO} is not the one its seal covers`);
      continue;
    }
    const statedKey = bagInfoValue(bagInfo, 'Tamga-Key-Fingerprint');
    if (statedKey !== null && statedKey.toLowerCase() !== fingerprint) {
      fail('HOP_SEAL_INVALID', HOP_SIGNER, `its ${HOP_BAG_INFO} names the key ${statedKey}, but it was sealed with ${fingerprint}`);
      continue;
    }

    // 3. Its chain.
    const custody = files.get(HOP_CUSTODY) ?? new Uint8Array();
    if (listed.get(custodyFile(hopExhibit))?.digest !== sha256Hex(custody)) {
      fail('HOP_CHAIN_INVALID', HOP_CUSTODY, `its ${HOP_CUSTODY} is not the custody log ${custodyFile(hopExhibit)} its seal covers: the chain was changed`);
      continue;
    }
    const decoded = decodeTagText(custody);
    const chainProblems = decoded.ok ? verifyJsonl(decoded.text, key) : [{ message: decoded.reason }];
    if (chainProblems.length > 0) {
      fail('HOP_CHAIN_INVALID', HOP_CUSTODY, `its chain of custody does not verify (${chainProblems[0]?.message ?? ''})`);
      continue;
    }
    const chain = records(custody);
    const first = chain[0]?.event;
    if (first?.type === 'acquired' && input.sha256 !== null && first.data?.sha256 !== input.sha256) {
      fail('HOP_CHAIN_INVALID', HOP_CUSTODY, `its chain is of another file (${String(first.data?.sha256)}), not this exhibit's ${input.sha256}`);
      continue;
    }

    // 4. The link from the received event to this hop.
    const into = view.receivedIn === null ? input.own.custody : (input.hops.get(view.receivedIn)?.get(HOP_CUSTODY) ?? null);
    const event = records(into).find((r) => r.event?.seq === view.receivedSeq)?.event;
    const intoName = view.receivedIn === null ? `this bundle's custody log of ${exhibit}` : `hop ${view.receivedIn}'s chain`;
    const head = chain.at(-1)?.hash;
    const data = event?.data ?? {};
    const expected: [string, unknown][] = [
      ['bundleId', bagInfoValue(bagInfo, 'Tamga-Bundle-Id')],
      ['senderFingerprint', fingerprint],
      ['tagManifestSha256', sha256Hex(tagManifest)],
      ['exhibit', hopExhibit],
      ['senderHead', head],
    ];
    const wrong = expected.filter(([member, value]) => typeof data[member] !== 'string' || (data[member] as string).toLowerCase() !== String(value).toLowerCase()).map(([m]) => m);
    if (event?.type !== 'received') {
      fail('HOP_LINK_BROKEN', HOP_JSON, `event ${view.receivedSeq} of ${intoName} is not the "received" event that should link to it`);
    } else if (wrong.length > 0) {
      fail('HOP_LINK_BROKEN', HOP_CUSTODY, `the "received" event (event ${view.receivedSeq} of ${intoName}) does not name this hop: its ${wrong.join(', ')} differ${wrong.length === 1 ? 's' : ''} from the hop's${wrong.includes('senderHead') ? " (senderHead is the hash of the sender's last event: the hop's chain was cut or extended)" : ''}`);
    }
  }

  // Every received event needs its hop.
  const chains: [number, Uint8Array | null | undefined, string][] = [[0, input.own.custody, `the custody log of ${exhibit}`], ...numbers.map((n): [number, Uint8Array | undefined, string] => [n, input.hops.get(n)?.get(HOP_CUSTODY), `hop ${n}'s chain of ${exhibit}`])];
  for (const [n, bytes, name] of chains) {
    for (const r of records(bytes)) {
      if (!isTamgaReceived(r) || linked.has(`${n}:${String(r.event?.seq)}`)) continue;
      problems.push(
        problem('HOP_MISSING', `Event ${String(r.event?.seq)} of ${name} records receiving it in bundle ${String(r.event?.data?.bundleId)}, but this bundle carries no hop for that bundle: the sender's chain and seal are missing.`, {
          path: n === 0 ? custodyFile(exhibit) : hopFile(exhibit, n, HOP_CUSTODY),
          exhibit,
        }),
      );
    }
  }
  if (views.length === 0) return { hops: numbers.length, path: null };
  const own = { vaultId: input.own.vaultId, sealedAt: input.own.sealedAt, events: pathEvents(input.own.custody ?? undefined) };
  return { hops: numbers.length, path: custodyPathText(input.capture, views, own) };
}

function isTamgaReceived(r: RecordView): boolean {
  return r.event?.type === 'received' && r.event.data?.source === 'tamga-bundle';
}

function sealedBy(files: ReadonlyMap<string, Uint8Array>): string {
  const bagInfo = files.get(HOP_BAG_INFO);
  const vault = bagInfoValue(bagInfo, 'Tamga-Signer');
  const at = bagInfoValue(bagInfo, 'Tamga-Sealed-At');
  return vault === null ? '' : ` (sealed by vault ${vault.slice(0, 8)}…${at === null ? '' : ` at ${at}`})`;
}
