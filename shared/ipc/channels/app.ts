/** The `app:*` channels: facts about the running app. */
import { channel } from '../channel';
import { none } from '../schemas';
import type { AppInfo } from '../types';

/** The app's channels. */
export const appChannels = {
  'app:info': channel(none).returns<AppInfo>(),
} as const;
