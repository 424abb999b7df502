/**
 * What each user action asks before it is sent: the guardrail's title, consequence, button and
 * change preview, and the phrase a production-class profile types (the user's primary email, else
 * username, else id). Pure, so the wording and previews are tested without a dialog.
 */
import type { User } from '@shared/clerk';
import type { UserAction } from '../../api/users';
import { changeRows } from '../../components/guardrails/change-rows';
import type { ConfirmRequest } from '../../stores/guardrail';
import { confirmPhraseOf, displayName } from './user-display';

/** How the lock lasts, from the user's record when it has one. */
function lockDuration(user: User): string {
  const seconds = user.lockout_expires_in_seconds;
  if (!seconds) return "for the instance's lockout duration (Clerk dashboard → Attack protection)";
  const minutes = Math.ceil(seconds / 60);
  return `for ${minutes} minute${minutes === 1 ? '' : 's'} (the instance's lockout duration)`;
}

/** The confirmation of `action` on `user`. */
export function userActionRequest(action: UserAction, user: User): ConfirmRequest {
  const name = displayName(user);
  const confirmPhrase = confirmPhraseOf(user);
  const rows = (before: Record<string, unknown>, after: Record<string, unknown>) => changeRows(before, after, LABELS);
  switch (action) {
    case 'ban':
      return {
        title: `Ban ${name}?`,
        consequence: `A ban revokes every session ${name} has, at once, and blocks signing in until the user is unbanned. Nothing of the account is deleted.`,
        actionLabel: 'Ban user',
        destructive: true,
        preview: rows({ banned: user.banned }, { banned: true }),
        confirmPhrase,
      };
    case 'unban':
      return {
        title: `Unban ${name}?`,
        consequence: `${name} can sign in again. Sessions revoked by the ban do not come back.`,
        actionLabel: 'Unban user',
        destructive: false,
        preview: rows({ banned: user.banned }, { banned: false }),
        confirmPhrase,
        typed: false,
      };
    case 'lock':
      return {
        title: `Lock ${name}?`,
        consequence: `${name} cannot sign in ${lockDuration(user)}; the lock then lifts by itself, or sooner with Unlock. Existing sessions stay signed in.`,
        actionLabel: 'Lock user',
        destructive: false,
        preview: rows({ locked: user.locked }, { locked: true }),
        confirmPhrase,
        typed: false,
      };
    case 'unlock':
      return {
        title: `Unlock ${name}?`,
        consequence: `${name} can sign in again at once instead of waiting for the lock to lift.`,
        actionLabel: 'Unlock user',
        destructive: false,
        preview: rows({ locked: user.locked }, { locked: false }),
        confirmPhrase,
        typed: false,
      };
    case 'disableMfa':
      return {
        title: `Disable every second factor of ${name}?`,
        consequence: `Disabling MFA removes every second factor of ${name}: the authenticator app (TOTP), the backup codes and the phone numbers used as a second factor. ${name} then signs in with the first factor alone until they set MFA up again.`,
        actionLabel: 'Disable MFA',
        destructive: true,
        preview: rows(
          { two_factor_enabled: user.two_factor_enabled, totp_enabled: user.totp_enabled, backup_code_enabled: user.backup_code_enabled },
          { two_factor_enabled: false, totp_enabled: false, backup_code_enabled: false },
        ),
        confirmPhrase,
      };
    case 'delete':
      return {
        title: `Delete ${name}?`,
        consequence: `A delete cannot be undone: ${name}, their sign-in identifiers, sessions and organization memberships are removed from the instance for good. The audit log keeps the user's last state.`,
        actionLabel: 'Delete user',
        destructive: true,
        confirmPhrase,
      };
  }
}

const LABELS: Record<string, string> = {
  banned: 'Banned',
  locked: 'Locked',
  two_factor_enabled: 'Two-factor enabled',
  totp_enabled: 'Authenticator app (TOTP)',
  backup_code_enabled: 'Backup codes',
};
