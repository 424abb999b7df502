/**
 * Commands aimed at whatever view is in front (Refresh, Find, New Profile). Every open tab stays mounted, so a
 * view registers its handler for as long as it lives and only the front tab's handler runs.
 */
import { onBeforeUnmount } from 'vue';
import { useTabContext } from './useTabContext';

/** A command the shell forwards to the front view. */
export type ViewCommand = 'refresh' | 'find' | 'new-profile' | 'new-record';

interface Registration {
  command: ViewCommand;
  isActive: () => boolean;
  handler: () => void;
}

const registrations = new Set<Registration>();

/** Registers `handler` for `command`; it runs only while the calling view's tab is in front. */
export function useViewCommand(command: ViewCommand, handler: () => void): void {
  const tab = useTabContext();
  const registration: Registration = { command, isActive: () => tab.active.value, handler };
  registrations.add(registration);
  onBeforeUnmount(() => registrations.delete(registration));
}

/** Runs the front view's handlers for a command; false when no view in front handles it. */
export function runViewCommand(command: ViewCommand): boolean {
  let handled = false;
  for (const registration of [...registrations]) {
    if (registration.command === command && registration.isActive()) {
      registration.handler();
      handled = true;
    }
  }
  return handled;
}

// --- The command palette (issue 12, item 7): what the front view handles, by the menu's labels ---

/** Each view command as the native menu names it (the palette offers it under the same name). */
export const VIEW_COMMAND_LABELS: Readonly<Record<ViewCommand, string>> = {
  refresh: 'Refresh',
  find: 'Find',
  'new-profile': 'New Profile…',
  'new-record': 'New…',
};

/** The commands the view in front handles now, in {@link VIEW_COMMAND_LABELS} order (no duplicates). */
export function activeViewCommands(): ViewCommand[] {
  const handled = new Set([...registrations].filter((registration) => registration.isActive()).map((registration) => registration.command));
  return (Object.keys(VIEW_COMMAND_LABELS) as ViewCommand[]).filter((command) => handled.has(command));
}
