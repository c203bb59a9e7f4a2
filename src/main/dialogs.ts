/**
 * The system's file dialogs, for the shell contract: a folder (a vault, an export
 * target), and files or folders to import. Dialogs are modal to the Tamga window.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
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
