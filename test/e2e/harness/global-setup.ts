/**
 * Once per e2e run: build the renderer if its sources changed, bundle the page bridge, and start a
 * private keyring whose environment the workers inherit (keytar in every worker talks to it).
 */
import { loadAuditSigner } from '../../../electron/services/audit/signing-key';
import { createKeytarSecretStore } from '../../../electron/services/secrets/keytar-secret-store';
import { startPrivateKeyring } from '../../support/private-keyring';
import { buildPageBridge, buildRenderer, rendererIsStale } from './build';

/** Playwright's global setup; the returned function is the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.E2E_REBUILD === '1' || rendererIsStale()) await buildRenderer();
  await buildPageBridge();
  const keyring = await startPrivateKeyring();
  // The audit signing key, made once here: two workers starting together would each make one.
  await loadAuditSigner(createKeytarSecretStore());
  return () => keyring.stop();
}
