/** The `app:*` channels: facts about the running app. */
import type { appChannels } from '../../shared/ipc/channels/app';
import type { AppInfo } from '../../shared/ipc';
import type { HandlersFor } from './dispatch';

/** The app's part of the handler table. */
export function createAppHandlers({ appInfo }: { appInfo: () => AppInfo }): HandlersFor<typeof appChannels> {
  return {
    'app:info': async () => appInfo(),
  };
}
