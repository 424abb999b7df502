/** The Backend API's sign-up attempt operations (issue 12, item 4), each declared once. */
import type { SignUp } from '../../../../shared/clerk';
import { operation } from '../operation';

/** The sign-up operations. */
export const signUpOperations = {
  /** `GET /sign_ups/{sign_up_id}`: one attempt with its status and fields. */
  get: operation<SignUp>()({ method: 'GET', route: '/sign_ups/{sign_up_id}', target: { type: 'sign_up', idParam: 'sign_up_id' }, destructive: false }),
  /** `PATCH /sign_ups/{sign_up_id}`: `external_id` and `custom_action` of an attempt still in progress. */
  update: operation<SignUp>()({
    method: 'PATCH',
    route: '/sign_ups/{sign_up_id}',
    action: 'sign_ups.update',
    target: { type: 'sign_up', idParam: 'sign_up_id' },
    stateRoute: '/sign_ups/{sign_up_id}',
    destructive: false,
  }),
  /**
   * `GET /__sandbox/sign_ups` (the built-in Sandbox only; not a Clerk endpoint): `{ data, total_count }`,
   * newest first. Clerk's Backend API has no way to list sign-up attempts.
   */
  sandboxList: operation<{ data: SignUp[]; total_count: number }>()({ method: 'GET', route: '/__sandbox/sign_ups', destructive: false }),
} as const;
