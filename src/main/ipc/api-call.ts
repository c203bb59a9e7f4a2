/**
 * What the main process does with one call from the window, before and after the
 * engine: refuse untrusted senders, check the argument's shape, forward to the engine,
 * and answer with a Result whatever happens. The IPC wiring (register-api.ts) is a
 * one-liner over this; keeping Electron out of this file lets a unit test drive it.
 *
 * The checks are deliberately shallow: the shape the contract promises (a string, a
 * plain object, a list of strings, or nothing). The engine validates the contents, with
 * the same codes.
 */
import type { ApiMethod, TamgaApi } from '../../shared/api';
import type { Result, TamgaErrorData } from '../../shared/errors';
import { toErrorData } from '../error-data';

export type CallEngine = (method: ApiMethod, arg: unknown) => Promise<Result<unknown>>;

type ArgumentShape = 'none' | 'string' | 'optionalString' | 'strings' | 'object' | 'objectOrNull';

/** The shape each method's one argument has, derived from the contract's own types. */
type ShapeOf<M extends ApiMethod> = Parameters<TamgaApi[M]> extends []
  ? 'none'
  : Parameters<TamgaApi[M]>[0] extends string
    ? 'string'
    : Parameters<TamgaApi[M]>[0] extends string | undefined
      ? 'optionalString'
    : Parameters<TamgaApi[M]>[0] extends readonly string[]
      ? 'strings'
      : null extends Parameters<TamgaApi[M]>[0]
        ? 'objectOrNull'
        : 'object';

/** Fails to compile when a method is added, or its parameter changes kind, and this is not updated. */
export const ARGUMENT_SHAPES: { readonly [M in ApiMethod]: ShapeOf<M> } = {
  inspectVault: 'string',
  createVault: 'object',
  unlockVault: 'object',
  lockVault: 'none',
  vaultInfo: 'none',
  changePassphrase: 'object',
  createRecoveryKey: 'object',
  removeRecoveryKey: 'none',
  writeRecoveryPage: 'object',
  recoverVault: 'object',
  importFiles: 'object',
  cancelImport: 'none',
  listItems: 'none',
  getItem: 'string',
  extractItem: 'object',
  auditVault: 'none',
  exportBundle: 'object',
  verifyBundle: 'object',
  cancelVerify: 'none',
  receiveBundle: 'object',
  cancelExport: 'none',
  readMedia: 'object',
  getSettings: 'none',
  updateSettings: 'object',
  listKnownSenders: 'none',
  addKnownSender: 'object',
  removeKnownSender: 'string',
  getOperator: 'none',
  setOperator: 'objectOrNull',
  searchItems: 'object',
  findByFile: 'string',
  itemsMatching: 'object',
  previewExport: 'object',
  takeInterruptedWork: 'none',
  makeVideoPreview: 'string',
  getItemDescription: 'string',
  describeItems: 'object',
  makeCheckpoint: 'none',
  revealPrivateField: 'object',
  tagItems: 'object',
  untagItems: 'object',
  countSelection: 'object',
  tagSelection: 'object',
  untagSelection: 'object',
  listTags: 'none',
  createCase: 'object',
  updateCase: 'object',
  listCases: 'none',
  addToCase: 'object',
  removeFromCase: 'object',
  timestampStatus: 'none',
  setTimestampServers: 'strings',
  getTimestamps: 'none',
  addReplica: 'object',
  listReplicas: 'none',
  removeReplica: 'string',
  pushReplicas: 'optionalString',
  cancelReplicaPush: 'none',
  verifyReplica: 'object',
  restoreReplica: 'object',
  finishRestore: 'object',
  finishRestoreWithRecovery: 'object',
};

function isPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function hasShape(value: unknown, shape: ArgumentShape): boolean {
  switch (shape) {
    case 'none':
      return value === undefined;
    case 'string':
      return typeof value === 'string';
    case 'optionalString':
      return value === undefined || typeof value === 'string';
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'object':
      return isPlainObject(value);
    case 'objectOrNull':
      return value === null || isPlainObject(value);
  }
}

/** Null when `args` (everything the window sent after the event) fits the method; else why not. */
export function argumentProblem(method: ApiMethod, args: readonly unknown[]): TamgaErrorData | null {
  const shape: ArgumentShape = ARGUMENT_SHAPES[method];
  if (args.length > 1 || !hasShape(args[0], shape)) {
    const expected = { none: 'no argument', string: 'one string', optionalString: 'one string or nothing', strings: 'one list of strings', object: 'one object', objectOrNull: 'one object or null' }[shape];
    return { code: 'INVALID_ARGUMENT', message: `${method} takes ${expected}.` };
  }
  return null;
}

const UNTRUSTED_SENDER: TamgaErrorData = {
  code: 'PERMISSION_DENIED',
  message: 'Only the Tamga window may call the engine.',
};

/** Never rejects and never throws: across IPC, every outcome is a Result. */
export async function answerApiCall(
  method: ApiMethod,
  args: readonly unknown[],
  trustedSender: boolean,
  callEngine: CallEngine,
): Promise<Result<unknown>> {
  if (!trustedSender) return { ok: false, error: UNTRUSTED_SENDER };
  const problem = argumentProblem(method, args);
  if (problem !== null) return { ok: false, error: problem };
  try {
    return await callEngine(method, args[0]);
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}
