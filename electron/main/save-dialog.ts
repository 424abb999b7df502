/**
 * The services' {@link Platform} on Electron: the native save dialog, attached to the app window
 * once it exists, and "Show in folder" through the shell.
 */
import type { BrowserWindow, Dialog, SaveDialogOptions, Shell } from 'electron';
import type { Platform } from '../services/platform';

/** The platform of the running app, over Electron's modules. */
export function nativePlatform(dialog: Pick<Dialog, 'showSaveDialog'>, shell: Pick<Shell, 'showItemInFolder'>, parent: () => BrowserWindow | undefined): Platform {
  return { chooseSavePath: nativeSaveDialog(dialog, parent), showInFolder: (path) => shell.showItemInFolder(path) };
}

/** A `chooseSavePath` over Electron's `dialog.showSaveDialog`; resolves null when cancelled. */
export function nativeSaveDialog(dialog: Pick<Dialog, 'showSaveDialog'>, parent: () => BrowserWindow | undefined): Platform['chooseSavePath'] {
  return async ({ title, defaultName, filters }) => {
    const options: SaveDialogOptions = { title, defaultPath: defaultName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
    const window = parent();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
