/**
 * What the main process does with one shell call from the window (a dialog, media URLs):
 * refuse untrusted senders, check the argument's shape, run the handler, and answer with
 * a Result whatever happens. Electron-free, so the end-to-end harness answers the same
 * channels with the same checks (its dialogs answered by the test instead).
 */
import type { Result, TamgaErrorData } from '../../shared/errors';
import type { ChooseRequest, SaveOriginalRequest, ShellApi, ShellMethod } from '../../shared/shell';
import { toErrorData } from '../error-data';

export type ShellHandlers = { readonly [M in ShellMethod]: (arg: Parameters<ShellApi[M]>[0]) => ReturnType<ShellApi[M]> | Awaited<ReturnType<ShellApi[M]>> };

const MAX_TITLE = 200;
/** An original's name as the import kept it (file systems allow 255 bytes). */
const MAX_NAME = 1024;

function isChooseRequest(value: unknown, withFolders: boolean): value is ChooseRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { title, folders } = value as Record<string, unknown>;
  return typeof title === 'string' && title.length <= MAX_TITLE && (!withFolders || typeof folders === 'boolean');
}

function isSaveOriginalRequest(value: unknown): value is SaveOriginalRequest {
  if (!isChooseRequest(value, false)) return false;
  const { item, name } = value as unknown as Record<string, unknown>;
  return typeof item === 'string' && item.length <= MAX_TITLE && typeof name === 'string' && name.length <= MAX_NAME;
}

function fitsMethod(method: ShellMethod, arg: unknown): boolean {
  switch (method) {
    case 'mediaUrls':
      return Array.isArray(arg);
    case 'saveOriginalCopy':
      return isSaveOriginalRequest(arg);
    default:
      return isChooseRequest(arg, method === 'chooseImportSources');
  }
}

/** Null when `args` fit the method; else why not. The media refs themselves are checked by the media service. */
export function shellArgumentProblem(method: ShellMethod, args: readonly unknown[]): TamgaErrorData | null {
  const [arg] = args;
  const fits = args.length === 1 && fitsMethod(method, arg);
  return fits ? null : { code: 'INVALID_ARGUMENT', message: `${method} was called with the wrong argument.` };
}

export async function answerShellCall(method: ShellMethod, args: readonly unknown[], trustedSender: boolean, handlers: ShellHandlers): Promise<Result<unknown>> {
  if (!trustedSender) return { ok: false, error: { code: 'PERMISSION_DENIED', message: 'Only the Tamga window may use the shell.' } };
  const problem = shellArgumentProblem(method, args);
  if (problem !== null) return { ok: false, error: problem };
  try {
    const handler = handlers[method] as (arg: unknown) => unknown;
    return { ok: true, value: await handler(args[0]) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
