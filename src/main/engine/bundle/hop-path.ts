/**
 * An exhibit's path through vaults in plain words, for the exhibit list and `tamga
 * verify`: "captured 2021-01-10 08:14 (exif); imported by A. Sultanova into vault 7c05a1b2…
 * on 11 Jan 2021; sealed by 7c05a1b2… on 12 Jan 2021; received and checked by
 * M. Dzhaksybekov (vault 3f9a0c1d…) on 14 Jan 2021; sealed by 3f9a0c1d… on 2 Feb 2021".
 * Built from the hops' custody files and bag-info and the bundle's own chain; it says what
 * those records state (operators are their own statements), never more.
 */
import { splitActor } from '../../../shared/operator';

export interface PathEvent {
  readonly seq: number;
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  /** For `received`: the verdict the receiving vault recorded, and the problems it accepted. */
  readonly verdict?: string;
  readonly problems?: readonly string[];
}

export interface PathHop {
  readonly hop: number;
  /** Tamga-Signer and Tamga-Sealed-At of that hop's bundle. */
  readonly vaultId: string | null;
  readonly sealedAt: string | null;
  readonly events: readonly PathEvent[];
  /** Where the `received` event that links to this hop is: null for the bundle's own chain, else hop n. */
  readonly receivedIn: number | null;
  readonly receivedSeq: number;
}

export interface PathOwn {
  readonly vaultId: string | null;
  readonly sealedAt: string | null;
  readonly events: readonly PathEvent[];
}

/** The capture as the path states it: "2021-01-10 08:14:00 (exif)" (the camera's clock, else the instant; the source); null without a time. */
export function captureWords(local: string | null | undefined, utc: string | null | undefined, source: string | null | undefined): string | null {
  const when = local ?? utc ?? null;
  return when === null ? null : `${when.replace('T', ' ')}${source == null ? '' : ` (${source})`}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "11 Jan 2021" (UTC), or "an unknown day" for a time that cannot be read. */
export function dayText(iso: string | null): string {
  const m = iso === null ? null : /^(\d{4})-(\d{2})-(\d{2})T/u.exec(iso);
  if (m === null) return 'an unknown day';
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? '?'} ${m[1]}`;
}

/** A vault id shortened to its first 8 digits, as people compare them. */
export function shortVault(id: string | null): string {
  return id === null ? 'an unnamed vault' : `${id.slice(0, 8)}…`;
}

function by(actor: string): string {
  const { operator } = splitActor(actor);
  return operator === null ? '' : ` by ${operator}`;
}

export function custodyPathText(capture: string | null, hops: readonly PathHop[], own: PathOwn): string {
  const parts: string[] = [];
  if (capture !== null) parts.push(`captured ${capture}`);
  const chainOf = (n: number | null): { vaultId: string | null; events: readonly PathEvent[] } | undefined => (n === null ? own : hops.find((h) => h.hop === n));
  // A hop whose own chain links to no earlier hop is where the exhibit entered Tamga.
  const fed = new Set(hops.map((h) => h.receivedIn));
  for (const hop of hops) {
    if (!fed.has(hop.hop)) {
      const first = hop.events[0];
      if (first !== undefined && first.type === 'acquired') parts.push(`imported${by(first.actor)} into vault ${shortVault(hop.vaultId)} on ${dayText(first.at)}`);
    }
    parts.push(`sealed by ${shortVault(hop.vaultId)} on ${dayText(hop.sealedAt)}`);
    const into = chainOf(hop.receivedIn);
    const received = into?.events.find((e) => e.seq === hop.receivedSeq);
    if (received !== undefined) {
      const { operator } = splitActor(received.actor);
      const vault = `(vault ${shortVault(into?.vaultId ?? null)}) on ${dayText(received.at)}`;
      // Only a bundle that passed was "checked"; one received with its problems accepted says which.
      if (received.verdict === 'valid') parts.push(`received and checked${operator === null ? '' : ` by ${operator}`} ${vault}`);
      else parts.push(`received${operator === null ? '' : ` by ${operator}`} ${vault} although its check found problems (${received.verdict ?? 'no verdict recorded'}${received.problems === undefined || received.problems.length === 0 ? '' : `: ${received.problems.join(', ')}`})`);
    }
  }
  parts.push(`sealed by ${shortVault(own.vaultId)} on ${dayText(own.sealedAt)}`);
  return parts.join('; ');
}

/** The label values of a bag-info.txt (first of each), read leniently: the hop's own check judges the file. */
export function bagInfoValue(bytes: Uint8Array | undefined, label: string): string | null {
  if (bytes === undefined) return null;
  for (const line of Buffer.from(bytes).toString('utf8').split('\n')) if (line.startsWith(`${label}: `)) return line.slice(label.length + 2);
  return null;
}

/** The events of a custody file (JSONL) that can be read, in order; withheld records and broken lines are skipped. */
export function pathEvents(jsonl: Uint8Array | undefined): PathEvent[] {
  if (jsonl === undefined) return [];
  const out: PathEvent[] = [];
  for (const line of Buffer.from(jsonl).toString('utf8').split('\n')) {
    if (line === '') continue;
    try {
      const e = (JSON.parse(line) as { event?: Partial<PathEvent> & { data?: { verdict?: unknown; problems?: unknown } } }).event;
      if (e !== undefined && typeof e.seq === 'number' && typeof e.type === 'string' && typeof e.at === 'string' && typeof e.actor === 'string') out.push({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, ...receivedFacts(e.data) });
    } catch {
      // not an event: the chain check reports it
    }
  }
  return out;
}

function receivedFacts(data: { verdict?: unknown; problems?: unknown } | undefined): Pick<PathEvent, 'verdict' | 'problems'> {
  const verdict = typeof data?.verdict === 'string' ? { verdict: data.verdict } : {};
  const problems = Array.isArray(data?.problems) ? { problems: data.problems.filter((p): p is string => typeof p === 'string') } : {};
  return { ...verdict, ...problems };
}

/** A hop folder's files (name → bytes) as the path needs them; null when its hop.json cannot be read. */
export function pathHop(hop: number, files: ReadonlyMap<string, Uint8Array>): PathHop | null {
  let descriptor: { receivedIn?: unknown; receivedSeq?: unknown };
  try {
    descriptor = JSON.parse(Buffer.from(files.get('hop.json') ?? []).toString('utf8')) as typeof descriptor;
  } catch {
    return null;
  }
  const { receivedIn, receivedSeq } = descriptor;
  if (!(receivedIn === null || (typeof receivedIn === 'number' && Number.isSafeInteger(receivedIn))) || typeof receivedSeq !== 'number') return null;
  const bagInfo = files.get('bag-info.txt');
  return { hop, vaultId: bagInfoValue(bagInfo, 'Tamga-Signer'), sealedAt: bagInfoValue(bagInfo, 'Tamga-Sealed-At'), events: pathEvents(files.get('custody.jsonl')), receivedIn, receivedSeq };
}
