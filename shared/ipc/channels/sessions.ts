/** The `sessions:*` channels: a user's (or a client's) sessions, one session, and revoke. Their input is validated here, once. */
import { z } from 'zod';
import type { Session } from '../../clerk';
import { channel } from '../channel';
import { clerkId, localId } from '../schemas';

/** The statuses `GET /sessions` filters on (the spec's list; `pending` is not one). */
export const SESSION_LIST_STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'] as const;

/** A page of sessions with how many match in all. */
export interface SessionPage {
  data: Session[];
  totalCount: number;
}

/** A JWT template's name as Clerk's dashboard allows it (letters, digits, `_`, `-`, `.`): it goes into the URL path, so nothing else. */
export const JWT_TEMPLATE_NAME = /^[A-Za-z0-9_.-]+$/;

/** What `sessions:createToken` answers: the JWT, handed to the renderer once (never stored by main). */
export interface SessionToken {
  jwt: string;
}

/** One session of a profile. */
const oneSession = z.object({ profileId: localId, sessionId: clerkId('sess') });

/** The sessions' channels. */
export const sessionChannels = {
  /** `GET /sessions` (paginated): Clerk expects a user or a client to list the sessions of. */
  'sessions:list': channel(
    z
      .object({
        profileId: localId,
        userId: clerkId('user').optional(),
        clientId: clerkId('client').optional(),
        status: z.enum(SESSION_LIST_STATUSES).optional(),
        limit: z.number().int().min(1).max(500).default(10),
        offset: z.number().int().min(0).default(0),
      })
      .refine((input) => input.userId !== undefined || input.clientId !== undefined, { message: 'List the sessions of a user or of a client.', path: ['userId'] }),
  ).returns<SessionPage>(),
  'sessions:get': channel(oneSession).returns<Session>(),
  /** Signs the session's device out (`status: revoked`). */
  'sessions:revoke': channel(oneSession).returns<Session>(),
  /**
   * `POST /sessions/{id}/tokens/{template_name}` (issue 12, item 2): a JWT from a JWT template,
   * audited as a sensitive action with the JWT redacted. Clerk's 404 for an unknown template comes
   * back on `templateName`.
   */
  'sessions:createToken': channel(
    oneSession.extend({
      templateName: z
        .string()
        .trim()
        .min(1, 'Enter the JWT template’s name.')
        .max(100, 'A template name is at most 100 characters.')
        .regex(JWT_TEMPLATE_NAME, 'Use the template’s name as in Clerk: letters, digits, _ - and . only.'),
    }),
  ).returns<SessionToken>(),
} as const;
