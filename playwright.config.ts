/**
 * End-to-end tests: the built renderer in Debian's Chromium, its `window.clerkAdmin` bound to the
 * real handlers (SQLite, OS keychain, the Sandbox over HTTP) running in the test process.
 * CHROMIUM_PATH overrides the browser; E2E_SCREENSHOTS=1 saves every screen to test/e2e/screenshots.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/harness/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // The second setup empties E2E_REQUEST_LOG and, at the end, fails the run when a required seed
  // endpoint was not reached through the UI (test/e2e/endpoint-coverage/).
  globalSetup: ['./test/e2e/harness/global-setup.ts', './test/e2e/endpoint-coverage/coverage-setup.ts'],
  fullyParallel: false,
  // Two cores: each worker runs a browser, the services and a Sandbox.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  // One retry on CI, where the machine may be busier; a test that needed it is reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1360, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
