/**
 * SAML connections (issue 12, item 1) against the Sandbox, through the screens: the list of the
 * seeded connections; New connection by dropping IdP metadata as an .xml file (a real DataTransfer)
 * whose certificate expires in 10 days, so the tab and the list warn; New connection by the fields
 * with a .pem that is no certificate refused in the zone, then a DER .crt dropped and read in main;
 * Edit with the change preview; Delete. Then, on a free plan, the 402 reads as "needs a paid Clerk
 * plan", and on a production profile Delete asks for the name typed. Drives GET/POST
 * /saml_connections and GET/PATCH/DELETE /saml_connections/{id} through the UI.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { ProfileView } from '../../shared/ipc/types';
import { expect, test, type AppHarness } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { SAVING_SCREENS, saveScreen } from './harness/screens';
import { idpMetadataXml, makeCertificate } from '../support/saml/make-certificate';

async function dispatch<T>(app: AppHarness, channel: string, input: Record<string, unknown>): Promise<T> {
  const envelope = await app.services.dispatch(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.value as T;
}

function sandboxRequests(app: AppHarness): string[] {
  return readFileSync(app.requestLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { method: string; route: string; status?: number })
    .filter((request) => request.route.startsWith('/saml_connections'))
    .map((request) => `${request.method} ${request.route}`);
}

/** Drops a file (built in the page from `bytes`) on `target` with a real DataTransfer: dragenter, dragover, drop. */
async function dropFile(page: Page, target: Locator, name: string, bytes: Buffer): Promise<void> {
  const handle = await page.evaluateHandle(
    ({ fileName, data }) => {
      // The page's DOM types are not in the tests' lib: reach them through the page's globals.
      const { DataTransfer, File } = globalThis as any;
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName));
      return dt;
    },
    { fileName: name, data: [...bytes] },
  );
  await target.dispatchEvent('dragenter', { dataTransfer: handle });
  await target.dispatchEvent('dragover', { dataTransfer: handle });
  await target.dispatchEvent('drop', { dataTransfer: handle });
}

/** Saves the screen in light and then dark (when screens are saved), back in light after. */
async function saveBoth(page: Page, name: string): Promise<void> {
  if (!SAVING_SCREENS) return;
  await saveScreen(page, name, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreen(page, name, 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
}

const rowOf = (page: Page, name: string) => page.getByTestId('saml-connection-row').filter({ hasText: name });
const detail = (page: Page) => page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="saml-connection-detail"]');

async function pickProvider(page: Page, label: string): Promise<void> {
  await page.getByTestId('saml-create-provider').click();
  await page.locator('.n-base-select-option').filter({ hasText: label }).click();
}

test('create by XML drop and by certificate drop, the expiry warning in the tab and the list, edit with preview, delete', async ({ app, page, shell }) => {
  test.setTimeout(120_000);
  const soon = makeCertificate('idp.soon.test', 10);
  const later = makeCertificate('idp.later.test', 400);
  await app.open();
  await shell.openSection('saml-connections');
  await expect(page.getByTestId('saml-connection-row')).toHaveCount(3);
  await expect(page.getByTestId('saml-connections-summary')).toContainText('3 connections');
  await expect(rowOf(page, 'Acme Okta').getByTestId('saml-connection-expiry')).toHaveAttribute('data-state', 'valid');
  await expect(rowOf(page, 'Initech Entra ID (draft)').getByTestId('saml-connection-expiry')).toHaveText('No certificate');
  await saveBoth(page, 'saml-connections-list');

  // 1. By metadata XML dropped as a file; a domain that is not one is refused first, on its entry.
  await page.getByTestId('saml-connections-new').click();
  const create = page.getByTestId('saml-create');
  await create.getByTestId('saml-create-name').fill('Soon Expiring');
  await create.getByTestId('saml-create-domain-0').fill('https://soon.test/');
  await pickProvider(page, 'Okta Workforce');
  await dropFile(page, create.getByTestId('idp-metadata-drop'), 'okta-metadata.xml', Buffer.from(idpMetadataXml('https://idp.soon.test/entity', 'https://idp.soon.test/sso', soon.base64)));
  await expect(create.getByTestId('idp-metadata-drop-summary')).toContainText('okta-metadata.xml: entity ID https://idp.soon.test/entity');
  await create.getByTestId('saml-mapping-email_address').fill('mail');
  await saveBoth(page, 'saml-create-xml');
  await create.getByTestId('saml-create-submit').click();
  await expect(create.getByTestId('saml-create-domain-error-0')).toContainText('is not a domain');
  await create.getByTestId('saml-create-domain-0').fill('soon.test');
  await create.getByTestId('saml-create-submit').click();

  const tab = detail(page);
  await expect(tab.getByTestId('saml-detail-name')).toHaveText('Soon Expiring');
  await expect(tab.getByTestId('saml-cert-subject')).toHaveText('CN=idp.soon.test, O=Test IdP');
  await expect(tab.getByTestId('saml-expiry-warning')).toContainText('expires within 30 days');
  await expect(tab.getByTestId('saml-cert-expires')).toContainText(/Expires in (9|10) days/);
  await expect(tab.getByTestId('saml-idp-entity-id')).toContainText('https://idp.soon.test/entity');
  await expect(tab.getByTestId('saml-acs-url')).toContainText('/v1/saml/acs/samlc_');
  await expect(tab.getByTestId('saml-sp-metadata-url')).toContainText('/v1/saml/metadata/samlc_');
  await expect(tab.getByTestId('saml-sp-card').getByRole('button', { name: /Copy/ })).toHaveCount(3);
  await expect(tab.getByTestId('saml-mapping-email_address-value')).toHaveText('mail');
  await saveBoth(page, 'saml-tab-expiring');
  if (SAVING_SCREENS) {
    await tab.locator('[data-testid="record-section-link"][data-target="identity-provider"]').click();
    await saveBoth(page, 'saml-tab-certificate');
  }
  const soonId = (await tab.getAttribute('data-saml-connection-id'))!;

  // The list warns too.
  await page.locator('[data-testid="tab"][data-tab-key="section:saml-connections"]').click();
  await expect(rowOf(page, 'Soon Expiring').getByTestId('saml-connection-expiry')).toHaveAttribute('data-state', 'soon');
  await expect(page.getByTestId('saml-connections-expiring')).toContainText('1 certificate expires within 30 days');

  // 2. By the fields and a dropped certificate: a .pem that holds no certificate says so in the zone.
  await page.getByTestId('saml-connections-new').click();
  await create.getByTestId('saml-create-name').fill('Fields IdP');
  await create.getByTestId('saml-create-domain-0').fill('fields-idp.test');
  await create.getByTestId('idp-mode-fields').click();
  await create.getByTestId('idp-entity-id').fill('urn:fields-idp');
  await create.getByTestId('idp-sso-url').fill('https://fields-idp.test/sso');
  const certDrop = create.getByTestId('idp-certificate-drop');
  await dropFile(page, certDrop, 'notes.pem', Buffer.from('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n'));
  await expect(certDrop.getByTestId('idp-certificate-drop-problem')).toContainText('holds a public key, not a certificate');
  await dropFile(page, certDrop, 'signing.crt', later.der);
  await expect(certDrop.getByTestId('idp-certificate-drop-summary')).toContainText('signing.crt: CN=idp.later.test, O=Test IdP, valid');
  await saveBoth(page, 'saml-create-certificate');
  await create.getByTestId('saml-create-submit').click();
  await expect(tab.getByTestId('saml-detail-name')).toHaveText('Fields IdP');
  await expect(tab.getByTestId('saml-cert-subject')).toHaveText('CN=idp.later.test, O=Test IdP');
  await expect(tab.getByTestId('saml-expiry-warning')).toHaveCount(0);

  // 3. Edit: activate, allow subdomains, map the first name; the preview lists exactly those.
  await tab.getByTestId('saml-edit-open').click();
  const edit = page.getByTestId('saml-edit');
  await edit.getByTestId('saml-edit-active').click();
  await edit.getByTestId('saml-edit-allow_subdomains').click();
  await edit.getByTestId('saml-mapping-first_name').fill('givenName');
  await expect(edit.getByTestId('saml-edit-change-count')).toHaveText('3 changes');
  await edit.getByTestId('saml-edit-submit').click();
  const dialog = page.getByTestId('guardrail-dialog');
  const rows = dialog.getByTestId('change-preview-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Active' }).getByTestId('change-after')).toHaveText('On');
  await expect(rows.filter({ hasText: 'Allow email subdomains' }).getByTestId('change-before')).toHaveText('Off');
  await expect(rows.filter({ hasText: 'Attribute for first name' }).getByTestId('change-after')).toHaveText('givenName');
  await saveBoth(page, 'saml-edit-preview');
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(tab.getByTestId('saml-detail-active')).toHaveText('Active');
  await expect(tab.getByTestId('saml-flag-allow_subdomains')).toHaveText('Yes');
  await expect(tab.getByTestId('saml-mapping-first_name-value')).toHaveText('givenName');

  // 4. Delete (a development profile: no typed confirmation); the tab closes, the list drops it.
  await tab.getByTestId('saml-delete').click();
  await expect(dialog).toHaveAttribute('data-destructive', 'true');
  await expect(dialog.getByTestId('guardrail-consequence')).toContainText('nobody from fields-idp.test can use SSO once it is gone');
  await dialog.getByTestId('guardrail-confirm').click();
  await expect(page.getByTestId('tab').filter({ hasText: 'Fields IdP' })).toHaveCount(0);
  await page.locator('[data-testid="tab"][data-tab-key="section:saml-connections"]').click();
  await expect(page.getByTestId('saml-connection-row')).toHaveCount(4);
  await expect(rowOf(page, 'Fields IdP')).toHaveCount(0);

  // Every call went to the Sandbox through the UI, and the changes are in the audit log.
  const requests = sandboxRequests(app);
  for (const call of ['GET /saml_connections', 'POST /saml_connections', 'GET /saml_connections/{saml_connection_id}', 'PATCH /saml_connections/{saml_connection_id}', 'DELETE /saml_connections/{saml_connection_id}']) {
    expect(requests, call).toContain(call);
  }
  const audit = await dispatch<{ rows: { action: string; outcome: string }[] }>(app, 'audit:list', { filter: {} });
  const actions = audit.rows.filter((row) => row.action.startsWith('saml_connections.')).map((row) => `${row.action} ${row.outcome}`);
  expect(actions).toEqual(expect.arrayContaining(['saml_connections.create success', 'saml_connections.update success', 'saml_connections.delete success']));
  expect(soonId).toMatch(/^samlc_/);
});

test('on a free plan the list says SAML needs a paid Clerk plan; on a production profile Delete asks for the name typed', async ({ app, page, shell }) => {
  test.setTimeout(90_000);
  const production = await dispatch<ProfileView>(app, 'profiles:create', {
    name: 'Acme production',
    environment: 'production',
    apiUrl: sandboxUrl(app.services),
    secretKey: registerSandboxKey(app.services, 'live'),
  });
  await dispatch(app, 'profiles:setReadOnly', { id: production.id, readOnly: false });
  await dispatch(app, 'profiles:activate', { id: production.id });
  app.services.sandbox!.setSettings({ plan: 'free' });
  await app.open();
  await expect(page.getByTestId('production-banner')).toBeVisible();
  await shell.openSection('saml-connections');
  const error = page.getByTestId('error-state');
  await expect(error).toContainText('SAML connections need a paid Clerk plan');
  await expect(error.getByTestId('error-message')).toContainText('This needs a paid Clerk plan');
  await expect(error.getByTestId('error-code')).toHaveText('payment_required');
  await saveBoth(page, 'saml-connections-402');
  app.services.sandbox!.setSettings({ plan: 'pro' });
  await error.getByTestId('error-retry').click();
  await expect(page.getByTestId('saml-connection-row')).toHaveCount(3);

  await rowOf(page, 'Initech Entra ID (draft)').click();
  const tab = detail(page);
  await expect(tab.getByTestId('saml-detail-name')).toHaveText('Initech Entra ID (draft)');
  await expect(tab.getByTestId('saml-cert-subject')).toHaveText('No certificate');
  await tab.getByTestId('saml-delete').click();
  const dialog = page.getByTestId('guardrail-dialog');
  const confirm = dialog.getByTestId('guardrail-confirm');
  await expect(confirm).toBeDisabled();
  await dialog.getByTestId('guardrail-typed-input').fill('Initech Entra ID (draft)');
  await saveBoth(page, 'saml-delete-production');
  await confirm.click();
  await expect(detail(page)).toHaveCount(0);
  await expect(page.getByTestId('saml-connection-row')).toHaveCount(2);
  expect(sandboxRequests(app).filter((request) => request.startsWith('DELETE'))).toEqual(['DELETE /saml_connections/{saml_connection_id}']);
});
