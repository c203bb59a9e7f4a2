/**
 * "Save a copy of the original…" for the shell: the person chooses where in a save dialog,
 * then the engine's own extract writes it (extractItem: byte-exact, checked against the
 * item's SHA-256, an `extracted` custody event naming where it went). Electron-free, so
 * the main process (with the system dialog) and the end-to-end harness (with the test's
 * answer) do the same thing.
 */
import { basename } from 'node:path';
import { TamgaError, type Result } from '../../shared/errors';
import type { ExtractRequest, ExtractResult } from '../../shared/items';
import type { SaveOriginalRequest } from '../../shared/shell';

export interface SaveOriginalDeps {
  /** The save dialog: the chosen path, or null when the person cancelled. */
  readonly chooseSavePath: (request: { readonly title: string; readonly defaultName: string }) => Promise<string | null>;
  /** The engine's extractItem. */
  readonly extract: (request: ExtractRequest) => Promise<Result<ExtractResult>>;
}

export async function saveOriginalCopy(request: SaveOriginalRequest, deps: SaveOriginalDeps): Promise<ExtractResult | null> {
  // Only a name is suggested (never a folder the window picked): a path from evidence goes nowhere.
  const defaultName = basename(request.name.replaceAll('\\', '/')) || 'original';
  const outPath = await deps.chooseSavePath({ title: request.title, defaultName });
  if (outPath === null) return null;
  const result = await deps.extract({ item: request.item, outPath });
  if (!result.ok) throw TamgaError.fromData(result.error);
  return result.value;
}
