/**
 * The Session document (Clerk's lifetimes: a session expires 7 days after its last activity
 * window opens and is abandoned after 30 days).
 */
import type { JsonObject, SessionDoc } from '../types';

/** Session lifetime until `expire_at`. */
export const SESSION_LIFETIME_MS = 7 * 86_400_000;
/** Inactivity window until `abandon_at`. */
export const SESSION_ABANDON_MS = 30 * 86_400_000;

/** Fields of a new session. */
export interface NewSessionFields {
  id: string;
  userId: string;
  clientId: string;
  status: SessionDoc['status'];
  createdAt: number;
  lastActiveAt: number;
  activity: JsonObject | null;
  organizationId?: string | null;
}

/** A session document. */
export function newSessionDoc(fields: NewSessionFields): SessionDoc {
  return {
    object: 'session',
    id: fields.id,
    user_id: fields.userId,
    client_id: fields.clientId,
    actor: null,
    status: fields.status,
    last_active_organization_id: fields.organizationId ?? null,
    last_active_at: fields.lastActiveAt,
    latest_activity: fields.activity,
    expire_at: fields.lastActiveAt + SESSION_LIFETIME_MS,
    abandon_at: fields.createdAt + SESSION_ABANDON_MS,
    updated_at: fields.lastActiveAt,
    created_at: fields.createdAt,
    tasks: [],
  };
}
