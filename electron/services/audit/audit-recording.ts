/**
 * Puts the audit recorder into a profile's client. The recorder's context (profile, instance,
 * key fingerprint) is resolved on the first audited call, so building a client never touches the
 * keychain; when the app has no working audit log, every audited call is refused, not sent.
 */
import { AppError } from '../../../shared/ipc/errors';
import type { ClerkMiddleware } from '../clerk/call';
import type { ProfileRecord } from '../profiles/profile-store';
import type { AuditLog } from './audit-log';
import { createAuditMiddleware } from './middleware';

/** The audit log, or why there is none. */
export type AuditAvailability = { log: AuditLog } | { problem: string };

/** What the recorder of every profile shares. */
export interface AuditRecordingOptions {
  audit: AuditAvailability;
  appVersion: string;
  /** The fingerprint of the profile's key (stored with the profile; computed once for old ones). */
  keyFingerprint: (profileId: string) => Promise<string>;
  /** An outcome that could not be written after its call was sent (main's log). */
  onRecordError?: (error: unknown, intentSeq: number) => void;
}

/** True when the audit log records this call (every change, and sensitive reads). */
export function isAudited(call: { method: string; sensitive?: boolean }): boolean {
  return call.method !== 'GET' || call.sensitive === true;
}

/** The recorder middleware for one profile's client. */
export function auditRecorderFor(profile: ProfileRecord, options: AuditRecordingOptions): ClerkMiddleware {
  const { audit } = options;
  if ('problem' in audit) {
    return async (call, next) => {
      if (!isAudited(call)) return next(call);
      throw new AppError({ kind: 'audit', code: 'audit_unavailable', message: `The change was not sent: ${audit.problem}` });
    };
  }
  let recorder: Promise<ClerkMiddleware> | undefined;
  const build = async () =>
    createAuditMiddleware(audit.log, {
      profile: { id: profile.id, name: profile.name, environment: profile.environment },
      instance: { apiUrl: profile.apiUrl, keyFingerprint: await options.keyFingerprint(profile.id) },
      appVersion: options.appVersion,
      onRecordError: options.onRecordError,
    });
  return async (call, next) => {
    if (!isAudited(call)) return next(call);
    recorder ??= build();
    let middleware: ClerkMiddleware;
    try {
      middleware = await recorder;
    } catch (error) {
      // A keychain that was locked may be open next time: do not keep the failure.
      recorder = undefined;
      throw error;
    }
    return middleware(call, next);
  };
}
