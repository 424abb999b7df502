/**
 * Sign-in tokens: a signed JWT (`sub` = user, `sid` = token ID) and a `url` on the Sandbox that
 * accepts it (GET /v1/tickets/accept?ticket=…), so a pending token is really usable.
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { ID_PREFIX, newId } from '../ids';
import { signJwt } from '../jwt';
import type { SignInTokenDoc } from '../types';

/** Clerk's default lifetime: 30 days. */
export const SIGN_IN_TOKEN_DEFAULT_SECONDS = 2_592_000;

/** Path of the Sandbox's ticket-accepting page. */
export const TICKET_ACCEPT_PATH = '/v1/tickets/accept';

/** Writes a sign-in token. */
export function saveSignInToken(ctx: SandboxContext, doc: SignInTokenDoc): void {
  ctx.db.run(
    'INSERT INTO sign_in_tokens (id, user_id, created_at, doc) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
    [doc.id, doc.user_id, doc.created_at, JSON.stringify(doc)],
  );
}

/** Creates and stores a pending sign-in token for a user. */
export function issueSignInToken(ctx: SandboxContext, userId: string, expiresInSeconds: number, at = ctx.now()): SignInTokenDoc {
  const id = newId(ID_PREFIX.signInToken, at, ctx.random);
  const iat = Math.floor(at / 1000);
  const token = signJwt({ iss: ctx.origin, sub: userId, sid: id, iat, nbf: iat, exp: iat + expiresInSeconds }, ctx.instance.privateKeyPem, ctx.instance.keyId);
  const doc: SignInTokenDoc = {
    object: 'sign_in_token',
    id,
    status: 'pending',
    user_id: userId,
    token,
    url: `${ctx.origin}${TICKET_ACCEPT_PATH}?ticket=${token}`,
    created_at: at,
    updated_at: at,
  };
  saveSignInToken(ctx, doc);
  return doc;
}

/** Loads a sign-in token or throws Clerk's 404. */
export function requireSignInToken(ctx: SandboxContext, id: string): SignInTokenDoc {
  const row = ctx.db.get<{ doc: string }>('SELECT doc FROM sign_in_tokens WHERE id = ?', [id]);
  if (!row) throw errors.notFound(`No sign-in token was found with id ${id}`, 'Sign-in token not found');
  return JSON.parse(row.doc) as SignInTokenDoc;
}
