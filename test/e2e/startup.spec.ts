import { expect, test } from './harness/fixtures';

test.describe('when the Sandbox cannot start', () => {
  test.use({ blockSandboxFolder: true });

  test('the problem is shown as an error and the app opens on the profiles screen', async ({ app, page, shell, profiles }) => {
    expect(app.services.startupProblems).toHaveLength(1);
    await app.open();
    await expect(shell.startupProblems).toContainText('The built-in Sandbox could not be set up');
    await expect(page.getByTestId('profiles-empty')).toBeVisible();
    await expect(page.getByTestId('nav-users')).toBeDisabled();
    await expect(profiles.root.getByTestId('profiles-add')).toBeEnabled();
  });
});
