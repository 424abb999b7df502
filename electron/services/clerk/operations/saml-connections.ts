/**
 * The Backend API's operations on SAML connections, each declared once. Clerk marks these endpoints
 * deprecated in favour of `/enterprise_connections`: every caller goes through this table (the
 * handlers, the compare-and-copy jobs), so moving to enterprise connections means changing only it
 * and the handlers' mapping, not the screens.
 */
import type { DeletedObject, Paginated, SAMLConnection } from '../../../../shared/clerk';
import { operation } from '../operation';

// Every change is recorded against the connection, so "open target" in the audit log opens its tab.
const connectionTarget = { type: 'saml_connection', idParam: 'saml_connection_id' } as const;
const connectionState = '/saml_connections/{saml_connection_id}';

/** The SAML connection operations. */
export const samlConnectionOperations = {
  /** `GET /saml_connections`: always `{ data, total_count }`; `query` (name), `order_by`, `organization_id[]`, limit/offset. */
  list: operation<Paginated<SAMLConnection>>()({ method: 'GET', route: '/saml_connections', destructive: false }),
  /** `GET /saml_connections/{saml_connection_id}`. */
  get: operation<SAMLConnection>()({ method: 'GET', route: '/saml_connections/{saml_connection_id}', target: connectionTarget, destructive: false }),
  /** `POST /saml_connections`: the new id is in the answer (the audit target comes from it). */
  create: operation<SAMLConnection>()({
    method: 'POST',
    route: '/saml_connections',
    action: 'saml_connections.create',
    target: { type: 'saml_connection' },
    destructive: false,
  }),
  /** `PATCH /saml_connections/{saml_connection_id}`: the fields sent. */
  update: operation<SAMLConnection>()({
    method: 'PATCH',
    route: '/saml_connections/{saml_connection_id}',
    action: 'saml_connections.update',
    target: connectionTarget,
    stateRoute: connectionState,
    destructive: false,
  }),
  /** `DELETE /saml_connections/{saml_connection_id}`: its users can no longer sign in through it. */
  delete: operation<DeletedObject>()({
    method: 'DELETE',
    route: '/saml_connections/{saml_connection_id}',
    action: 'saml_connections.delete',
    target: connectionTarget,
    stateRoute: connectionState,
    destructive: true,
  }),
} as const;
