/** App services over a real Sandbox for the redirect URL, sign-up and proxy check channel tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcEnvelope, ProfileView } from '../../../shared/ipc';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { MemorySecretStore } from '../../support/memory-secret-store';

/** A started app with its Sandbox profile, and typed calls. */
export interface TestApp {
  services: AppServices;
  profile: ProfileView;
  dir: string;
  call<T>(channel: string, input?: unknown): Promise<IpcEnvelope<T>>;
  value<T>(channel: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** Starts the app services (and so the Sandbox) in a fresh userData. */
export async function startTestApp(name: string): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const services = await createAppServices({ userDataDir: join(dir, 'userData'), secrets: new MemorySecretStore(), appVersion: '1.2.3-test' });
  const call = async <T>(channel: string, input?: unknown) => (await services.dispatch(channel, input)) as IpcEnvelope<T>;
  const value = async <T>(channel: string, input?: unknown) => {
    const envelope = await call<T>(channel, input);
    if (!envelope.ok) throw new Error(`${channel} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value;
  };
  const profile = (await value<ProfileView | null>('profiles:active'))!;
  return {
    services,
    profile,
    dir,
    call,
    value,
    close: async () => {
      await services.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
