/**
 * Phone numbers: create for a user (E.164, unique; primary by default only when it is the user's
 * first), read, update (verified, primary switching, reserved for second factor, which must be
 * verified), delete (the next number becomes primary).
 */
import type { SandboxContext } from '../context';
import { errors } from '../errors';
import { ID_PREFIX, newId } from '../ids';
import type { Route } from '../router';
import { adminVerification, isVerified, pendingOtpVerification, phoneNumberDoc } from '../serializers/identifications';
import { refreshTwoFactor } from '../serializers/user';
import { identificationOwner, requireUser, saveUser, type UserRecord } from '../store/users';
import type { PhoneNumberDoc } from '../types';
import { validateBody, type BodySpec } from '../validation/body';
import { checkPhone } from '../validation/user-fields';

const CREATE_BODY = {
  user_id: { type: 'string', required: true },
  phone_number: { type: 'string', required: true },
  verified: { type: 'boolean', nullable: true },
  primary: { type: 'boolean', nullable: true },
  reserved_for_second_factor: { type: 'boolean', nullable: true },
} satisfies BodySpec;

const UPDATE_BODY = {
  verified: { type: 'boolean', nullable: true },
  primary: { type: 'boolean', nullable: true },
  reserved_for_second_factor: { type: 'boolean', nullable: true },
} satisfies BodySpec;

const OTP_LIFETIME_MS = 600_000;

/** The phone number and its owner, or Clerk's 404. */
function requirePhone(ctx: SandboxContext, id: string): { record: UserRecord; phone: PhoneNumberDoc } {
  const owner = identificationOwner(ctx.db, id, 'phone_number');
  const record = owner ? requireUser(ctx, owner) : undefined;
  const phone = record?.doc.phone_numbers.find((p) => p.id === id);
  if (!record || !phone) throw errors.notFound(`No phone number was found with id ${id}`, 'Resource not found');
  return { record, phone };
}

/** Marks a number reserved for second factor; the first such number becomes the default. */
function reserveForSecondFactor(record: UserRecord, phone: PhoneNumberDoc, reserved: boolean): void {
  phone.reserved_for_second_factor = reserved;
  if (!reserved) {
    phone.default_second_factor = false;
    const next = record.doc.phone_numbers.find((p) => p.reserved_for_second_factor);
    if (next && !record.doc.phone_numbers.some((p) => p.default_second_factor)) next.default_second_factor = true;
  } else if (!record.doc.phone_numbers.some((p) => p !== phone && p.default_second_factor)) {
    phone.default_second_factor = true;
  }
  refreshTwoFactor(record.doc);
}

function touch(ctx: SandboxContext, record: UserRecord, phone: PhoneNumberDoc | undefined): void {
  const now = ctx.now();
  if (phone) phone.updated_at = now;
  record.doc.updated_at = now;
  saveUser(ctx.db, record);
}

/** Routes of /phone_numbers. */
export const phoneNumberRoutes: Route[] = [
  {
    method: 'POST',
    template: '/phone_numbers',
    handler: ({ ctx, body: raw }) => {
      const body = validateBody(raw, CREATE_BODY);
      const record = requireUser(ctx, body.user_id!);
      const number = body.phone_number!.trim();
      checkPhone(ctx.db, number);
      if (body.reserved_for_second_factor && !body.verified) {
        throw errors.badRequest(
          'identification_create_second_factor_unverified',
          'unverified second factor',
          'A phone number reserved for second factor must be verified; set verified to true.',
          { param_name: 'reserved_for_second_factor' },
        );
      }
      const now = ctx.now();
      const phone = phoneNumberDoc(newId(ID_PREFIX.identification, now, ctx.random), number, now, body.verified ? adminVerification() : pendingOtpVerification('phone_code', now + OTP_LIFETIME_MS));
      const first = record.doc.phone_numbers.length === 0;
      record.doc.phone_numbers.push(phone);
      if (body.primary || first) record.doc.primary_phone_number_id = phone.id;
      if (body.reserved_for_second_factor) reserveForSecondFactor(record, phone, true);
      touch(ctx, record, undefined);
      return phone;
    },
  },
  { method: 'GET', template: '/phone_numbers/{phone_number_id}', handler: ({ ctx, params }) => requirePhone(ctx, params.phone_number_id).phone },
  {
    method: 'PATCH',
    template: '/phone_numbers/{phone_number_id}',
    handler: ({ ctx, params, body: raw }) => {
      const body = validateBody(raw, UPDATE_BODY);
      const { record, phone } = requirePhone(ctx, params.phone_number_id);
      if (body.verified != null) {
        phone.verification = body.verified ? adminVerification() : pendingOtpVerification('phone_code', ctx.now() + OTP_LIFETIME_MS);
      }
      if (body.reserved_for_second_factor != null) {
        if (body.reserved_for_second_factor && !isVerified(phone)) {
          throw errors.badRequest(
            'identification_update_second_factor_unverified',
            'unverified second factor',
            'Only a verified phone number can be reserved for second factor.',
            { param_name: 'reserved_for_second_factor' },
          );
        }
        reserveForSecondFactor(record, phone, body.reserved_for_second_factor);
      }
      if (body.primary === true) record.doc.primary_phone_number_id = phone.id;
      touch(ctx, record, phone);
      return phone;
    },
  },
  {
    method: 'DELETE',
    template: '/phone_numbers/{phone_number_id}',
    handler: ({ ctx, params }) => {
      const { record, phone } = requirePhone(ctx, params.phone_number_id);
      const user = record.doc;
      user.phone_numbers = user.phone_numbers.filter((p) => p.id !== phone.id);
      if (user.primary_phone_number_id === phone.id) user.primary_phone_number_id = user.phone_numbers[0]?.id ?? null;
      if (phone.default_second_factor) reserveForSecondFactor(record, phone, false);
      refreshTwoFactor(user);
      touch(ctx, record, undefined);
      return { object: 'phone_number', id: phone.id, deleted: true };
    },
  },
];
