/** Electron's entry point: start the app with the real keychain. */
import * as electron from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeytarSecretStore } from '../services/secrets/keytar-secret-store';
import { startMain } from './app';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');

// A separate profile folder for tests and side-by-side runs; the default is the OS's per-user folder.
if (process.env.CLERK_ADMIN_USER_DATA) electron.app.setPath('userData', process.env.CLERK_ADMIN_USER_DATA);

startMain({
  electron,
  outDir,
  secrets: createKeytarSecretStore(),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
}).catch((error) => {
  console.error('[main] the app could not start', error);
  electron.dialog.showErrorBox('Clerk Admin Desktop could not start', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
