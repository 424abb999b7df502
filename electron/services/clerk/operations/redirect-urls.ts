/** The Backend API's redirect URL operations (issue 12, item 3), each declared once. */
import type { DeletedObject, RedirectURL } from '../../../../shared/clerk';
import { operation } from '../operation';

/** The redirect URL operations. */
export const redirectUrlOperations = {
  /** `GET /redirect_urls`: a bare array unless sent with `paginated=true`, then `{ data, total_count }`. */
  list: operation<{ data: RedirectURL[]; total_count: number }>()({ method: 'GET', route: '/redirect_urls', destructive: false }),
  /** `POST /redirect_urls`: allows one more URL (https or a custom scheme). It has no id before it exists, so no state before. */
  create: operation<RedirectURL>()({ method: 'POST', route: '/redirect_urls', action: 'redirect_urls.create', target: { type: 'redirect_url' }, destructive: false }),
  /** `GET /redirect_urls/{redirect_url_id}`: one URL. */
  get: operation<RedirectURL>()({
    method: 'GET',
    route: '/redirect_urls/{redirect_url_id}',
    target: { type: 'redirect_url', idParam: 'redirect_url_id' },
    destructive: false,
  }),
  /** `DELETE /redirect_urls/{redirect_url_id}`: the URL is no longer allowed (apps redirecting there break). */
  delete: operation<DeletedObject>()({
    method: 'DELETE',
    route: '/redirect_urls/{redirect_url_id}',
    action: 'redirect_urls.delete',
    target: { type: 'redirect_url', idParam: 'redirect_url_id' },
    stateRoute: '/redirect_urls/{redirect_url_id}',
    destructive: true,
  }),
} as const;
