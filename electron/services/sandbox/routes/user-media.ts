/**
 * A user's profile image (multipart upload, served back by the Sandbox) and OAuth access tokens
 * (bare array unless `paginated=true`; an expired token is refreshed on read, as Clerk does).
 */
import { DEFAULT_AVATAR_ID, imageUrl, type SandboxContext } from '../context';
import { errors } from '../errors';
import { randomBase62 } from '../ids';
import type { Route } from '../router';
import { requireUser, saveUser } from '../store/users';
import type { OAuthTokenDoc } from '../types';
import { PROFILE_IMAGE_TYPES, readImageUpload, storeImage } from '../uploads';

/** How long a refreshed OAuth access token lives. */
const REFRESHED_TOKEN_MS = 3_600_000;

/** Routes of /users/{user_id}/profile_image and /users/{user_id}/oauth_access_tokens/{provider}. */
export const userMediaRoutes: Route[] = [
  {
    method: 'POST',
    template: '/users/{user_id}/profile_image',
    body: 'multipart',
    handler: async ({ ctx, params, form }) => {
      requireUser(ctx, params.user_id);
      const image = await readImageUpload(form, PROFILE_IMAGE_TYPES);
      // Reload after the await: another request may have changed the user meanwhile.
      const record = requireUser(ctx, params.user_id);
      const url = imageUrl(ctx, storeImage(ctx, image));
      Object.assign(record.doc, { image_url: url, profile_image_url: url, has_image: true, updated_at: ctx.now() });
      saveUser(ctx.db, record);
      return record.doc;
    },
  },
  {
    method: 'DELETE',
    template: '/users/{user_id}/profile_image',
    handler: ({ ctx, params }) => {
      const record = requireUser(ctx, params.user_id);
      const url = imageUrl(ctx, DEFAULT_AVATAR_ID);
      Object.assign(record.doc, { image_url: url, profile_image_url: url, has_image: false, updated_at: ctx.now() });
      saveUser(ctx.db, record);
      return record.doc;
    },
  },
  {
    method: 'GET',
    template: '/users/{user_id}/oauth_access_tokens/{provider}',
    handler: ({ ctx, params, query }) => {
      if (!/^oauth_[a-z0-9_]+$/.test(params.provider)) {
        throw errors.paramValue('provider', `${params.provider} is not a valid OAuth provider; use the oauth_ prefix, e.g. oauth_google.`);
      }
      requireUser(ctx, params.user_id);
      const paginated = query.bool('paginated') ?? false;
      const limit = query.limit();
      const offset = query.offset();
      const rows = ctx.db.all<{ doc: string }>('SELECT doc FROM oauth_tokens WHERE user_id = ? AND provider = ? ORDER BY created_at, external_account_id', [
        params.user_id,
        params.provider,
      ]);
      const now = ctx.now();
      const page = rows.slice(offset, offset + limit).map((row) => refreshIfExpired(ctx, JSON.parse(row.doc) as OAuthTokenDoc, now));
      return paginated ? { data: page, total_count: rows.length } : page;
    },
  },
];

function refreshIfExpired(ctx: SandboxContext, token: OAuthTokenDoc, now: number): OAuthTokenDoc {
  if (token.expires_at === null || token.expires_at > now) return token;
  const refreshed = { ...token, token: `${token.provider.slice(6, 9)}_at_${randomBase62(32, ctx.random)}`, expires_at: now + REFRESHED_TOKEN_MS };
  ctx.db.run('UPDATE oauth_tokens SET doc = ? WHERE external_account_id = ?', [JSON.stringify(refreshed), token.external_account_id]);
  return refreshed;
}
