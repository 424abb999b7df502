/** The native save dialog as the services' `chooseSavePath`: attached to the app window once it exists. */
import type { BrowserWindow, Dialog, SaveDialogOptions } from 'electron';
import type { ChooseSavePath } from '../services/audit-handlers';

/** A `chooseSavePath` over Electron's `dialog.showSaveDialog`; resolves null when cancelled. */
export function nativeSaveDialog(dialog: Pick<Dialog, 'showSaveDialog'>, parent: () => BrowserWindow | undefined): ChooseSavePath {
  return async ({ title, defaultName, filters }) => {
    const options: SaveDialogOptions = { title, defaultPath: defaultName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
    const window = parent();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
