/**
 * `tamga verify NEW --since OLD`: OLD is an earlier bundle (folder or zip) of the same
 * vault, or a checkpoint file (`tamga checkpoint --out`). Its checkpoint must verify with
 * NEW's seal key under NEW's vault origin (SINCE_INVALID otherwise), and NEW must prove
 * that the vault's log at OLD is a prefix of its log at NEW: the same size with the same
 * root, or a consistency line of NEW's proofs from OLD's size and root (checked already
 * by custody-log-check.ts). Anything else is LOG_FORK, naming both checkpoints: the same
 * size with another root, or a history in which the vault that made NEW never signed
 * OLD's checkpoint (a vault restored from an older copy, or rewritten, then exported).
 */
import { readFile, stat } from 'node:fs/promises';
import type { VerifyLimits, VerifyProblem, VerifySince } from '../../../../shared/bundle';
import { noteVerifier, openCheckpoint, type Checkpoint } from '../../custody/checkpoint';
import { CUSTODY_CHECKPOINT } from '../layout';
import { problem, ReadFailure, show } from './problems';
import { openBundleSource } from './source';

const MAX_CHECKPOINT_BYTES = 64 * 1024;

/** OLD's checkpoint bytes, or why there are none. */
async function oldCheckpoint(path: string, limits: VerifyLimits, signal: AbortSignal): Promise<Uint8Array | string> {
  const info = await stat(path).catch(() => null);
  if (info === null) return `there is nothing at ${show(path)}`;
  if (info.isFile() && info.size <= MAX_CHECKPOINT_BYTES) {
    const bytes = await readFile(path);
    // A checkpoint file is text; a zip starts with "PK".
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return bytes;
  }
  const opened = await openBundleSource(path, limits, signal);
  if (!opened.ok) return `${show(path)} is neither a checkpoint file nor a bundle Tamga can read`;
  try {
    if (!opened.source.files.has(CUSTODY_CHECKPOINT)) return `the bundle ${show(path)} carries no checkpoint (${CUSTODY_CHECKPOINT})`;
    const parts: Buffer[] = [];
    for await (const chunk of opened.source.read(CUSTODY_CHECKPOINT, signal)) parts.push(Buffer.from(chunk));
    return Buffer.concat(parts);
  } catch (error) {
    if (error instanceof ReadFailure) return error.problem.message;
    throw error;
  } finally {
    await opened.source.close();
  }
}

export interface SinceInput {
  readonly path: string;
  /** NEW's checkpoint, verified; null when NEW carries none (nothing to compare with). */
  readonly checkpoint: Checkpoint | null;
  /** NEW's earlier checkpoints proved consistent with it, size → root. */
  readonly earlier: ReadonlyMap<number, string>;
  readonly publicKey: Uint8Array | null;
}

export async function checkSince(input: SinceInput, limits: VerifyLimits, signal: AbortSignal, problems: VerifyProblem[]): Promise<VerifySince> {
  const invalid = (why: string): VerifySince => {
    problems.push(problem('SINCE_INVALID', `--since: ${why}, so nothing shows that this bundle's history only grew since.`));
    return { path: input.path, size: null, root: null, consistent: false };
  };
  const now = input.checkpoint;
  if (now === null || input.publicKey === null) return invalid('this bundle carries no checkpoint that verifies');
  const bytes = await oldCheckpoint(input.path, limits, signal);
  if (typeof bytes === 'string') return invalid(bytes);
  const opened = openCheckpoint(bytes, noteVerifier(now.origin, input.publicKey), { origin: now.origin });
  if (!opened.ok) return invalid(`${show(input.path)} holds no checkpoint of ${now.origin} signed by the key that sealed this bundle (${opened.message})`);
  const old = opened.checkpoint;
  const result = (consistent: boolean): VerifySince => ({ path: input.path, size: old.size, root: old.root, consistent });
  const both = `the earlier checkpoint (${show(input.path)}: ${old.size} events, root ${old.root}) and this bundle's (${now.size} events, root ${now.root})`;
  const fork = (why: string): VerifySince => {
    problems.push(problem('LOG_FORK', `A fork of the vault's custody log: ${why}. The two checkpoints: ${both}.`));
    return result(false);
  };
  if (old.size > now.size) return fork(`the earlier one holds more events than this one, so this bundle comes from a vault whose history lost events (or the two were given in the wrong order)`);
  if (old.size === now.size) return old.root === now.root ? result(true) : fork('both hold the same number of events with different roots');
  const proven = input.earlier.get(old.size);
  if (proven === old.root) return result(true);
  return fork(
    proven === undefined
      ? `the vault that made this bundle never signed a checkpoint of ${old.size} events, so its history is not the one the earlier checkpoint saw (a vault restored from an older copy, or rewritten, then exported)`
      : `this bundle proves a checkpoint of ${old.size} events with root ${proven}, not ${old.root}`,
  );
}
