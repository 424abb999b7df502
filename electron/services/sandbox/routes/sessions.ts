/**
 * Sessions: list for a user or client (bare array unless `paginated=true`), read, revoke, and
 * session tokens, plain or from a named JWT template, signed with the instance key (RS256; the
 * key is published at GET /v1/jwks, and `verifyJwt` checks what the Sandbox issued).
 */
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { jwks, resolveShortcodes, signJwt } from '../jwt';
import type { Route, RouteRequest } from '../router';
import { liveSession, requireSession, revokeSession } from '../store/sessions';
import { findUser } from '../store/users';
import { Where } from '../store/where';
import type { SessionDoc, UserDoc } from '../types';
import { validateBody } from '../validation/body';

/** Statuses GET /sessions can filter on. */
const SESSION_STATUSES = ['abandoned', 'active', 'ended', 'expired', 'removed', 'replaced', 'revoked'];
/** Lifetime of a plain session token, as on Clerk. */
const SESSION_TOKEN_SECONDS = 60;

function listSessions({ ctx, query }: RouteRequest): SessionDoc[] | { data: SessionDoc[]; total_count: number } {
  const clientId = query.string('client_id');
  const userId = query.string('user_id');
  if (clientId === undefined && userId === undefined) {
    throw errors.badRequest('missing_query_parameter', 'missing query parameter', 'Either of the following query parameters must be provided: client_id, user_id');
  }
  const status = query.string('status');
  if (status !== undefined && !SESSION_STATUSES.includes(status)) {
    throw errors.paramValue('status', `${status} does not match one of the allowed values for parameter status`);
  }
  const paginated = query.bool('paginated') ?? false;
  const limit = query.limit();
  const offset = query.offset();
  const where = new Where();
  if (clientId !== undefined) where.add('client_id = ?', clientId);
  if (userId !== undefined) where.add('user_id = ?', userId);
  const now = ctx.now();
  // A user has few sessions: filter on the live status (expiry is time-dependent) in memory.
  const sessions = ctx.db
    .all<{ doc: string }>(`SELECT doc FROM sessions ${where.sql()} ORDER BY created_at DESC, id DESC`, where.params)
    .map((row) => liveSession(JSON.parse(row.doc) as SessionDoc, now))
    .filter((session) => status === undefined || session.status === status);
  const page = sessions.slice(offset, offset + limit);
  return paginated ? { data: page, total_count: sessions.length } : page;
}

/** Values for template shortcodes such as `{{user.primary_email_address}}`. */
function shortcodeLookup(user: UserDoc, session: SessionDoc): (path: string) => unknown {
  const derived: Record<string, unknown> = {
    primary_email_address: user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? null,
    primary_phone_number: user.phone_numbers.find((p) => p.id === user.primary_phone_number_id)?.phone_number ?? null,
    primary_web3_wallet: user.web3_wallets.find((w) => w.id === user.primary_web3_wallet_id)?.web3_wallet ?? null,
    full_name: [user.first_name, user.last_name].filter(Boolean).join(' ') || null,
    email_verified: user.email_addresses.some((e) => e.id === user.primary_email_address_id && e.verification?.status === 'verified'),
  };
  const roots: Record<string, unknown> = { user: { ...user, ...derived }, session: { id: session.id }, org: { id: session.last_active_organization_id } };
  return (path) => path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), roots);
}

function issueToken(ctx: SandboxContext, session: SessionDoc, lifetime: number, claims: Record<string, unknown>): { object: 'token'; jwt: string } {
  const iat = Math.floor(ctx.now() / 1000);
  const jwt = signJwt(
    { ...claims, iss: ctx.origin, sub: session.user_id, sid: session.id, iat, nbf: iat - 5, exp: iat + lifetime, jti: randomBytes(10).toString('hex') },
    ctx.instance.privateKeyPem,
    ctx.instance.keyId,
  );
  return { object: 'token', jwt };
}

function requireActiveSession(ctx: SandboxContext, id: string): SessionDoc {
  const session = requireSession(ctx, id);
  if (session.status !== 'active') throw errors.notFound(`No active session was found with id ${id}`, 'Session not found');
  return session;
}

function readLifetime(body: RouteRequest['body']): number | undefined {
  return validateBody(body, { expires_in_seconds: { type: 'integer', nullable: true, min: 30, max: 315_360_000 } }).expires_in_seconds ?? undefined;
}

/** Routes of /sessions and /jwks. */
export const sessionRoutes: Route[] = [
  { method: 'GET', template: '/sessions', handler: listSessions },
  { method: 'GET', template: '/sessions/{session_id}', handler: ({ ctx, params }) => requireSession(ctx, params.session_id) },
  { method: 'POST', template: '/sessions/{session_id}/revoke', handler: ({ ctx, params }) => revokeSession(ctx, requireSession(ctx, params.session_id)) },
  {
    method: 'POST',
    template: '/sessions/{session_id}/tokens/{template_name}',
    handler: ({ ctx, params, body }) => {
      const lifetime = readLifetime(body);
      const session = requireActiveSession(ctx, params.session_id);
      const template = ctx.db.get<{ claims: string; lifetime_seconds: number }>('SELECT claims, lifetime_seconds FROM jwt_templates WHERE name = ?', [params.template_name]);
      if (!template) throw errors.notFound(`No JWT template exists with name: ${params.template_name}`, 'JWT template not found');
      const user = findUser(ctx, session.user_id);
      if (!user) throw errors.notFound(`No user was found with id ${session.user_id}`, 'User not found');
      const claims = resolveShortcodes(JSON.parse(template.claims), shortcodeLookup(user.doc, session)) as Record<string, unknown>;
      return issueToken(ctx, session, lifetime ?? template.lifetime_seconds, claims);
    },
  },
  {
    method: 'POST',
    template: '/sessions/{session_id}/tokens',
    handler: ({ ctx, params, body }) => {
      const lifetime = readLifetime(body);
      const session = requireActiveSession(ctx, params.session_id);
      return issueToken(ctx, session, lifetime ?? SESSION_TOKEN_SECONDS, { v: 2 });
    },
  },
  { method: 'GET', template: '/jwks', handler: ({ ctx }) => jwks(ctx.instance.publicKeyPem, ctx.instance.keyId) },
];
