/** The window's frame: navigation, tab strip, profile switcher, banners. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { SectionId } from '../../../shared/ipc/types';

/** Page object for the shell. */
export class ShellPage {
  readonly tabs: Locator;
  readonly activeTab: Locator;
  readonly activePanel: Locator;
  readonly productionBanner: Locator;
  readonly startupProblems: Locator;
  readonly profileSwitcher: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByTestId('tab');
    this.activeTab = page.locator('[data-testid="tab"][data-active="true"]');
    this.activePanel = page.locator('[data-testid="tab-panel"][data-active="true"]');
    this.productionBanner = page.getByTestId('production-banner');
    this.startupProblems = page.getByTestId('startup-problems');
    this.profileSwitcher = page.getByTestId('profile-switcher');
  }

  /** Opens a section from the left navigation. */
  async openSection(section: SectionId): Promise<void> {
    await this.page.getByTestId(`nav-${section}`).click();
    await expect(this.activeTab).toHaveAttribute('data-tab-key', `section:${section}`);
  }

  /** The titles of the open tabs, in order. */
  tabTitles(): Promise<string[]> {
    return this.tabs.getByTestId('tab-title').allTextContents();
  }

  /** One tab by its title. */
  tab(title: string): Locator {
    return this.tabs.filter({ has: this.page.getByTestId('tab-title').getByText(title, { exact: true }) });
  }

  /** Closes a tab with its × button. */
  async closeTab(title: string): Promise<void> {
    await this.tab(title).getByTestId('tab-close').click();
  }

  /** Closes a tab with the middle mouse button. */
  async middleClickTab(title: string): Promise<void> {
    await this.tab(title).click({ button: 'middle' });
  }

  /** The name of the active profile, as the switcher shows it. */
  activeProfileName(): Locator {
    return this.profileSwitcher.locator('.profile-name');
  }

  /** Switches profile with the switcher. */
  async switchProfile(name: string): Promise<void> {
    await this.profileSwitcher.click();
    await this.page.locator('.n-base-select-option').filter({ hasText: name }).click();
    await expect(this.activeProfileName()).toHaveText(name);
  }
}
