/** The `sandbox:*` channels: resetting the built-in Sandbox (no Backend API call, so not audited). */
import { AppError } from '../../../shared/ipc/errors';
import type { sandboxChannels } from '../../../shared/ipc/channels/sandbox';
import { readOnlyError, type ReadOnlyState } from '../clerk/read-only-guard';
import type { HandlersFor } from '../dispatch';
import type { RunningSandbox } from './index';

/** What the Sandbox handlers need. */
export interface SandboxHandlerDeps {
  /** The built-in Sandbox, when it is running. */
  sandbox: () => RunningSandbox | undefined;
  clock?: () => number;
  /** The Sandbox profile's read-only switch: a read-only Sandbox is not reset either (issue 9 guardrails). */
  sandboxProfile?: () => Promise<ReadOnlyState | undefined>;
}

/** The Sandbox's part of the handler table. */
export function createSandboxHandlers(deps: SandboxHandlerDeps): HandlersFor<typeof sandboxChannels> {
  const clock = deps.clock ?? Date.now;
  return {
    'sandbox:reset': async () => {
      const sandbox = deps.sandbox();
      if (!sandbox) {
        throw new AppError({ kind: 'not_found', code: 'sandbox_not_running', message: 'The built-in Sandbox is not running, so there is nothing to reset.' });
      }
      const profile = await deps.sandboxProfile?.();
      if (profile?.readOnly) throw readOnlyError(profile.name, 'Reset Sandbox');
      await sandbox.reset();
      return { resetAt: clock() };
    },
  };
}
