/**
 * Sign-up attempts: read, update (`external_id`, `custom_action`; a finished attempt cannot be
 * updated: 403), and the Sandbox-only list the app uses to find attempts, since the Backend API
 * has no list endpoint:
 *
 *   GET /v1/__sandbox/sign_ups?limit&offset  (bearer auth) → {data: [SignUp], total_count}, newest first
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { RawJson, type Route } from '../router';
import type { SignUpDoc } from '../types';
import { validateBody } from '../validation/body';

function requireSignUp(ctx: SandboxContext, id: string): SignUpDoc {
  const row = ctx.db.get<{ doc: string }>('SELECT doc FROM sign_ups WHERE id = ?', [id]);
  if (!row) throw errors.notFound(`No sign up was found with id ${id}`, 'Sign up not found');
  return JSON.parse(row.doc) as SignUpDoc;
}

/** Routes of /sign_ups and /__sandbox/sign_ups. */
export const signUpRoutes: Route[] = [
  { method: 'GET', template: '/sign_ups/{id}', handler: ({ ctx, params }) => requireSignUp(ctx, params.id) },
  {
    method: 'PATCH',
    template: '/sign_ups/{id}',
    handler: ({ ctx, params, body: raw }) => {
      const body = validateBody(raw, { external_id: { type: 'string', nullable: true }, custom_action: { type: 'boolean', nullable: true } });
      const signUp = requireSignUp(ctx, params.id);
      if (signUp.status !== 'missing_requirements') {
        throw errors.forbidden('sign_up_cannot_be_updated', 'cannot be updated', `This sign up is ${signUp.status} and can no longer be updated.`);
      }
      if (body.external_id !== undefined) signUp.external_id = body.external_id || null;
      if (body.custom_action != null) signUp.custom_action = body.custom_action;
      ctx.db.run('UPDATE sign_ups SET doc = ? WHERE id = ?', [JSON.stringify(signUp), signUp.id]);
      return signUp;
    },
  },
  {
    method: 'GET',
    template: '/__sandbox/sign_ups',
    handler: ({ ctx, query }) => {
      const rows = ctx.db.all<{ doc: string }>('SELECT doc FROM sign_ups ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?', [query.limit(), query.offset()]);
      const total = ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM sign_ups')!.n;
      return new RawJson(`{"data":[${rows.map((r) => r.doc).join(',')}],"total_count":${total}}`);
    },
  },
];
