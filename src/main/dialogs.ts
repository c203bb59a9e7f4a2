/**
 * The system's file dialogs, for the shell contract: a folder (a vault, an export
 * target), files or folders to import, and where to save a copy of an original. Dialogs are modal to the Tamga window.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ChooseRequest } from '../shared/shell';

async function open(window: BrowserWindow | null, options: OpenDialogOptions): Promise<string[]> {
  const answer = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
  return answer.canceled ? [] : answer.filePaths;
}

export async function chooseFolder(window: BrowserWindow | null, request: ChooseRequest): Promise<string | null> {
  const [folder] = await open(window, { title: request.title, properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
  return folder ?? null;
}

export function chooseImportSources(window: BrowserWindow | null, request: ChooseRequest & { readonly folders: boolean }): Promise<string[]> {
  return open(window, { title: request.title, properties: [request.folders ? 'openDirectory' : 'openFile', 'multiSelections'] });
}

/** Where to save a copy of an original: a new file (the engine refuses to overwrite one). */
export async function chooseSavePath(window: BrowserWindow | null, request: { readonly title: string; readonly defaultName: string }): Promise<string | null> {
  const options: SaveDialogOptions = { title: request.title, defaultPath: request.defaultName, properties: ['createDirectory', 'showOverwriteConfirmation'] };
  const answer = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
  return answer.canceled || answer.filePath === undefined || answer.filePath === '' ? null : answer.filePath;
}
