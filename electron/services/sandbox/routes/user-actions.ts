/**
 * Actions on one user: ban/unban (a ban revokes the user's sessions), lock/unlock (the lock
 * expires after the instance's lockout duration), metadata merge/replace, and disabling MFA.
 */
import { applyMetadata, readMetadataPatch } from '../metadata';
import type { Route, RouteRequest } from '../router';
import { applyLockState, refreshTwoFactor } from '../serializers/user';
import { revokeUserSessions } from '../store/sessions';
import { requireUser, saveUser, type UserRecord } from '../store/users';
import type { UserDoc } from '../types';

const USER_METADATA_FIELDS = ['public_metadata', 'private_metadata', 'unsafe_metadata'] as const;

/** Loads the path's user, applies `change`, stamps `updated_at`, saves and returns it. */
function changeUser(req: RouteRequest, change: (record: UserRecord, now: number) => void): UserDoc {
  const { ctx } = req;
  const record = requireUser(ctx, req.params.user_id);
  const now = ctx.now();
  ctx.db.transaction(() => {
    change(record, now);
    record.doc.updated_at = now;
    applyLockState(record.doc, record.lockedUntil, now);
    saveUser(ctx.db, record);
  });
  return record.doc;
}

function metadataRoute(method: 'PATCH' | 'PUT'): Route {
  return {
    method,
    template: '/users/{user_id}/metadata',
    handler: (req) => {
      const patch = readMetadataPatch(req.body, USER_METADATA_FIELDS);
      return changeUser(req, ({ doc }) => {
        const next = applyMetadata(
          { public_metadata: doc.public_metadata, private_metadata: doc.private_metadata, unsafe_metadata: doc.unsafe_metadata },
          patch,
          method === 'PATCH' ? 'merge' : 'replace',
        );
        Object.assign(doc, next);
      });
    },
  };
}

/** Routes of /users/{user_id}/ban, unban, lock, unlock, metadata and mfa. */
export const userActionRoutes: Route[] = [
  {
    method: 'POST',
    template: '/users/{user_id}/ban',
    handler: (req) =>
      changeUser(req, ({ doc }) => {
        doc.banned = true;
        revokeUserSessions(req.ctx, doc.id);
      }),
  },
  { method: 'POST', template: '/users/{user_id}/unban', handler: (req) => changeUser(req, ({ doc }) => void (doc.banned = false)) },
  {
    method: 'POST',
    template: '/users/{user_id}/lock',
    handler: (req) => changeUser(req, (record, now) => void (record.lockedUntil = now + req.ctx.settings.lockoutSeconds * 1000)),
  },
  { method: 'POST', template: '/users/{user_id}/unlock', handler: (req) => changeUser(req, (record) => void (record.lockedUntil = null)) },
  metadataRoute('PATCH'),
  metadataRoute('PUT'),
  {
    method: 'DELETE',
    template: '/users/{user_id}/mfa',
    handler: (req) => {
      const user = changeUser(req, ({ doc }, now) => {
        const had = doc.two_factor_enabled;
        doc.totp_enabled = false;
        doc.backup_code_enabled = false;
        for (const phone of doc.phone_numbers) {
          phone.reserved_for_second_factor = false;
          phone.default_second_factor = false;
          phone.backup_codes = null;
        }
        refreshTwoFactor(doc);
        if (had) {
          doc.mfa_disabled_at = now;
          doc.mfa_enabled_at = null;
        }
      });
      return { user_id: user.id };
    },
  },
];
