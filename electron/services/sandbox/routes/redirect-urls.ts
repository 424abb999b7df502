/**
 * Redirect URLs: list (bare array unless `paginated=true`), create (`https://…` or a custom
 * scheme; unique), read, delete.
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { ID_PREFIX, newId } from '../ids';
import { RawJson, type Route } from '../router';
import { validateBody } from '../validation/body';
import { redirectUrlProblem } from '../validation/formats';

function requireRedirectUrl(ctx: SandboxContext, id: string): string {
  const row = ctx.db.get<{ doc: string }>('SELECT doc FROM redirect_urls WHERE id = ?', [id]);
  if (!row) throw errors.notFound(`No RedirectURL exists with id: ${id}`, 'Redirect URL not found');
  return row.doc;
}

/** Routes of /redirect_urls. */
export const redirectUrlRoutes: Route[] = [
  {
    method: 'GET',
    template: '/redirect_urls',
    handler: ({ ctx, query }) => {
      const paginated = query.bool('paginated') ?? false;
      const rows = ctx.db.all<{ doc: string }>('SELECT doc FROM redirect_urls ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?', [query.limit(), query.offset()]);
      const list = `[${rows.map((r) => r.doc).join(',')}]`;
      if (!paginated) return new RawJson(list);
      const total = ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM redirect_urls')!.n;
      return new RawJson(`{"data":${list},"total_count":${total}}`);
    },
  },
  {
    method: 'POST',
    template: '/redirect_urls',
    handler: ({ ctx, body: raw }) => {
      const url = validateBody(raw, { url: { type: 'string', required: true } }).url!.trim();
      const problem = redirectUrlProblem(url);
      if (problem) throw errors.paramFormat('url', `${url} ${problem}.`);
      if (ctx.db.get('SELECT 1 AS found FROM redirect_urls WHERE url = ?', [url])) throw errors.identifierExists('url', 'That redirect URL already exists.');
      const now = ctx.now();
      const doc = { object: 'redirect_url', id: newId(ID_PREFIX.redirectUrl, now, ctx.random), url, created_at: now, updated_at: now };
      ctx.db.run('INSERT INTO redirect_urls (id, url, created_at, doc) VALUES (?, ?, ?, ?)', [doc.id, url, now, JSON.stringify(doc)]);
      return doc;
    },
  },
  { method: 'GET', template: '/redirect_urls/{id}', handler: ({ ctx, params }) => new RawJson(requireRedirectUrl(ctx, params.id)) },
  {
    method: 'DELETE',
    template: '/redirect_urls/{id}',
    handler: ({ ctx, params }) => {
      requireRedirectUrl(ctx, params.id);
      ctx.db.run('DELETE FROM redirect_urls WHERE id = ?', [params.id]);
      return { object: 'redirect_url', id: params.id, deleted: true };
    },
  },
];
