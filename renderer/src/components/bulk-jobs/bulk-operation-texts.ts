/**
 * What each bulk operation is called on its buttons and in its confirmation: the verb, what
 * happens to each item, and whether it destroys data or access (a red button). The undo of a job
 * is previewed and confirmed with its inverse operation's texts.
 */
import type { BulkOperationName } from '@shared/ipc/bulk-jobs';
import type { PreviewContext } from '../../stores/bulk-jobs';

/** The texts of every bulk operation. */
export const BULK_OPERATION_TEXTS: Record<BulkOperationName, PreviewContext> = {
  'users.ban': { verb: 'Ban', destructive: true, consequence: 'Each user is signed out of every session at once and cannot sign in until unbanned.' },
  'users.unban': { verb: 'Unban', destructive: false, consequence: 'Each user can sign in again.' },
  'users.lock': { verb: 'Lock', destructive: true, consequence: 'Each user is locked out of signing in until unlocked (or until the lockout expires).' },
  'users.unlock': { verb: 'Unlock', destructive: false, consequence: 'Each user can sign in again.' },
  'users.metadata': { verb: 'Update metadata of', destructive: false, consequence: 'The patch is deep-merged into each user\u2019s metadata (null deletes a key).' },
  'users.metadata.restore': { verb: 'Restore metadata of', destructive: false, consequence: 'Each user\u2019s metadata is put back as the audit log recorded it before the job.' },
  'users.disable_mfa': { verb: 'Disable MFA of', destructive: true, consequence: 'Every second factor of each user (authenticator app, backup codes, second-factor phones) is removed.' },
  'users.delete': { verb: 'Delete', destructive: true, consequence: 'Each user and their data are deleted for good. This cannot be undone.' },
  'sessions.revoke_all_for_user': { verb: 'Sign out', destructive: true, consequence: 'Every active session of each user is revoked: their devices are signed out at once.' },
  // The Sessions list's selection (issue 12, item 2).
  'sessions.revoke': { verb: 'Revoke', noun: 'session', destructive: true, consequence: 'Each selected session is revoked: its device is signed out at once and must sign in again.' },
  // The import (issue 10, item 3).
  // Bulk profile images (issue 10, item 5).
  'users.set_profile_image': { verb: 'Set the profile image of', destructive: false, consequence: 'Each matched user\u2019s profile image is replaced by the dropped image (Clerk keeps no earlier image, so this cannot be undone).' },
  'users.create': { verb: 'Create', destructive: false, consequence: 'Each row of the file becomes a new user (POST /users); rows whose email, username, external id or phone is taken are skipped.' },
  // Bulk membership work (issue 11, item 7): one organization per job.
  'memberships.add': { verb: 'Add', destructive: false, consequence: 'Each user becomes a member of the organization with the role shown for them.' },
  'memberships.update_role': { verb: 'Change the role of', destructive: false, consequence: 'Each member gets the new role, with its permissions; undo puts back each member\u2019s own previous role.' },
  'memberships.remove': { verb: 'Remove', destructive: true, consequence: 'Each member loses access to the organization at once. Undo re-adds them with their role and membership metadata.' },
  // Copy between profiles (issue 12, item 6): the job runs on the target profile.
  'redirect_urls.copy': { verb: 'Copy', noun: 'redirect URL', destructive: false, consequence: 'Each redirect URL is added to the target profile\u2019s instance, so apps may redirect there.' },
  'saml_connections.copy': {
    verb: 'Copy',
    noun: 'SAML connection',
    destructive: false,
    consequence: 'Each connection\u2019s configuration (name, domains, provider, IdP settings, attribute mapping, flags) is created on the target profile\u2019s instance; its SP side (ACS URL, SP entity ID, SP metadata) is the target\u2019s own, so the IdP must be given the new values; the organization is not copied.',
  },
};

/** The inverse of each undoable operation (as main builds the undo). */
const INVERSE: Partial<Record<BulkOperationName, BulkOperationName>> = {
  'users.ban': 'users.unban',
  'users.unban': 'users.ban',
  'users.lock': 'users.unlock',
  'users.unlock': 'users.lock',
  'users.metadata': 'users.metadata.restore',
  'memberships.add': 'memberships.remove',
  'memberships.update_role': 'memberships.update_role',
  'memberships.remove': 'memberships.add',
};

/** The texts the undo of a job of `operation` is previewed with. */
export function undoTexts(operation: BulkOperationName): PreviewContext {
  const inverse = INVERSE[operation];
  return inverse ? BULK_OPERATION_TEXTS[inverse] : { verb: 'Undo', destructive: false, consequence: 'The job\u2019s changes are reversed.' };
}
