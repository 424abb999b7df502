/** The native menu: the platform's standard roles plus the app's own commands and shortcuts. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';
import { SECTIONS, type SectionInfo } from '../../shared/sections';

/**
 * How many sections get a `CmdOrCtrl+<digit>` shortcut: the first nine, since `CmdOrCtrl+10` is not
 * a valid accelerator. The rest are still in the Go menu, without one.
 */
export const SECTION_SHORTCUTS = 9;

/** What the menu needs from the app. */
export interface MenuActions {
  /** Sends a command to the renderer. */
  send(command: MenuCommand): void;
  /** Opens an https URL in the system browser. */
  openExternal(url: string): void;
}

/**
 * Builds the menu template (a pure function, so it can be tested without Electron). Its Go menu
 * lists the section registry's sections; `sections` is there for tests only.
 */
export function buildMenuTemplate(
  actions: MenuActions,
  options: { isMac: boolean; isDev: boolean },
  sections: readonly Pick<SectionInfo, 'id' | 'label'>[] = SECTIONS,
): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(cmd),
  });
  const sectionItems = sections.map((section, index) =>
    command(section.label, `open-section:${section.id}`, index < SECTION_SHORTCUTS ? `CmdOrCtrl+${index + 1}` : undefined),
  );

  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: 'File',
      submenu: [
        command('New Profile…', 'new-profile', 'CmdOrCtrl+N'),
        // The front list's create form (issue 11: New organization).
        command('New…', 'new-record', 'CmdOrCtrl+Shift+N'),
        command('Switch Profile…', 'switch-profile', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        command('Close Tab', 'close-tab', 'CmdOrCtrl+W'),
        { type: 'separator' },
        options.isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('Refresh', 'refresh', 'CmdOrCtrl+R'),
        command('Find', 'find', 'CmdOrCtrl+F'),
        // The command palette (issue 12): every section, record and action of the app by typing.
        command('Command Palette…', 'command-palette', 'CmdOrCtrl+K'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(options.isDev ? ([{ type: 'separator' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
    {
      label: 'Go',
      submenu: [
        ...sectionItems,
        { type: 'separator' },
        command('Next Tab', 'next-tab', 'Ctrl+Tab'),
        command('Previous Tab', 'previous-tab', 'Ctrl+Shift+Tab'),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: 'Clerk Backend API Reference', click: () => actions.openExternal('https://clerk.com/docs/reference/backend-api') },
        ...(options.isMac ? [] : ([{ role: 'about' }] as MenuItemConstructorOptions[])),
      ],
    },
  );
  return template;
}
