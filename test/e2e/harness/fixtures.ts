/**
 * The per-test app: its own temp userData, the real services (SQLite, OS keychain through keytar,
 * the Sandbox over HTTP) in the test process, the built renderer served on 127.0.0.1, and
 * `window.clerkAdmin` bound to the real dispatcher. Every IPC call is recorded so tests can scan
 * what crossed the boundary. Uncaught page errors and console errors fail the test. CSS motion is
 * off (no-motion.ts) and each worker makes its Sandbox's signing key once (sandbox-template.ts).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { anchorAccountFor } from '../../../electron/services/audit/signing-key';
import type { SavePathRequest } from '../../../electron/services/platform';
import { createKeytarSecretStore } from '../../../electron/services/secrets/keytar-secret-store';
import type { SecretStore } from '../../../electron/services/secrets/secret-store';
import { APP_DATABASE_FILE } from '../../../electron/services/storage/app-database';
import type { IpcEnvelope } from '../../../shared/ipc/errors';
import type { MenuCommand } from '../../../shared/ipc/types';
import { AuditPage } from '../pages/audit-page';
import { ProfilesPage } from '../pages/profiles-page';
import { ShellPage } from '../pages/shell-page';
import { UserDetailPage } from '../pages/user-detail-page';
import { UsersPage } from '../pages/users-page';
import type { PageGlobals } from './page-globals';
import { NO_MOTION_CSS, installNoMotion } from './no-motion';
import { PAGE_BRIDGE_BUNDLE, RENDERER_OUT } from './paths';
import { recordingFetch, viaPage } from './request-recorder';
import { placeSandboxTemplate } from './sandbox-template';
import { serveStatic } from './static-server';

/** One call that crossed the bridge, with what main answered. */
export interface RecordedCall {
  channel: string;
  input: unknown;
  result: IpcEnvelope<unknown>;
}

/** The app under test. */
export interface AppHarness {
  page: Page;
  services: AppServices;
  secrets: SecretStore;
  userDataDir: string;
  /** The Sandbox's request log (`SANDBOX_REQUEST_LOG`). */
  requestLog: string;
  /** Where exports go: the save dialog answers `<exportDir>/<proposed name>` unless told otherwise. */
  exportDir: string;
  /** What the save dialog asked, in order. */
  saveRequests: SavePathRequest[];
  /** The files "Show in folder" revealed, in order. */
  shownInFolder: string[];
  /** The save dialog's next answer: a path, null (cancelled), or undefined for the default. */
  saveAs(path: string | null | undefined): void;
  url: string;
  /** Every IPC call the page made, in order. */
  calls: RecordedCall[];
  /** Loads the app and waits until the shell has rendered. */
  open(): Promise<void>;
  /** Sends a native-menu command, as main does in the app. */
  menu(command: MenuCommand): Promise<void>;
  /** Holds every call of a channel until the returned function is called (to see loading states). */
  hold(channel: string): () => void;
}

interface Options {
  /** Puts a file where the Sandbox's folder goes, so the built-in Sandbox fails to start. */
  blockSandboxFolder: boolean;
  /** Starts the Sandbox's clock at this time (it then runs on), so its seed is the same in every run. */
  sandboxEpoch: number | undefined;
}

interface Fixtures {
  app: AppHarness;
  shell: ShellPage;
  users: UsersPage;
  userDetail: UserDetailPage;
  profiles: ProfilesPage;
  audit: AuditPage;
}

/** The e2e test function with the app fixtures. */
export const test = base.extend<Fixtures & Options>({
  blockSandboxFolder: [false, { option: true }],
  sandboxEpoch: [undefined, { option: true }],
  app: async ({ page, blockSandboxFolder, sandboxEpoch }, use, testInfo) => {
    const tempDir = mkdtempSync(join(tmpdir(), 'clerk-admin-e2e-'));
    const userDataDir = join(tempDir, 'userData');
    const requestLog = join(tempDir, 'sandbox-requests.log');
    process.env.SANDBOX_REQUEST_LOG = requestLog;
    const exportDir = join(tempDir, 'exports');
    mkdirSync(userDataDir);
    mkdirSync(exportDir);
    if (blockSandboxFolder) writeFileSync(join(userDataDir, 'sandbox'), 'not a folder');
    // The worker's Sandbox instance (its signing key made once), seeded afresh by this test's start.
    else await placeSandboxTemplate(join(userDataDir, 'sandbox'));
    const secrets = createKeytarSecretStore();
    const saveRequests: SavePathRequest[] = [];
    const shownInFolder: string[] = [];
    let nextSavePath: string | null | undefined;
    const clockOffset = sandboxEpoch === undefined ? 0 : sandboxEpoch - Date.now();
    const services = await createAppServices({
      userDataDir,
      secrets,
      appVersion: '0.1.0-e2e',
      // E2E_REQUEST_LOG: every request the services send, marked through the UI or not (request-recorder.ts).
      fetch: recordingFetch(`${testInfo.titlePath.join(' › ')}`),
      sandboxClock: sandboxEpoch === undefined ? undefined : () => Date.now() + clockOffset,
      // The harness's save dialog: a file in the test's own folder, which the test reads back.
      desktop: {
        chooseSavePath: async (request) => {
          saveRequests.push(request);
          const answer = nextSavePath === undefined ? join(exportDir, request.defaultName) : nextSavePath;
          nextSavePath = undefined;
          return answer;
        },
        showInFolder: (path) => void shownInFolder.push(path),
      },
    });
    const server = await serveStatic(RENDERER_OUT);
    const calls: RecordedCall[] = [];
    const problems: string[] = [];
    const gates = new Map<string, Promise<void>>();

    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await page.exposeBinding('__clerkAdminInvoke', async (_source, channel: string, input: unknown) => {
      await gates.get(channel);
      // viaPage: the requests of this call count as through the UI in the request log.
      const result = await viaPage(() => services.dispatch(channel, input));
      calls.push({ channel, input, result });
      return result;
    });
    await page.addInitScript({ path: PAGE_BRIDGE_BUNDLE });
    await page.addInitScript(installNoMotion, NO_MOTION_CSS);

    const harness: AppHarness = {
      page,
      services,
      secrets,
      userDataDir,
      requestLog,
      exportDir,
      saveRequests,
      shownInFolder,
      saveAs(path) {
        nextSavePath = path;
      },
      url: server.url,
      calls,
      async open() {
        await page.goto(server.url);
        await expect(page.getByTestId('side-nav')).toBeVisible();
      },
      async menu(command) {
        await page.evaluate((cmd) => (globalThis as unknown as PageGlobals).__clerkAdminEmit('menu:command', cmd), command);
      },
      hold(channel) {
        let release!: () => void;
        gates.set(channel, new Promise<void>((resolve) => (release = resolve)));
        return () => {
          gates.delete(channel);
          release();
        };
      },
    };

    try {
      await use(harness);
      expect(problems, 'the page logged errors').toEqual([]);
    } finally {
      await page.close().catch(() => {});
      await server.close();
      for (const profile of await services.profiles.list()) await secrets.delete(profile.id).catch(() => false);
      await services.close();
      // Each test's database has its own anchor in the shared keychain (written at close, so removed after it).
      await secrets.delete(anchorAccountFor(join(userDataDir, APP_DATABASE_FILE))).catch(() => false);
      delete process.env.SANDBOX_REQUEST_LOG;
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('ipc-calls.json', { body: JSON.stringify(calls, null, 2), contentType: 'application/json' });
      }
      rmSync(tempDir, { recursive: true, force: true });
    }
  },
  shell: async ({ app }, use) => use(new ShellPage(app.page)),
  users: async ({ app }, use) => use(new UsersPage(app.page)),
  userDetail: async ({ app }, use) => use(new UserDetailPage(app.page)),
  profiles: async ({ app }, use) => use(new ProfilesPage(app.page)),
  audit: async ({ app }, use) => use(new AuditPage(app.page)),
});

export { expect };
