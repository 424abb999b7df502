/** The Backend API's proxy check operations (issue 12, item 5), each declared once. */
import type { Bapi, ProxyCheck } from '../../../../shared/clerk';
import { operation } from '../operation';

/** The proxy check operations. */
export const proxyCheckOperations = {
  /**
   * `POST /proxy_checks`: Clerk requests the proxy URL and answers whether it reaches the Frontend
   * API (a failure is 422 `invalid_proxy_configuration` on `proxy_url`). Audited against the domain
   * (passed as the run's `targetId`); it changes nothing, so there is no state route.
   */
  verify: operation<ProxyCheck>()({ method: 'POST', route: '/proxy_checks', action: 'proxy_checks.verify', target: { type: 'domain' }, destructive: false }),
  /** `GET /domains`: the instance's domains (the ids a proxy check names). */
  domains: operation<Bapi.Domains>()({ method: 'GET', route: '/domains', destructive: false }),
} as const;
