/**
 * What the window asks of the desktop shell itself rather than of the engine: the
 * system's file dialogs and the URLs of media (opaque per-session tokens on the
 * `tamga-media:` scheme). The main process answers in Electron; the end-to-end harness
 * answers the same channels in the test process. Results cross as data, like the API's.
 */
import type { ApiMethod } from './api';
import type { ExtractResult } from './items';
import type { MediaRef } from './media';

export interface ChooseRequest {
  /** The dialog's title, already in the window's language. */
  readonly title: string;
}

export interface SaveOriginalRequest extends ChooseRequest {
  /** The item whose original is copied. */
  readonly item: string;
  /** The name the save dialog suggests (the item's original name). */
  readonly name: string;
}

export interface ShellApi {
  /** One folder (a vault, an export target); null when the person cancelled. */
  chooseFolder(request: ChooseRequest): Promise<string | null>;
  /** Files and folders to import; empty when the person cancelled. */
  chooseImportSources(request: ChooseRequest & { readonly folders: boolean }): Promise<string[]>;
  /**
   * "Save a copy of the original…": the system's save dialog, then the engine's extract
   * (byte-exact, checked against the SHA-256, an `extracted` custody event). The window
   * never names a path itself. Null when the person cancelled.
   */
  saveOriginalCopy(request: SaveOriginalRequest): Promise<ExtractResult | null>;
  /** A media URL per ref, in order; valid until the vault locks. VAULT_LOCKED when locked. */
  mediaUrls(refs: readonly MediaRef[]): Promise<string[]>;
}

export type ShellMethod = keyof ShellApi;

export const SHELL_METHODS = ['chooseFolder', 'chooseImportSources', 'saveOriginalCopy', 'mediaUrls'] as const satisfies readonly ShellMethod[];

type Missing = Exclude<ShellMethod, (typeof SHELL_METHODS)[number]>;
// If this line fails to compile, a ShellApi method is missing from SHELL_METHODS.
export const SHELL_METHODS_COMPLETE: Missing extends never ? true : never = true;

type Clash = Extract<ShellMethod, ApiMethod>;
// If this line fails to compile, a shell method has the name of an engine method.
export const SHELL_NAMES_DISTINCT: Clash extends never ? true : never = true;

/** The most media refs one mediaUrls call may name (a screenful of grid cells, many times over). */
export const MAX_MEDIA_REFS = 1000;

export function shellChannel(method: ShellMethod): `tamga-shell:${ShellMethod}` {
  return `tamga-shell:${method}`;
}

/** The one channel on which the main process sends engine events (ApiEvent) to the window. */
export const EVENT_CHANNEL = 'tamga-event';
