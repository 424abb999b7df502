/** The `sandbox:*` channels: the built-in Sandbox instance. */
import { channel } from '../channel';
import { none } from '../schemas';

/** The Sandbox's channels. */
export const sandboxChannels = {
  /** Wipes the built-in Sandbox's data and re-seeds it (not audited: no Backend API call). */
  'sandbox:reset': channel(none).returns<{ resetAt: number }>(),
} as const;
