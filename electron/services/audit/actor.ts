/** Who is at the keyboard, as the OS knows it: the recorded actor unless one is injected. */
import { hostname, userInfo } from 'node:os';
import type { AuditActor } from '../../../shared/audit/types';

/** The OS user name and host name (`unknown` where the OS will not say). */
export function osActor(): AuditActor {
  let user = 'unknown';
  try {
    user = userInfo().username || user;
  } catch {
    // No passwd entry (some containers): keep "unknown" rather than failing every change.
  }
  return { user, host: hostname() || 'unknown' };
}
