/** Listens to the commands the native menu sends (close tab, next tab, open a section, …). */
import { onBeforeUnmount, onMounted } from 'vue';
import type { MenuCommand } from '@shared/ipc/types';
import { useApi } from '../api';

/** Calls `handler` with every menu command while the calling component is mounted. */
export function useMenuCommands(handler: (command: MenuCommand) => void): void {
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = useApi().events.on('menu:command', (payload) => {
      if (typeof payload === 'string') handler(payload as MenuCommand);
    });
  });
  onBeforeUnmount(() => stop?.());
}
