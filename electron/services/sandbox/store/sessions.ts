/**
 * Persistence of sessions. A session's stored status is the truth for revoked/ended/…; an active
 * session past its `expire_at` reads as `expired`, as on Clerk.
 */
import type { SandboxContext } from '../context';
import type { SandboxDatabase } from '../db/database';
import { errors } from '../errors';
import type { SessionDoc } from '../types';

/** The session with its time-dependent status applied. */
export function liveSession(doc: SessionDoc, now: number): SessionDoc {
  if ((doc.status === 'active' || doc.status === 'pending') && doc.expire_at <= now) return { ...doc, status: 'expired' };
  return doc;
}

/** Writes a session. */
export function saveSession(db: SandboxDatabase, session: SessionDoc): void {
  db.run(
    `INSERT INTO sessions (id, user_id, client_id, status, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET status = excluded.status, doc = excluded.doc`,
    [session.id, session.user_id, session.client_id, session.status, session.created_at, JSON.stringify(session)],
  );
}

/** Loads a session or throws Clerk's 404. */
export function requireSession(ctx: SandboxContext, id: string): SessionDoc {
  const row = ctx.db.get<{ doc: string }>('SELECT doc FROM sessions WHERE id = ?', [id]);
  if (!row) throw errors.notFound(`No session was found with id ${id}`, 'Session not found');
  return liveSession(JSON.parse(row.doc) as SessionDoc, ctx.now());
}

/** Sets a session's status to `revoked`. */
export function revokeSession(ctx: SandboxContext, session: SessionDoc): SessionDoc {
  const revoked: SessionDoc = { ...session, status: 'revoked', updated_at: ctx.now() };
  saveSession(ctx.db, revoked);
  return revoked;
}

/** Revokes every active or pending session of a user (ban, password change with sign-out). */
export function revokeUserSessions(ctx: SandboxContext, userId: string): number {
  const rows = ctx.db.all<{ doc: string }>("SELECT doc FROM sessions WHERE user_id = ? AND status IN ('active', 'pending')", [userId]);
  for (const row of rows) revokeSession(ctx, JSON.parse(row.doc) as SessionDoc);
  return rows.length;
}
