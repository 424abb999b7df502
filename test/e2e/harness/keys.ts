/** Secret keys for e2e profiles: registered with the running Sandbox, like keys of a second instance. */
import type { AppServices } from '../../../electron/services/app-services';
import { generateSandboxSecretKey } from '../../../electron/services/sandbox';

/** A new key the test's Sandbox accepts; `live` gives an `sk_live_` key. */
export function registerSandboxKey(services: AppServices, kind: 'test' | 'live' = 'test'): string {
  const key = kind === 'live' ? generateSandboxSecretKey().replace(/^sk_test_/, 'sk_live_') : generateSandboxSecretKey();
  services.sandbox!.addSecretKey(key);
  return key;
}

/** The Sandbox's API URL. */
export function sandboxUrl(services: AppServices): string {
  return services.sandbox!.baseUrl;
}
