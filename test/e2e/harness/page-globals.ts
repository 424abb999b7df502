/** What the harness adds to the page's `window` (typed here because the e2e tsconfig has no DOM). */
import type { Bridge } from '../../../shared/ipc/bridge';
import type { EventName } from '../../../shared/ipc/contract';
import type { IpcEnvelope } from '../../../shared/ipc/errors';

/** The page's globals, as seen from `page.evaluate` and the bridge script. */
export interface PageGlobals {
  /** The bridge, as the preload exposes it in the app. */
  clerkAdmin: Bridge;
  /** Bound by the fixture with `page.exposeBinding`: runs a channel through the real handlers. */
  __clerkAdminInvoke(channel: string, input: unknown): Promise<IpcEnvelope<unknown>>;
  /** Lets a test push a main-to-renderer event (what the native menu does in the app). */
  __clerkAdminEmit(event: EventName, payload: unknown): void;
}
