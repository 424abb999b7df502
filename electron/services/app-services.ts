/**
 * The composition root: builds the services once (the app database, profiles and their keys, the
 * audit log, the API clients, each recording its changes in the audit log, the built-in Sandbox,
 * background jobs) and spreads each resource's handlers into the one handler table. Electron's main
 * process and the e2e harness both start the app through this function, with their own userData
 * folder, secret store and platform (the save dialog).
 */
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { AppInfo } from '../../shared/ipc';
import { AuditLog, pruneExpired } from './audit';
import { createAuditHandlers } from './audit/audit-handlers';
import type { AuditAvailability } from './audit/audit-recording';
import { anchorAccountFor, loadAuditSigning } from './audit/signing-key';
import { createAppHandlers } from './app-handlers';
import { createClerkClient } from './clerk/client';
import { operations } from './clerk/operations';
import { ClerkClients } from './clerk-clients';
import { createDispatch, type Dispatch, type Handlers } from './dispatch';
import { createJobHandlers } from './jobs/job-handlers';
import { JobRunner } from './jobs/job-runner';
import { BulkJobEngine } from './jobs/bulk/bulk-engine';
import { createBulkJobHandlers } from './jobs/bulk/bulk-handlers';
// Bulk membership work (issue 11, item 7).
import { createMembershipJobHandlers } from './organizations/membership-job-handlers';
// Record exports (issue 10, item 4).
import { createExportHandlers } from './exports/export-handlers';
// The membership overview across organizations (issue 11, item 9).
import { createMembershipOverviewHandlers } from './organizations/membership-overview-handlers';
// The users import (issue 10, item 3).
import { createImportHandlers } from './imports/import-handlers';
import { ImageBlobStore } from './imports/image-blobs';
import type { Platform } from './platform';
import { createProfileHandlers } from './profiles/profile-handlers';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import type { KeyValidator } from './profiles/key-checks';
import { generateSandboxSecretKey, startSandbox, type RunningSandbox } from './sandbox';
import { createSandboxHandlers } from './sandbox/sandbox-handlers';
import type { SecretStore } from './secrets/secret-store';
import { APP_DATABASE_FILE, openAppDatabase } from './storage/app-database';
import { SettingsStore } from './storage/settings-store';
import { createTabHandlers } from './ui-state/tab-handlers';
import { TabStore } from './ui-state/tab-store';
import { createUserHandlers } from './users/user-handlers';
import { createPhoneNumberHandlers } from './phone-numbers/phone-number-handlers';
import { createSignInTokenHandlers } from './sign-in-tokens/sign-in-token-handlers';
import { SignInTokenLedger } from './sign-in-tokens/sign-in-token-ledger';
import { createSessionHandlers } from './sessions/session-handlers';
import { createOrganizationHandlers } from './organizations/organization-handlers';
import { createSamlConnectionHandlers } from './saml-connections/saml-connection-handlers';
import { createRedirectUrlHandlers } from './redirect-urls/redirect-url-handlers';
import { createSignUpHandlers } from './sign-ups/sign-up-handlers';
import { createProxyCheckHandlers } from './proxy-checks/proxy-check-handlers';
import { ProxyCheckHistory } from './proxy-checks/proxy-check-history';
// Compare and copy between profiles (issue 12, item 6).
import { createProfileCompareHandlers } from './profile-compare/profile-compare-handlers';
import { createSavedViewHandlers } from './saved-views/saved-view-handlers';
import { SavedViewStore } from './saved-views/saved-view-store';

/** How to start the app's services. */
export interface AppServicesOptions {
  /** The per-user data folder (Electron's `userData`, or a temp dir in tests). */
  userDataDir: string;
  secrets: SecretStore;
  appName?: string;
  appVersion: string;
  platform?: string;
  fetch?: typeof fetch;
  /** Start the built-in Sandbox (default true). */
  sandbox?: boolean;
  /** The desktop it runs on: where to save an export (Electron's save dialog; a temp path in the e2e harness). */
  desktop?: Platform;
  /** Reports unexpected errors (main's log). */
  onInternalError?: (channel: string, error: unknown) => void;
  /** The built-in Sandbox's clock (default `Date.now`); a fixed starting point gives it the same seed every time (screenshot tests). */
  sandboxClock?: () => number;
}

/** The running services. */
export interface AppServices {
  dispatch: Dispatch;
  handlers: Handlers;
  settings: SettingsStore;
  profiles: ProfileService;
  /** The audit log, or undefined when it could not be opened (changes are then refused). */
  audit: AuditLog | undefined;
  jobs: JobRunner;
  /** The bulk job engine (issue 10): persistent, resumable, rate-paced jobs over many records. */
  bulk: BulkJobEngine;
  sandbox: RunningSandbox | undefined;
  /** Problems found while starting (shown to the administrator, e.g. a missing keychain). */
  startupProblems: string[];
  /** Resolves when the start-up retention prune has finished (immediately when none is due). */
  startupPrune: Promise<void>;
  close(): Promise<void>;
}

/** Opens the database, starts the Sandbox, makes sure a first launch has the Sandbox profile. */
export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const dbPath = join(options.userDataDir, APP_DATABASE_FILE);
  const db = openAppDatabase(dbPath);
  const settings = new SettingsStore(db);
  const startupProblems: string[] = [];
  const reportInternal = options.onInternalError ?? (() => {});

  const auditAvailability = openAudit(db, options.appVersion, startupProblems, reportInternal);
  const audit = 'log' in auditAvailability ? auditAvailability.log : undefined;
  // The signing key (created on first run) and the head anchor live in the keychain, never on disk.
  const auditSigning = audit
    ? audit.useSigning(loadAuditSigning(options.secrets, { anchorAccount: anchorAccountFor(dbPath), onAnchorError: (error) => reportInternal('audit anchor', error) })).catch((error: unknown) => {
        startupProblems.push(`The audit log is not being signed: ${error instanceof Error ? error.message : String(error)}`);
      })
    : Promise.resolve();
  await auditSigning;
  const jobs = new JobRunner({ onInternalError: (kind, error) => reportInternal(`job ${kind}`, error) });
  // Pruning appends a signed checkpoint, so it runs once the key is there.
  const startupPrune = audit && audit.getRetention() !== null ? pruneAtStartup(audit, reportInternal) : Promise.resolve();

  const validateKey: KeyValidator = async (apiUrl, secretKey) => {
    const client = createClerkClient({ apiUrl, secretKey: async () => secretKey, fetch: options.fetch, maxRetries: 0, timeoutMs: 15_000 });
    await client.run(operations.users.count, {});
  };

  // The profiles and the clients know each other: a changed profile drops its client.
  const profiles: ProfileService = new ProfileService({
    store: new ProfileStore(db),
    settings,
    secrets: options.secrets,
    validateKey,
    onChanged: (id) => clients.invalidate(id),
  });
  const clients = new ClerkClients({
    profiles,
    fetch: options.fetch,
    userAgent: `clerk-admin-desktop/${options.appVersion}`,
    audit: {
      audit: auditAvailability,
      appVersion: options.appVersion,
      onRecordError: (error, seq) => reportInternal(`audit outcome of change ${seq}`, error),
    },
  });

  let sandbox: RunningSandbox | undefined;
  if (options.sandbox !== false) {
    try {
      sandbox = await startSandbox({ dataDir: join(options.userDataDir, 'sandbox'), now: options.sandboxClock });
      const running = sandbox;
      const profile = await profiles.ensureSandboxProfile(running.baseUrl, generateSandboxSecretKey, (key) => running.addSecretKey(key));
      if (profile) clients.invalidate(profile.id);
    } catch (error) {
      startupProblems.push(`The built-in Sandbox could not be set up: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // Bulk jobs the last run left running are paused here (see bulk-engine.ts), before any channel is served.
  const bulk = new BulkJobEngine({ db, clients, profiles, audit, platform: options.desktop, onInternalError: (jobId, error) => reportInternal(`bulk job ${jobId}`, error) });

  const appInfo = (): AppInfo => ({
    name: options.appName ?? 'Clerk Admin Desktop',
    version: options.appVersion,
    platform: options.platform ?? process.platform,
    sandboxApiUrl: sandbox?.baseUrl ?? null,
    startupProblems,
  });
  const handlers: Handlers = {
    ...createAppHandlers({ appInfo }),
    ...createProfileHandlers({ profiles }),
    ...createTabHandlers({ profiles, tabs: new TabStore(db) }),
    ...createUserHandlers({ clients }),
    ...createPhoneNumberHandlers({ clients }),
    // The sign-in token ledger: Clerk cannot list the tokens, so the app keeps the ones it created.
    ...createSignInTokenHandlers({ clients, ledger: new SignInTokenLedger(db) }),
    ...createSessionHandlers({ clients }),
    ...createOrganizationHandlers({ clients }),
    ...createSamlConnectionHandlers({ clients }),
    ...createRedirectUrlHandlers({ clients }),
    ...createSignUpHandlers({ clients, profiles }),
    ...createProxyCheckHandlers({ clients, history: new ProxyCheckHistory(db) }),
    ...createSavedViewHandlers({ profiles, views: new SavedViewStore(db) }),
    ...createSandboxHandlers({ sandbox: () => sandbox, sandboxProfile: async () => (await profiles.list()).find((profile) => profile.isSandbox) }),
    ...createAuditHandlers({ audit: auditAvailability, jobs, platform: options.desktop }),
    ...createJobHandlers({ jobs }),
    ...createBulkJobHandlers({ bulk }),
    ...createMembershipJobHandlers({ bulk }),
    ...createProfileCompareHandlers({ clients, profiles, bulk }),
    ...createExportHandlers({ clients, profiles, jobs, platform: options.desktop }),
    ...createMembershipOverviewHandlers({ clients, profiles, jobs }),
    ...createImportHandlers({ bulk, blobs: new ImageBlobStore(db), platform: options.desktop }),
  };

  return {
    dispatch: createDispatch(handlers, { onInternalError: options.onInternalError }),
    handlers,
    settings,
    profiles,
    audit,
    jobs,
    bulk,
    sandbox,
    startupProblems,
    startupPrune,
    async close() {
      await jobs.close();
      // Running bulk jobs let their in-flight items finish and are paused, to be resumed next time.
      await bulk.close();
      await startupPrune;
      // A last digest seals what this session recorded, and the keychain anchor is written.
      await audit?.stopSigning().catch((error: unknown) => reportInternal('audit digest at quit', error));
      await sandbox?.close();
      db.close();
    },
  };
}

/** The audit log on the app database; when it cannot be opened, changes are refused and the administrator is told. */
function openAudit(db: DatabaseSync, appVersion: string, startupProblems: string[], reportInternal: (channel: string, error: unknown) => void): AuditAvailability {
  try {
    return { log: new AuditLog(db, { appVersion, onSigningError: (error) => reportInternal('audit digest', error) }) };
  } catch (error) {
    const problem = `the audit log could not be opened (${error instanceof Error ? error.message : String(error)}), so no change can be recorded.`;
    startupProblems.push(`Changes are disabled: ${problem}`);
    return { problem };
  }
}

/** Applies the retention in the background; a failure is logged and retried at the next start. */
function pruneAtStartup(audit: AuditLog, reportInternal: (channel: string, error: unknown) => void): Promise<void> {
  return pruneExpired(audit).then(
    () => undefined,
    (error: unknown) => reportInternal('audit retention prune', error),
  );
}
