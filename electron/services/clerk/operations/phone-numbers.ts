/** The Backend API's phone number operations the app uses, each declared once. */
import type { DeletedObject, PhoneNumber } from '../../../../shared/clerk';
import { operation } from '../operation';

/** The phone number operations. */
export const phoneNumberOperations = {
  /**
   * `POST /phone_numbers`: adds a number to a user. The number has no id before it exists, so the
   * audit target is the user (its id is in the body, filled in by the handler's `user` param).
   */
  create: operation<PhoneNumber>()({ method: 'POST', route: '/phone_numbers', action: 'phone_numbers.create', target: { type: 'user' }, destructive: false }),
  /** `GET /phone_numbers/{phone_number_id}`: one number. */
  get: operation<PhoneNumber>()({
    method: 'GET',
    route: '/phone_numbers/{phone_number_id}',
    target: { type: 'phone_number', idParam: 'phone_number_id' },
    destructive: false,
  }),
  /** `PATCH /phone_numbers/{phone_number_id}`: verified, primary, reserved for second factor. */
  update: operation<PhoneNumber>()({
    method: 'PATCH',
    route: '/phone_numbers/{phone_number_id}',
    action: 'phone_numbers.update',
    target: { type: 'phone_number', idParam: 'phone_number_id' },
    stateRoute: '/phone_numbers/{phone_number_id}',
    destructive: false,
  }),
  /** `DELETE /phone_numbers/{phone_number_id}`: the user loses the number (the next one becomes primary). */
  delete: operation<DeletedObject>()({
    method: 'DELETE',
    route: '/phone_numbers/{phone_number_id}',
    action: 'phone_numbers.delete',
    target: { type: 'phone_number', idParam: 'phone_number_id' },
    stateRoute: '/phone_numbers/{phone_number_id}',
    destructive: true,
  }),
} as const;
