/** The Backend API's session operations the app uses, each declared once. */
import type { Paginated, Session } from '../../../../shared/clerk';
import { operation } from '../operation';

/** The session operations. */
export const sessionOperations = {
  /** `GET /sessions?user_id=…` (or `client_id`), sent with `paginated=true`: `{ data, total_count }`. */
  list: operation<Paginated<Session>>()({ method: 'GET', route: '/sessions', destructive: false }),
  /** `GET /sessions/{session_id}`: one session. */
  get: operation<Session>()({ method: 'GET', route: '/sessions/{session_id}', target: { type: 'session', idParam: 'session_id' }, destructive: false }),
  /** Revokes a session: its device is signed out at once (the session stays, `status: revoked`). */
  revoke: operation<Session>()({
    method: 'POST',
    route: '/sessions/{session_id}/revoke',
    action: 'sessions.revoke',
    target: { type: 'session', idParam: 'session_id' },
    stateRoute: '/sessions/{session_id}',
    destructive: true,
  }),
  /**
   * `POST /sessions/{session_id}/tokens/{template_name}`: a JWT for the session from a JWT template
   * (issue 12, item 2). It hands out a credential, so it is audited as sensitive (the `jwt` of the
   * answer is redacted by the recorder, as every token is).
   */
  createToken: operation<{ object: 'token'; jwt: string }>()({
    method: 'POST',
    route: '/sessions/{session_id}/tokens/{template_name}',
    action: 'sessions.create_token',
    target: { type: 'session', idParam: 'session_id' },
    destructive: false,
    sensitive: true,
  }),
} as const;
