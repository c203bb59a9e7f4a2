/**
 * One ExifTool process (exiftool-vendored: ExifTool 13 in `-stay_open` batch mode) shared by
 * every file of one import run, and ended with it. ExifTool is Tamga's reader of last resort
 * (see fallback.ts): a Perl program fed hostile files, so it runs out of process under the
 * same time limit as each ffmpeg run (FFMPEG_TIME_LIMIT_MS: a file that takes longer gets
 * its process killed and a sentence saying so), at the lowest CPU priority, with an
 * environment of its own (no proxy settings, no locale surprises) and the root folder as
 * its working folder, as ffmpeg.
 *
 * It is started on the first file that needs it, never before: an import of JPEGs, HEICs and
 * MP4s that Tamga reads fully starts no Perl at all. If it cannot start (no Perl, a missing
 * or broken program, killed, too slow to start) the session says why once and every later
 * file gets that reason at once instead of another attempt: the import goes on and archives
 * every file regardless.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants as osConstants, setPriority } from 'node:os';
import { parse } from 'node:path';
import { ExifTool, type Tags } from 'exiftool-vendored';
import { FFMPEG_TIME_LIMIT_MS, MAX_EMBEDDED_PREVIEW_BYTES, VIDEO_TOTAL_TIME_LIMIT_MS } from '../../thumbnails/limits';
import { describeError } from '../problems';

/** Why ExifTool gave nothing for a file. */
export type ExifToolFailure =
  | { readonly reason: 'disabled' }
  | { readonly reason: 'cannot-start'; readonly detail: string }
  | { readonly reason: 'timed-out' }
  | { readonly reason: 'failed'; readonly detail: string };

export type ExifToolRead = { readonly ok: true; readonly version: string; readonly tags: Readonly<Record<string, unknown>> } | ({ readonly ok: false } & ExifToolFailure);

export interface ExifToolSessionOptions {
  /**
   * The ExifTool program to run instead of the bundled one (tests point it at something that
   * fails to start); `false` turns the fallback off. Default: exiftool-vendored's own
   * (exiftool-vendored.pl run by the system Perl on Linux and macOS, the bundled .exe on Windows).
   */
  readonly exiftoolPath?: string | false;
  /** One file's limit; default FFMPEG_TIME_LIMIT_MS, the limit of one ffmpeg run. */
  readonly timeLimitMs?: number;
}

/**
 * The arguments of the kept JSON: every tag (`-a` would repeat keys within a group, which
 * JSON cannot hold), each under its group (`-G`, "EXIF:Make"), numbers as numbers (`-n`: signed
 * decimal degrees, pixel counts, Orientation 1–8), structures as JSON objects, unknown tags too
 * (`-u`). `-fast` is not given: ExifTool reads the whole file where a format needs it.
 */
export const EXIFTOOL_READ_ARGS: readonly string[] = ['-G', '-n', '-struct', '-u'];

/** The embedded pictures a raw file may carry, largest first as cameras usually write them. */
const PREVIEW_TAGS = ['JpgFromRaw', 'PreviewImage', 'OtherImage', 'ThumbnailImage'] as const;

/** ExifTool's environment: nothing inherited but what Perl needs to be found and run. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { no_proxy: '*', LC_ALL: 'C', LANG: 'C' };
  for (const name of ['PATH', 'SystemRoot', 'TEMP', 'TMP']) if (process.env[name] !== undefined) env[name] = process.env[name];
  return env;
}

/**
 * Starts the process and settles only once it has started or failed to: exiftool-vendored's
 * own spawn leaves a failed start (ENOENT) as an unhandled 'error' event, which would end the
 * whole engine.
 */
function startProcess(command: string, args: readonly string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'pipe', shell: false, detached: false, env: childEnv(), cwd: parse(process.cwd()).root, windowsHide: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.removeListener('error', reject);
      // Later errors (a pipe closing) belong to batch-cluster, which ends the process; never fatal here.
      child.on('error', () => undefined);
      try {
        if (child.pid !== undefined) setPriority(child.pid, osConstants.priority.PRIORITY_LOW);
      } catch {
        // Not fatal: some systems refuse priority changes.
      }
      resolve(child);
    });
  });
}

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T | 'timed-out'> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export class ExifToolSession {
  private tool: ExifTool | null = null;
  private started: Promise<ExifToolFailure | { version: string }> | null = null;
  private ended = false;
  private readonly timeLimitMs: number;

  constructor(private readonly options: ExifToolSessionOptions = {}) {
    this.timeLimitMs = options.timeLimitMs ?? FFMPEG_TIME_LIMIT_MS;
  }

  /** True once a process has been asked for (tests: ExifTool was or was not used). */
  get wasStarted(): boolean {
    return this.started !== null;
  }

  /** The process ids of the ExifTool processes still running (tests: none may outlive the run). */
  get pids(): number[] {
    return this.tool?.pids ?? [];
  }

  private start(): Promise<ExifToolFailure | { version: string }> {
    if (this.started) return this.started;
    this.started = (async (): Promise<ExifToolFailure | { version: string }> => {
      if (this.options.exiftoolPath === false || this.ended) return { reason: 'disabled' };
      const path = this.options.exiftoolPath;
      const tool: ExifTool = new ExifTool({
        maxProcs: 1,
        maxTasksPerProcess: 10_000,
        taskTimeoutMillis: this.timeLimitMs,
        spawnTimeoutMillis: this.timeLimitMs,
        taskRetries: 0,
        geolocation: false,
        ...(path !== undefined ? { exiftoolPath: path } : {}),
        // exiftool-vendored's own factory, but settling on start or failure (see startProcess).
        processFactory: async (): Promise<ChildProcess> => {
          const script: string = await tool.exiftoolPath();
          const viaPerl: boolean = tool.options.ignoreShebang;
          return viaPerl ? startProcess('perl', [script, ...tool.options.exiftoolArgs]) : startProcess(script, tool.options.exiftoolArgs);
        },
      });
      this.tool = tool;
      // A start that fails (no program, no Perl, a program that exits at once) is said at
      // once: batch-cluster would otherwise keep retrying it until the time limit.
      let onStartError: (err: Error) => void = () => undefined;
      const startError = new Promise<ExifToolFailure>((resolve) => {
        onStartError = (err: Error) => resolve({ reason: 'cannot-start', detail: describeError(err) });
        tool.on('startError', onStartError);
      });
      try {
        const answer = await withTimeLimit(Promise.race([tool.version().then((version) => ({ version })), startError]), this.timeLimitMs);
        if (answer === 'timed-out') return { reason: 'cannot-start', detail: `it did not answer within ${this.timeLimitMs / 1000} s` };
        if ('reason' in answer) await tool.end(false).catch(() => undefined);
        return answer;
      } catch (err) {
        return { reason: 'cannot-start', detail: describeError(err) };
      } finally {
        tool.off('startError', onStartError);
      }
    })();
    return this.started;
  }

  /** Every tag ExifTool reads from the file at `path`, as plain JSON values. */
  async read(path: string): Promise<ExifToolRead> {
    const started = await this.start();
    if ('reason' in started) return { ok: false, ...started };
    const tool = this.tool as ExifTool;
    try {
      const tags = await withTimeLimit(tool.readRaw<Tags>(path, { readArgs: [...EXIFTOOL_READ_ARGS] }), this.timeLimitMs + 1000);
      if (tags === 'timed-out') return { ok: false, reason: 'timed-out' };
      return { ok: true, version: started.version, tags: tags as unknown as Record<string, unknown> };
    } catch (err) {
      const detail = describeError(err);
      if (/timed? ?out|timeout/i.test(detail)) return { ok: false, reason: 'timed-out' };
      return { ok: false, reason: 'failed', detail };
    }
  }

  /**
   * The largest embedded picture of a raw file (JpgFromRaw, PreviewImage, OtherImage,
   * ThumbnailImage, whichever the file has), or null when it has none ExifTool can hand out.
   * All attempts together get the limit of all ffmpeg attempts for one video's poster.
   */
  async preview(path: string, tags: Readonly<Record<string, unknown>>): Promise<Buffer | null> {
    const started = await this.start();
    if ('reason' in started) return null;
    const tool = this.tool as ExifTool;
    const deadline = Date.now() + Math.max(this.timeLimitMs, VIDEO_TOTAL_TIME_LIMIT_MS);
    for (const tag of PREVIEW_TAGS) {
      if (!Object.keys(tags).some((key) => key.endsWith(`:${tag}`))) continue;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      try {
        const bytes = await withTimeLimit(tool.extractBinaryTagToBuffer(tag, path), Math.min(left, this.timeLimitMs + 1000));
        if (bytes === 'timed-out') return null;
        if (bytes.length > 0 && bytes.length <= MAX_EMBEDDED_PREVIEW_BYTES) return bytes;
      } catch {
        // This one is not there or not readable: try the next, smaller one.
      }
    }
    return null;
  }

  /**
   * Ends the process (if one was started) and waits for it to exit. `now`: kill it without
   * waiting for a file it is reading (a cancelled or locked import must not wait on it).
   */
  async end(now = false): Promise<void> {
    this.ended = true;
    const tool = this.tool;
    if (tool === null) return;
    if (!now) await this.started?.catch(() => undefined);
    await tool.end(!now).catch(() => tool.end(false));
  }
}
