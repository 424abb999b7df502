/**
 * The read-only guardrail: the outermost middleware of every profile's client. While the profile's
 * read-only switch is on, every call other than a GET is refused here, before the audit recorder
 * and before any HTTP, so no channel (present or future) can send a change. The switch is read
 * at each call, not when the client was built, so turning it on or off takes effect at once.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkMiddleware } from './call';

/** What the guard reads about the profile, at each call. */
export interface ReadOnlyState {
  name: string;
  readOnly: boolean;
}

/** The error a read-only profile's change ends with. */
export function readOnlyError(profileName: string, what: string): AppError {
  return new AppError({
    kind: 'validation',
    code: 'profile_read_only',
    message:
      `Not sent: the profile "${profileName}" is read-only, so the app sends no changes through it (${what}). ` +
      'To make changes, turn off Read-only for this profile in Profiles.',
  });
}

/** Creates the guard for one profile; `state` is called for every call that would change something. */
export function readOnlyGuard(state: () => ReadOnlyState): ClerkMiddleware {
  return (call, next) => {
    if (call.method === 'GET') return next(call);
    const profile = state();
    if (profile.readOnly) return Promise.reject(readOnlyError(profile.name, `${call.method} ${call.path}`));
    return next(call);
  };
}
