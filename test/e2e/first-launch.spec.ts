import { expect, test } from './harness/fixtures';

test('first launch opens on the Sandbox profile with its users listed', async ({ app, shell, users }) => {
  await app.open();

  await expect(shell.activeProfileName()).toHaveText('Sandbox');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:users');
  await expect(users.rows.first()).toBeVisible();
  expect(await users.ids()).toHaveLength(25);
  const [sandbox] = await app.services.profiles.list();
  expect(await users.totalCount()).toBeGreaterThan(25);
  expect(sandbox).toMatchObject({ name: 'Sandbox', isSandbox: true, environment: 'development', hasKey: true });
  await expect(shell.productionBanner).toHaveCount(0);
  await expect(shell.startupProblems).toHaveCount(0);
});
