/**
 * The Security section of a user's tab: MFA, password, ban and lock. Clerk gives a lock's expiry as
 * `lockout_expires_in_seconds`, counted from when it answered, so the deadline is that answer's time
 * plus the seconds; `null` on a locked user means the lock never lifts by itself.
 */
import type { User } from '@shared/clerk';
import type { Fact } from '../../components/fact';
import { formatFromNow, formatTime } from '../../format';

/** Whether a user is locked and until when (ms), as of the answer received at `receivedAt`. */
export type LockState = { locked: false } | { locked: true; until: number | null };

/** The lock of `user`, with its deadline computed from the time its record was received. */
export function lockState(user: Pick<User, 'locked' | 'lockout_expires_in_seconds'>, receivedAt: number): LockState {
  if (!user.locked) return { locked: false };
  const seconds = user.lockout_expires_in_seconds;
  return { locked: true, until: typeof seconds === 'number' && Number.isFinite(seconds) ? receivedAt + seconds * 1000 : null };
}

/** How the lock reads: `No`, `Until <time> (in 58 minutes)`, or `Yes, until unlocked`. */
export function lockText(lock: LockState, now: number): string {
  if (!lock.locked) return 'No';
  if (lock.until === null) return 'Yes, until unlocked (no expiry)';
  // Past the deadline the record is stale: Clerk lifts the lock at its next check.
  return `Until ${formatTime(lock.until)} (${lock.until > now ? formatFromNow(lock.until, now) : 'any moment now'})`;
}

const onOff = (label: string, on: boolean, testId: string): Fact => ({ label, value: on ? 'On' : 'Off', muted: !on, testId });

/** The rows of the Security section, as of `now`, for a record received at `receivedAt`. */
export function securityFacts(user: User, receivedAt: number, now: number): Fact[] {
  const lock = lockState(user, receivedAt);
  const attempts = user.verification_attempts_remaining;
  return [
    onOff('Two-factor', user.two_factor_enabled, 'security-two-factor'),
    onOff('Authenticator app (TOTP)', user.totp_enabled, 'security-totp'),
    onOff('Backup codes', user.backup_code_enabled, 'security-backup-codes'),
    {
      label: 'Password',
      value: user.password_enabled ? `Set${user.password_last_updated_at ? `, changed ${formatTime(user.password_last_updated_at)}` : ''}` : 'Not set',
      muted: !user.password_enabled,
      testId: 'security-password',
    },
    { label: 'Banned', value: user.banned ? 'Yes: cannot sign in' : 'No', muted: !user.banned, testId: 'security-banned' },
    { label: 'Locked', value: lockText(lock, now), muted: !lock.locked, testId: 'security-locked' },
    {
      label: 'Verification attempts left',
      // Null: the instance has no lockout after failed attempts.
      value: attempts === null ? 'No limit (lockout off)' : String(attempts),
      muted: attempts === null,
      testId: 'security-attempts',
    },
  ];
}
