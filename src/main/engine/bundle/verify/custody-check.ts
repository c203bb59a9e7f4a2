/**
 * One exhibit's custody log (metadata/custody/E0001.jsonl) in a bundle: the whole chain is
 * checked by the custody module's own verifier (hashes, links, signatures by the seal's
 * key, order, types), against the exhibit's item id from exhibits.json when there is one,
 * so a log swapped in from another exhibit shows as WRONG_CHAIN. Then the chain's first
 * event, 'acquired', must record the same SHA-256 as the payload manifest: the file in the
 * bundle is the one that was acquired, not one swapped in before export.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { actsByOperator, type OperatorActs } from '../../../../shared/operator';
import { verifyJsonl } from '../../custody/jsonl';
import type { ExportSeen } from './custody-exports';
import { problem, show } from './problems';
import { decodeTagText } from './tag-text';

export interface CustodyInput {
  readonly exhibit: string;
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The seal's key; null when the bundle has no readable one (then signatures go unchecked, and the seal's problem says why). */
  readonly publicKey: Uint8Array | null;
  /** From exhibits.json; null to take the chain the log itself names. */
  readonly itemId: string | null;
  /** The payload manifest's SHA-256 of the exhibit's file; null when it lists none. */
  readonly manifestSha256: string | null;
  /** The exhibit's file size in the bundle; null when it is not there. */
  readonly payloadSize: number | null;
  /** What exhibits.json says of the exhibit's original name and legacy hashes; null when it has no entry. */
  readonly listed: { readonly originalName: string | null; readonly sha1: string | null; readonly md5: string | null } | null;
  /** This bundle's Tamga-Bundle-Id; null when bag-info.txt gives none. */
  readonly bundleId: string | null;
}

export interface CustodyOutcome {
  readonly events: number;
  /** Of those, the withheld records (signed and linked; contents not in the bundle). */
  readonly withheld: number;
  /** The chain the log belongs to (its first event's), for the report. */
  readonly chain: string | null;
  /** The recorded hash of its last event, which exhibits.json repeats. */
  readonly head: string | null;
  /** Its 'exported' events, compared across exhibits (custody-exports.ts). */
  readonly exports: readonly ExportSeen[];
  /** Whether it records a receipt of a Tamga bundle (`received`): its hops are then checked (hop-check.ts). */
  readonly received: boolean;
  /** Who did what, as the events' actors state it (withheld records name nobody: they are not counted). */
  readonly operators: readonly OperatorActs[];
  /** Events of operators or types past the listed ones (a hostile log may name thousands). */
  readonly operatorsOmitted: number;
}

interface RecordView {
  readonly hash: unknown;
  readonly withheld?: unknown;
  readonly event?: {
    readonly chain?: unknown;
    readonly type?: unknown;
    readonly actor?: unknown;
    readonly seq?: unknown;
    readonly data?: {
      readonly sha256?: unknown;
      readonly size?: unknown;
      readonly sha1?: unknown;
      readonly md5?: unknown;
      readonly originalName?: unknown;
      readonly bundleId?: unknown;
      readonly exhibit?: unknown;
      readonly tagManifestSha256?: unknown;
    };
  };
}

/** Events that name the exhibit's content, and so must name this bundle's file. */
const NAMES_CONTENT = new Set(['acquired', 're-acquired', 'exported', 'received']);

/**
 * What the signed events say of the content against what the bundle holds: each
 * acquisition and each earlier export names this file's SHA-256, each acquisition its
 * size, the original name exhibits.json gives is the one 'acquired' recorded (a
 * re-acquired copy may have had another), and its legacy hashes are ones an acquisition
 * recorded. No 'exported' event names this bundle: a bundle's own export is logged after
 * it is sealed (docs/formats.md, "Custody of an export"). A bundle whose readable copies
 * contradict its own signed record is not what it says it is. Returns the 'exported'
 * events, which must also agree across exhibits (custody-exports.ts).
 */
function checkFacts(input: CustodyInput, lines: readonly string[], problems: VerifyProblem[]): ExportSeen[] {
  const { exhibit, path } = input;
  const differ = (line: number, what: string): void => {
    problems.push(problem('EXHIBIT_FACT_MISMATCH', `Event ${line - 1} of the custody log of ${exhibit} ${what}.`, { path, exhibit, line }));
  };
  const exports: ExportSeen[] = [];
  lines.forEach((text, i) => {
    const event = view(text)?.event;
    if (i === 0 || event === undefined || typeof event.type !== 'string' || !NAMES_CONTENT.has(event.type)) return;
    const data = event.data ?? {};
    const line = i + 1;
    if (event.type === 'exported') {
      exports.push({ exhibit, line, bundleId: data.bundleId, number: data.exhibit, tagManifestSha256: data.tagManifestSha256 });
      if (input.bundleId !== null && typeof data.bundleId === 'string' && data.bundleId.toLowerCase() === input.bundleId.toLowerCase()) {
        differ(line, `("exported") names this bundle (${input.bundleId}), but a bundle's own export is logged only after it is sealed and cannot be inside it`);
      }
    }
    if (input.manifestSha256 !== null && data.sha256 !== input.manifestSha256) {
      differ(line, `("${event.type}") names the content ${show(String(data.sha256))}, but the bundle's file has SHA-256 ${input.manifestSha256}`);
    }
    if (event.type !== 'exported' && input.payloadSize !== null && data.size !== input.payloadSize) {
      differ(line, `("${event.type}") records a size of ${String(data.size)} bytes, but the bundle's file has ${input.payloadSize}`);
    }
  });
  const first = view(lines[0])?.event?.data;
  if (first === undefined) return exports;
  const listedName = input.listed?.originalName ?? null;
  if (listedName !== null && typeof first.originalName === 'string' && first.originalName !== listedName) {
    problems.push(problem('EXHIBIT_FACT_MISMATCH', `exhibits.json gives ${exhibit}'s original name as ${show(listedName)}, but its custody log records ${show(first.originalName)} as acquired.`, { path, exhibit, line: 1 }));
  }
  if (input.payloadSize !== null && typeof first.size === 'number' && first.size !== input.payloadSize) {
    differ(1, `("acquired") records a size of ${first.size} bytes, but the bundle's file has ${input.payloadSize}`);
  }
  // Legacy hashes may have been switched on after the first acquisition: any acquisition's record will do.
  const acquisitions = lines.map((text) => view(text)?.event).filter((e) => e?.type === 'acquired' || e?.type === 're-acquired');
  for (const [name, label] of [['sha1', 'SHA-1'], ['md5', 'MD5']] as const) {
    const listed = input.listed?.[name] ?? null;
    const recorded = acquisitions.map((e) => e?.data?.[name]).filter((v): v is string => typeof v === 'string');
    if (listed !== null && !recorded.includes(listed)) {
      const said = recorded.length === 0 ? 'no acquisition recorded one' : `its acquisitions recorded ${recorded.map(show).join(', ')}`;
      problems.push(problem('EXHIBIT_FACT_MISMATCH', `exhibits.json gives ${exhibit}'s ${label} as ${show(listed)}, but ${said}.`, { path, exhibit, line: 1 }));
    }
  }
  return exports;
}

/** A line as loosely parsed JSON: the chain verifier has judged it already; this only picks fields. */
function view(line: string | undefined): RecordView | null {
  try {
    const value: unknown = JSON.parse(line ?? '');
    return typeof value === 'object' && value !== null ? (value as RecordView) : null;
  } catch {
    return null;
  }
}

export function checkCustody(input: CustodyInput, problems: VerifyProblem[]): CustodyOutcome {
  const { exhibit, path } = input;
  const decoded = decodeTagText(input.bytes);
  if (!decoded.ok) {
    problems.push(problem('CUSTODY_MALFORMED', `The custody log of ${exhibit} (${path}) cannot be read: ${decoded.reason}.`, { path, exhibit }));
    return { events: 0, withheld: 0, chain: null, head: null, exports: [], received: false, operators: [], operatorsOmitted: 0 };
  }
  const text = decoded.text;
  const options = input.itemId === null ? {} : { chain: input.itemId };
  for (const found of verifyJsonl(text, input.publicKey ?? new Uint8Array(32), options)) {
    if (input.publicKey === null && found.code === 'BAD_SIGNATURE') continue;
    problems.push(problem(`CUSTODY_${found.code}`, found.message, found.line === undefined ? { path, exhibit } : { path, exhibit, line: found.line }));
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const first = view(lines[0])?.event;
  const lastHash = view(lines.at(-1))?.hash;
  const withheld = lines.filter((line) => view(line)?.withheld !== undefined).length;
  const outcome = { events: lines.length, withheld, chain: typeof first?.chain === 'string' ? first.chain : null, head: typeof lastHash === 'string' ? lastHash : null };
  const sha256 = first?.data?.sha256;
  if (first?.type === 'acquired' && input.manifestSha256 !== null) {
    if (typeof sha256 !== 'string') {
      problems.push(problem('ACQUIRED_HASH_MISMATCH', `The "acquired" event of ${exhibit} records no SHA-256, so nothing ties its custody to the file.`, { path, exhibit, line: 1 }));
    } else if (sha256 !== input.manifestSha256) {
      problems.push(
        problem(
          'ACQUIRED_HASH_MISMATCH',
          `The custody log of ${exhibit} says ${show(sha256)} was acquired, but the bundle's file has SHA-256 ${input.manifestSha256}: the custody is of another file.`,
          { path, exhibit, line: 1 },
        ),
      );
    }
  }
  const acted = lines.flatMap((line) => {
    const event = view(line)?.event;
    return typeof event?.type === 'string' && typeof event.actor === 'string' ? [{ type: event.type, actor: event.actor }] : [];
  });
  const { groups, omitted } = actsByOperator(acted);
  const received = lines.some((line) => view(line)?.event?.type === 'received');
  return { ...outcome, exports: checkFacts(input, lines, problems), received, operators: groups, operatorsOmitted: omitted };
}
