/** The label/value rows of a user's detail view: identity, timestamps and flags. */
import type { User } from '@shared/clerk';
import type { Fact } from '../../components/fact';
import { formatTime } from '../../format';

const text = (label: string, value: string | null | undefined, mono = false): Fact =>
  value ? { label, value, mono, copy: mono } : { label, value: '—', muted: true };
const time = (label: string, ms: number | null | undefined, never = '—'): Fact =>
  typeof ms === 'number' ? { label, value: formatTime(ms) } : { label, value: never, muted: true };
const flag = (label: string, on: boolean | null | undefined): Fact => ({ label, value: on ? 'Yes' : 'No', muted: !on });

/** Who the user is. */
export function identityFacts(user: User): Fact[] {
  return [
    text('User ID', user.id, true),
    text('External ID', user.external_id, true),
    text('Username', user.username),
    text('First name', user.first_name),
    text('Last name', user.last_name),
    text('Locale', user.locale),
  ];
}

/** When things happened, in local time. */
export function timestampFacts(user: User): Fact[] {
  return [
    time('Created', user.created_at),
    time('Updated', user.updated_at),
    time('Last sign-in', user.last_sign_in_at, 'Never'),
    time('Last active', user.last_active_at, 'Never'),
    time('Password changed', user.password_last_updated_at, 'Never'),
    time('Terms accepted', user.legal_accepted_at, 'Never'),
    time('MFA enabled', user.mfa_enabled_at, 'Never'),
  ];
}

/** Security and capability flags. */
export function flagFacts(user: User): Fact[] {
  const lockout =
    user.locked && user.lockout_expires_in_seconds !== null ? `${Math.ceil(user.lockout_expires_in_seconds / 60)} min left` : user.locked ? 'Until unlocked' : null;
  return [
    flag('Banned', user.banned),
    { label: 'Locked', value: lockout ?? 'No', muted: !user.locked },
    flag('Password set', user.password_enabled),
    flag('Two-factor', user.two_factor_enabled),
    flag('Authenticator app (TOTP)', user.totp_enabled),
    flag('Backup codes', user.backup_code_enabled),
    flag('Can delete self', user.delete_self_enabled),
    flag('Can create organizations', user.create_organization_enabled),
    {
      label: 'Verification attempts left',
      value: user.verification_attempts_remaining === null ? 'No limit' : String(user.verification_attempts_remaining),
      muted: user.verification_attempts_remaining === null,
    },
  ];
}
