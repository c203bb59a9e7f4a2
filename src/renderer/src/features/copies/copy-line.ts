/**
 * Which copy the status bar speaks of. With several replicas it names the one whose last
 * finished copy is the oldest (a replica never copied to first): the line exists to say
 * what a seizure today would cost, and the newest copy would claim more safety than the
 * weakest replica holds. The number of replicas is said beside it. A push that is running
 * is said instead, with its percentage of bytes. Only finished pushes count as copies: a
 * replica's last manifest is recorded when a push completes, never when one fails.
 */
import type { ReplicaProgress, ReplicaStatus } from '../../../../shared/replica';

export interface RunningPush {
  /** The replica being sent to now; null before the engine has said which. */
  readonly replica: string | null;
  readonly progress: ReplicaProgress | null;
}

export type CopyLine =
  | { readonly kind: 'none' }
  | { readonly kind: 'running'; readonly replica: string | null; readonly percent: number | null }
  | { readonly kind: 'never'; readonly name: string; readonly replicas: number }
  | { readonly kind: 'copied'; readonly name: string; readonly at: string; readonly waiting: number; readonly replicas: number };

/** Whole percent of the bytes sent; null while there is nothing yet to count (the snapshot). */
export function pushPercent(progress: ReplicaProgress | null): number | null {
  if (progress === null || progress.phase === 'snapshot' || progress.bytesTotal <= 0) return null;
  return Math.min(100, Math.floor((100 * progress.bytesDone) / progress.bytesTotal));
}

/** Null while the list is not known yet: the bar says nothing rather than something false. */
export function chooseCopyLine(replicas: readonly ReplicaStatus[] | null, running: RunningPush | null): CopyLine | null {
  if (running !== null) return { kind: 'running', replica: running.replica, percent: pushPercent(running.progress) };
  if (replicas === null) return null;
  if (replicas.length === 0) return { kind: 'none' };
  const never = replicas.find((r) => r.lastManifest === null);
  if (never !== undefined) return { kind: 'never', name: never.name, replicas: replicas.length };
  let oldest = replicas[0] as ReplicaStatus;
  for (const r of replicas) if (Date.parse(r.lastManifest?.pushedAt ?? '') < Date.parse(oldest.lastManifest?.pushedAt ?? '')) oldest = r;
  return { kind: 'copied', name: oldest.name, at: oldest.lastManifest?.pushedAt ?? '', waiting: oldest.pendingItems, replicas: replicas.length };
}
