/** Electron's entry point: start the app with the real keychain. */
import * as electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeytarSecretStore } from '../services/secrets/keytar-secret-store';
import { startMain } from './app';
import { launchSettings } from './launch-settings';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const settings = launchSettings(electron.app.isPackaged, process.env);

if (settings.userDataDir) electron.app.setPath('userData', settings.userDataDir);

startMain({
  electron,
  outDir,
  secrets: createKeytarSecretStore(),
  devServerUrl: settings.devServerUrl,
}).catch((error) => {
  console.error('[main] the app could not start', error);
  electron.dialog.showErrorBox('Clerk Admin Desktop could not start', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
