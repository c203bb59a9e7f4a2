/**
 * Which copy the status bar speaks of. With several replicas it names the one whose last
 * finished copy is the oldest (a replica never copied to first): the line exists to say
 * what a seizure today would cost, and the newest copy would claim more safety than the
 * weakest replica holds. The number of replicas is said beside it. A push that is running
 * is said instead, with its percentage of bytes. Only finished pushes count as copies: a
 * replica's last manifest is recorded when a push completes, never when one fails. A push
 * that failed, and a check (this session) that found a copy damaged, are said before any
 * "Copied to …": the record of what was sent is not a claim that the copy is whole.
 */
import type { ReplicaProgress, ReplicaStatus } from '../../../../shared/replica';
import type { Copies } from './useCopies';

export interface RunningPush {
  /** The replica being sent to now; null before the engine has said which. */
  readonly replica: string | null;
  readonly progress: ReplicaProgress | null;
}

export type CopyLine =
  | { readonly kind: 'none' }
  /** The last push failed (to this replica, or to some when null); what it sent stays, no copy is claimed. */
  | { readonly kind: 'pushFailed'; readonly replica: string | null }
  /** The last check of this replica found problems. */
  | { readonly kind: 'damaged'; readonly name: string }
  | { readonly kind: 'running'; readonly replica: string | null; readonly percent: number | null }
  | { readonly kind: 'never'; readonly name: string; readonly replicas: number }
  | { readonly kind: 'copied'; readonly name: string; readonly at: string; readonly waiting: number; readonly replicas: number };

/** Whole percent of the bytes sent; null while there is nothing yet to count (the snapshot). */
export function pushPercent(progress: ReplicaProgress | null): number | null {
  if (progress === null || progress.phase === 'snapshot' || progress.bytesTotal <= 0) return null;
  return Math.min(100, Math.floor((100 * progress.bytesDone) / progress.bytesTotal));
}

/** Null while the list is not known yet: the bar says nothing rather than something false. */
export interface CopyTroubles {
  /** The replica the last push failed on (null: a push to every replica failed somewhere); undefined when it did not fail. */
  readonly pushFailed?: string | null;
  /** Replicas whose last check found problems. */
  readonly damaged?: ReadonlySet<string>;
}

export function chooseCopyLine(replicas: readonly ReplicaStatus[] | null, running: RunningPush | null, troubles: CopyTroubles = {}): CopyLine | null {
  if (running !== null) return { kind: 'running', replica: running.replica, percent: pushPercent(running.progress) };
  if (troubles.pushFailed !== undefined) return { kind: 'pushFailed', replica: troubles.pushFailed };
  if (replicas === null) return null;
  if (replicas.length === 0) return { kind: 'none' };
  const damaged = replicas.find((r) => troubles.damaged?.has(r.name) === true);
  if (damaged !== undefined) return { kind: 'damaged', name: damaged.name };
  const never = replicas.find((r) => r.lastManifest === null);
  if (never !== undefined) return { kind: 'never', name: never.name, replicas: replicas.length };
  let oldest = replicas[0] as ReplicaStatus;
  for (const r of replicas) if (Date.parse(r.lastManifest?.pushedAt ?? '') < Date.parse(oldest.lastManifest?.pushedAt ?? '')) oldest = r;
  return { kind: 'copied', name: oldest.name, at: oldest.lastManifest?.pushedAt ?? '', waiting: oldest.pendingItems, replicas: replicas.length };
}

/** What the status bar must say before "Copied to …": a push that failed (not one refused as BUSY), copies a check found damaged. */
export function copyTroubles(copies: Pick<Copies, 'outcome' | 'damaged'>): CopyTroubles {
  const failed = copies.outcome?.kind === 'failed' && !copies.outcome.refused ? copies.outcome : null;
  return failed === null ? { damaged: copies.damaged } : { pushFailed: failed.replica, damaged: copies.damaged };
}
