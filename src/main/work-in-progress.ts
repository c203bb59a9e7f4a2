/**
 * Long work the window started (an import, an export, a verify, a replica push, check or restore), followed from the calls
 * themselves, not from progress events, so that work which fails or is cancelled without
 * a last event still counts as ended. While any runs the system is kept awake; an import
 * or an export also holds back the idle auto-lock (auto-lock.ts). Free of Electron: the
 * keep-awake switch is injected (powerSaveBlocker in the app).
 */
import type { ApiMethod } from '../shared/api';

/**
 * Calls that run long enough for the machine to sleep under them. A restore runs before any
 * vault is unlocked, so it only keeps the machine awake.
 */
const LONG: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['importFiles', 'exportBundle', 'verifyBundle', 'pushReplicas', 'verifyReplica', 'restoreReplica']);
/**
 * The long calls a lock would abort: they need the vault's keys to the end (a push snapshots
 * the index and signs its manifest; a replica check with the vault decrypts what it reads).
 */
const NEEDS_KEYS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['importFiles', 'exportBundle', 'pushReplicas', 'verifyReplica']);

export interface WorkInProgressOptions {
  /** Called with true when the first long call starts and false when the last one ends. */
  readonly keepAwake: (awake: boolean) => void;
  /** Called after each long call that needs the keys ends. */
  readonly onKeyWorkEnded?: () => void;
}

export class WorkInProgress {
  private readonly running = new Map<ApiMethod, number>();

  constructor(private readonly options: WorkInProgressOptions) {}

  /** Runs `call`, counting it as long work when `method` is one. */
  async track<T>(method: ApiMethod, call: () => Promise<T>): Promise<T> {
    if (!LONG.has(method)) return call();
    this.change(method, +1);
    try {
      return await call();
    } finally {
      this.change(method, -1);
      if (NEEDS_KEYS.has(method)) this.options.onKeyWorkEnded?.();
    }
  }

  /** An import, an export, a replica push or a replica check with the vault runs. */
  get needsKeys(): boolean {
    return [...NEEDS_KEYS].some((m) => (this.running.get(m) ?? 0) > 0);
  }

  private change(method: ApiMethod, by: 1 | -1): void {
    const before = this.total();
    this.running.set(method, (this.running.get(method) ?? 0) + by);
    const after = this.total();
    if (before === 0 && after > 0) this.options.keepAwake(true);
    if (before > 0 && after === 0) this.options.keepAwake(false);
  }

  private total(): number {
    let sum = 0;
    for (const n of this.running.values()) sum += n;
    return sum;
  }
}
