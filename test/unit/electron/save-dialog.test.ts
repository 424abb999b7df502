import { describe, expect, it } from 'vitest';
import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { nativePlatform, nativeSaveDialog } from '../../../electron/main/save-dialog';

/** A stand-in for Electron's dialog module that records what it was asked and answers as told. */
function fakeDialog(answer: SaveDialogReturnValue) {
  const asked: { parent?: unknown; options: SaveDialogOptions }[] = [];
  const dialog = {
    showSaveDialog: ((...args: unknown[]) => {
      const options = (args.length === 2 ? args[1] : args[0]) as SaveDialogOptions;
      asked.push({ parent: args.length === 2 ? args[0] : undefined, options });
      return Promise.resolve(answer);
    }) as never,
  };
  return { dialog, asked };
}

const request = { title: 'Export the audit log', defaultName: 'clerk-audit-log-2026-05-20.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] };

describe('nativeSaveDialog', () => {
  it('asks on the app window with the proposed name and file types, and returns the chosen path', async () => {
    const { dialog, asked } = fakeDialog({ canceled: false, filePath: '/home/ada/audit.csv' });
    const window = { id: 1 } as unknown as BrowserWindow;
    expect(await nativeSaveDialog(dialog, () => window)(request)).toBe('/home/ada/audit.csv');
    expect(asked).toEqual([
      {
        parent: window,
        options: { title: request.title, defaultPath: request.defaultName, filters: request.filters, properties: ['createDirectory', 'showOverwriteConfirmation'] },
      },
    ]);
  });

  it('returns null when cancelled, and works before the window exists', async () => {
    const { dialog, asked } = fakeDialog({ canceled: true, filePath: '' });
    expect(await nativeSaveDialog(dialog, () => undefined)(request)).toBeNull();
    expect(asked[0].parent).toBeUndefined();
  });
});

describe('nativePlatform', () => {
  it('shows a file in its folder through the shell', () => {
    const shown: string[] = [];
    const platform = nativePlatform(fakeDialog({ canceled: true, filePath: '' }).dialog, { showItemInFolder: (path) => void shown.push(path) }, () => undefined);
    platform.showInFolder('/home/ada/audit.csv');
    expect(shown).toEqual(['/home/ada/audit.csv']);
  });
});
