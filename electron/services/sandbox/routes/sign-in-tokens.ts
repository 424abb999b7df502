/**
 * Sign-in tokens: create (pending, with a usable `url`), revoke (only from pending, else 400), and
 * the Sandbox's ticket page that accepts a token: it signs the user in (a new active session).
 */
import { escapeHtml } from '../html';
import { ID_PREFIX, newId } from '../ids';
import { JwtError, verifyJwt } from '../jwt';
import { errors } from '../errors';
import { RawBody, type Route } from '../router';
import { newSessionDoc } from '../serializers/session';
import { requireOrganization } from '../store/organizations';
import { saveSession } from '../store/sessions';
import { SIGN_IN_TOKEN_DEFAULT_SECONDS, TICKET_ACCEPT_PATH, issueSignInToken, requireSignInToken, saveSignInToken } from '../store/sign-in-tokens';
import { findUser, requireUser, saveUser } from '../store/users';
import { validateBody } from '../validation/body';

/** Routes of /sign_in_tokens. */
export const signInTokenRoutes: Route[] = [
  {
    method: 'POST',
    template: '/sign_in_tokens',
    handler: ({ ctx, body: raw }) => {
      const body = validateBody(raw, {
        user_id: { type: 'string', required: true },
        org_id: { type: 'string', nullable: true },
        expires_in_seconds: { type: 'integer', nullable: true, min: 1 },
      });
      const user = requireUser(ctx, body.user_id!).doc;
      if (body.org_id) {
        const org = requireOrganization(ctx, body.org_id);
        if (!ctx.db.get('SELECT 1 AS found FROM memberships WHERE organization_id = ? AND user_id = ?', [org.id, user.id])) {
          throw errors.forbidden('not_a_member_in_organization', 'not a member', `User ${user.id} is not a member of organization ${org.id}.`);
        }
      }
      return issueSignInToken(ctx, user.id, body.expires_in_seconds ?? SIGN_IN_TOKEN_DEFAULT_SECONDS);
    },
  },
  {
    method: 'POST',
    template: '/sign_in_tokens/{sign_in_token_id}/revoke',
    handler: ({ ctx, params }) => {
      const token = requireSignInToken(ctx, params.sign_in_token_id);
      if (token.status !== 'pending') {
        throw errors.badRequest(
          'sign_in_token_cannot_be_revoked_code',
          'cannot revoke',
          `Sign in token cannot be revoked because its status is ${token.status}. Only pending tokens can be revoked.`,
        );
      }
      const revoked = { ...token, status: 'revoked' as const, updated_at: ctx.now() };
      saveSignInToken(ctx, revoked);
      return revoked;
    },
  },
];

function page(status: number, title: string, message: string): RawBody {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body style="font-family:system-ui;margin:3rem"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
  return new RawBody('text/html; charset=utf-8', html, status);
}

/** GET /v1/tickets/accept?ticket=…: the page a sign-in token's `url` opens. */
export const ticketRoutes: Route[] = [
  {
    method: 'GET',
    template: TICKET_ACCEPT_PATH,
    handler: ({ ctx, query, headers }) => {
      const ticket = query.string('ticket');
      if (!ticket) return page(400, 'Missing ticket', 'This link has no ticket parameter.');
      let claims;
      try {
        claims = verifyJwt(ticket, ctx.instance.publicKeyPem, ctx.now());
      } catch (error) {
        if (error instanceof JwtError) return page(400, 'Invalid sign-in link', `This sign-in link cannot be used: ${error.message}.`);
        throw error;
      }
      const token = requireSignInToken(ctx, String(claims.sid));
      if (token.status !== 'pending') return page(410, 'Sign-in link already used', `This sign-in token is ${token.status}.`);
      const record = findUser(ctx, token.user_id);
      if (!record) return page(410, 'User not found', 'The user of this sign-in link no longer exists.');
      if (record.doc.banned) return page(403, 'User banned', 'This user is banned and cannot sign in.');
      const now = ctx.now();
      const session = newSessionDoc({
        id: newId(ID_PREFIX.session, now, ctx.random),
        userId: record.doc.id,
        clientId: newId(ID_PREFIX.client, now, ctx.random),
        status: 'active',
        createdAt: now,
        lastActiveAt: now,
        activity: {
          object: 'session_activity',
          id: newId(ID_PREFIX.sessionActivity, now, ctx.random),
          device_type: 'Sandbox',
          is_mobile: false,
          browser_name: String(headers['user-agent'] ?? 'unknown').slice(0, 60),
          ip_address: '127.0.0.1',
        },
      });
      ctx.db.transaction(() => {
        saveSession(ctx.db, session);
        saveSignInToken(ctx, { ...token, status: 'accepted', updated_at: now });
        Object.assign(record.doc, { last_sign_in_at: now, last_active_at: now, updated_at: now });
        saveUser(ctx.db, record);
      });
      const who = record.doc.first_name ?? record.doc.username ?? record.doc.id;
      return page(200, 'Signed in', `Signed in as ${who} (session ${session.id}).`);
    },
  },
];
