import { expect, test } from './harness/fixtures';
import { registerSandboxKey, sandboxUrl } from './harness/keys';
import { saveScreen } from './harness/screens';

test.beforeEach(async ({ app, users }) => {
  await app.open();
  await expect(users.rows.first()).toBeVisible();
});

test('tabs survive a page reload', async ({ app, page, shell, users }) => {
  await users.rows.first().click();
  const userTab = await shell.activeTab.getAttribute('data-tab-key');
  await shell.openSection('profiles');
  await shell.tab((await shell.tabTitles())[1]).click();
  const before = await shell.tabTitles();
  expect(before).toHaveLength(3);
  // The last change has reached main before the window goes away.
  const lastSave = () => app.calls.filter((call) => call.channel === 'tabs:save').at(-1)?.input as { activeKey?: string } | undefined;
  await expect.poll(() => lastSave()?.activeKey).toBe(userTab);

  await page.reload();
  await expect(page.getByTestId('side-nav')).toBeVisible();
  await expect.poll(() => shell.tabTitles()).toEqual(before);
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', userTab!);
  await expect(page.locator('[data-testid="tab-panel"][data-active="true"] [data-testid="user-detail-name"]')).toBeVisible();
});

test('each profile keeps its own tabs', async ({ app, shell, profiles }) => {
  await shell.openSection('profiles');
  await profiles.add({ name: 'Second', environment: 'staging', apiUrl: sandboxUrl(app.services), secretKey: registerSandboxKey(app.services) });
  await shell.openSection('sessions');
  const sandboxTabs = await shell.tabTitles();
  expect(sandboxTabs).toEqual(['Users', 'Profiles', 'Sessions']);

  await shell.switchProfile('Second');
  await expect.poll(() => shell.tabTitles()).toEqual(['Users']);
  await shell.openSection('audit-log');

  await shell.switchProfile('Sandbox');
  await expect.poll(() => shell.tabTitles()).toEqual(sandboxTabs);
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:sessions');

  await shell.switchProfile('Second');
  await expect.poll(() => shell.tabTitles()).toEqual(['Users', 'Audit log']);
});

test('tabs close, cycle and open from menu commands, the mouse and the keyboard', async ({ app, page, shell }) => {
  await app.menu('open-section:profiles');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:profiles');
  await app.menu('open-section:sessions');
  await expect.poll(() => shell.tabTitles()).toEqual(['Users', 'Profiles', 'Sessions']);

  await app.menu('next-tab');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:users');
  await app.menu('previous-tab');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:sessions');
  await app.menu('close-tab');
  await expect.poll(() => shell.tabTitles()).toEqual(['Users', 'Profiles']);
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:profiles');

  await shell.middleClickTab('Users');
  await expect.poll(() => shell.tabTitles()).toEqual(['Profiles']);

  await shell.openSection('users');
  await shell.activeTab.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:profiles');
  await page.keyboard.press('Delete');
  await expect.poll(() => shell.tabTitles()).toEqual(['Users']);

  await shell.closeTab('Users');
  await expect(page.getByTestId('no-tabs')).toBeVisible();
  await app.menu('open-section:users');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:users');
});

test('every section is built: none carries the "soon" marker, and Sessions opens its own view', async ({ page, shell }) => {
  // Sessions was the last "coming soon" section (issue 12, item 2).
  await shell.openSection('sessions');
  await expect(shell.activePanel.getByTestId('sessions-view')).toBeVisible();
  await expect(shell.activePanel.getByTestId('coming-soon')).toHaveCount(0);
  for (const section of ['users', 'organizations', 'saml-connections', 'sessions', 'redirect-urls', 'sign-in-tokens', 'audit-log', 'profiles'] as const) await expect(page.getByTestId(`nav-${section}`)).not.toContainText('soon');
});

test('menu Refresh, Find, New Profile and Switch Profile act on the window', async ({ app, page, shell, users, profiles }) => {
  const listCalls = () => app.calls.filter((call) => call.channel === 'users:list').length;
  const before = listCalls();
  await app.menu('refresh');
  await expect.poll(listCalls).toBe(before + 1);

  await app.menu('find');
  await expect(users.search).toBeFocused();

  await app.menu('new-profile');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:profiles');
  await expect(profiles.form).toBeVisible();
  await profiles.form.getByTestId('profile-cancel').click();

  await app.menu('switch-profile');
  await expect(page.locator('.n-base-select-option').filter({ hasText: 'Sandbox' })).toBeVisible();
});

test('many tabs keep readable titles: the strip scrolls and its overflow menu lists every tab', async ({ page, shell, users }) => {
  await page.setViewportSize({ width: 1000, height: 650 });
  for (let index = 0; index < 6; index += 1) {
    await shell.openSection('users');
    await users.rows.nth(index).click();
    await expect(shell.activeTab).toHaveAttribute('data-tab-key', /^user:/);
  }
  for (const section of ['profiles', 'audit-log', 'sessions'] as const) await shell.openSection(section);
  const titles = await shell.tabTitles();
  expect(titles.length).toBe(10);

  for (const tab of await shell.tabs.all()) {
    const box = await tab.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(119);
  }
  // The active tab is scrolled into view.
  await expect(shell.activeTab).toBeInViewport();

  await page.getByTestId('tab-overflow').click();
  const items = page.getByTestId('tab-overflow-item');
  await expect(items).toHaveCount(10);
  await saveScreen(page, 'many-tabs', 'light');
  await items.nth(1).click();
  await expect(shell.activeTab.getByTestId('tab-title')).toHaveText(titles[1]);
  await expect(shell.activeTab).toBeInViewport();
});

test('the navigation collapses to its icons, keeps accessible names and stays collapsed after a reload', async ({ page, shell }) => {
  const nav = page.getByTestId('side-nav');
  expect((await nav.boundingBox())!.width).toBeGreaterThan(200);
  await page.getByTestId('collapse-navigation').click();
  await expect.poll(async () => (await nav.boundingBox())!.width).toBeLessThan(80);
  await expect(page.getByTestId('collapse-navigation')).toHaveAttribute('aria-expanded', 'false');
  await nav.getByRole('button', { name: 'Profiles', exact: true }).click();
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:profiles');

  await page.reload();
  await expect(nav).toBeVisible();
  expect((await nav.boundingBox())!.width).toBeLessThan(80);
  await page.getByTestId('collapse-navigation').click();
  await expect.poll(async () => (await nav.boundingBox())!.width).toBeGreaterThan(200);
});

test('a section opened from the menu takes the focus to its first control', async ({ app, page, shell }) => {
  await app.menu('open-section:profiles');
  await expect(shell.activeTab).toHaveAttribute('data-tab-key', 'section:profiles');
  // Runs in the page: whether the focused element is inside the active tab's panel.
  const focusInActivePanel = () =>
    page.evaluate(() => (globalThis as any).document.activeElement?.closest('[data-testid="tab-panel"]')?.getAttribute('data-active') === 'true');
  await expect.poll(focusInActivePanel).toBe(true);
  await app.menu('open-section:users');
  await expect.poll(focusInActivePanel).toBe(true);
});
