/** How a session is described in the user tab's Sessions and in a session's own tab. */
import type { Session } from '@shared/clerk';

type TagType = 'success' | 'warning' | 'error' | 'default' | 'info';

/** The tag colour of a session status: active green, pending blue, revoked amber (as a revoked sign-in token; red is kept for destructive actions), the rest neutral. */
export function statusTagType(status: Session['status']): TagType {
  if (status === 'active') return 'success';
  if (status === 'pending') return 'info';
  if (status === 'revoked') return 'warning';
  return 'default';
}

/** Whether revoking makes sense: the session can still be used (active, or pending a task). */
export function isRevocable(session: Pick<Session, 'status'>): boolean {
  return session.status === 'active' || session.status === 'pending';
}

/** `Chrome 131 on Macintosh`, `Safari 18.1 on iPhone (mobile)`; `Unknown device` without activity. */
export function deviceText(session: Pick<Session, 'latest_activity'>): string {
  const activity = session.latest_activity;
  if (!activity) return 'Unknown device';
  const browser = [activity.browser_name, activity.browser_version?.replace(/(\.0)+$/, '')].filter(Boolean).join(' ');
  const device = activity.device_type ? `${activity.device_type}${activity.is_mobile ? ' (mobile)' : ''}` : activity.is_mobile ? 'a mobile device' : '';
  if (browser && device) return `${browser} on ${device}`;
  return browser || device || 'Unknown device';
}

/** `Berlin, DE`; null when Clerk has no location. */
export function locationText(session: Pick<Session, 'latest_activity'>): string | null {
  const activity = session.latest_activity;
  return [activity?.city, activity?.country].filter(Boolean).join(', ') || null;
}
