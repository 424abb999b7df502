import { defineConfig } from '@playwright/test';

/** The real-window suite (`npm run test:electron`), only where Electron's binary is installed. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  timeout: 60_000,
});
