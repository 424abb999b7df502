import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { placeErrors, resolveField, type FieldMap } from '../../../renderer/src/components/forms/field-errors';
import { useFieldErrors } from '../../../renderer/src/components/forms/useFieldErrors';

const FIELDS = ['emails', 'username', 'password', 'firstName'] as const;
const MAP: FieldMap<(typeof FIELDS)[number]> = {
  fields: FIELDS,
  params: { email_address: 'emails', first_name: 'firstName' },
};

/** What the client makes of Clerk's 422 (see electron/services/clerk/errors.ts). */
function clerkError(items: { code: string; message: string; longMessage?: string; paramName?: string }[]): AppError {
  const [first] = items;
  return new AppError({ kind: 'clerk', status: 422, code: first.code, message: first.message, longMessage: first.longMessage, paramName: first.paramName, traceId: 'trace-1', errors: items });
}

describe('the field-error mapping', () => {
  it("resolves Clerk's param names, schema paths and list entries to form fields", () => {
    expect(resolveField('email_address', MAP)).toEqual({ field: 'emails' });
    expect(resolveField('email_address.2', MAP)).toEqual({ field: 'emails', index: 2 });
    expect(resolveField('body.email_address.1', MAP)).toEqual({ field: 'emails', index: 1 });
    expect(resolveField('username', MAP)).toEqual({ field: 'username' });
    expect(resolveField('skip_legal_checks', MAP)).toBeUndefined();
  });

  it("puts a Clerk error with a paramName next to that field, in Clerk's long message", () => {
    const placed = placeErrors(
      clerkError([{ code: 'form_identifier_exists', message: 'That email address is taken.', longMessage: 'That email address is taken. Please try another.', paramName: 'email_address' }]),
      MAP,
    );
    expect(placed.fields).toEqual({ emails: 'That email address is taken. Please try another.' });
    expect(placed.summary).toEqual([]);
  });

  it('places every item of errors[] and keeps the ones naming no field for the summary', () => {
    const placed = placeErrors(
      clerkError([
        { code: 'form_password_pwned', message: 'pwned', longMessage: 'This password was found in a data breach.', paramName: 'password' },
        { code: 'form_username_invalid_character', message: 'bad', longMessage: 'Usernames can only contain letters.', paramName: 'username' },
        { code: 'form_param_unknown', message: 'unknown', longMessage: 'skip_legal_checks is not allowed here.', paramName: 'skip_legal_checks' },
      ]),
      MAP,
    );
    expect(placed.fields).toEqual({ password: 'This password was found in a data breach.', username: 'Usernames can only contain letters.' });
    expect(placed.summary).toEqual(['skip_legal_checks is not allowed here.']);
  });

  it('puts an error that names no field in the summary, and nothing next to a field', () => {
    const placed = placeErrors(
      clerkError([{ code: 'form_data_missing', message: 'missing data', longMessage: 'At least one identifier must be included.' }]),
      MAP,
    );
    expect(placed.fields).toEqual({});
    expect(placed.summary).toEqual(['At least one identifier must be included.']);
    expect(placeErrors(new AppError({ kind: 'network', message: 'The instance did not answer.' }), MAP).summary).toEqual(['The instance did not answer.']);
    expect(placeErrors(new Error('boom'), MAP).summary).toEqual(['boom']);
  });

  it("puts the schema's issues on their fields and a list entry's issue on that entry", () => {
    const placed = placeErrors(
      new AppError({
        kind: 'validation',
        code: 'invalid_input',
        message: 'body.email_address.1: Invalid email',
        paramName: 'body.email_address.1',
        fields: [{ field: 'body.email_address.1', message: 'Invalid email' }, { field: 'body.first_name', message: 'Too long' }],
      }),
      MAP,
    );
    expect(placed.fields).toEqual({ firstName: 'Too long' });
    expect(placed.items).toEqual({ emails: { 1: 'Invalid email' } });
  });

  it("uses main's full message for a rule main checked itself", () => {
    const placed = placeErrors(
      new AppError({ kind: 'validation', code: 'key_rejected', message: 'This key was rejected by Clerk (authentication_invalid).', paramName: 'password', fields: [{ field: 'password', message: 'Rejected.' }] }),
      MAP,
    );
    expect(placed.fields).toEqual({ password: 'This key was rejected by Clerk (authentication_invalid).' });
  });

  it('the composable checks local rules, shows failures and clears one field', () => {
    const errors = useFieldErrors(MAP);
    expect(errors.check([{ field: 'email_address.0', message: 'not an email' }, { field: 'nowhere', message: 'odd' }])).toBe(false);
    expect(errors.message('emails')).toBeUndefined();
    expect(errors.item('emails', 0)).toBe('not an email');
    expect(errors.status('emails')).toBeUndefined();
    expect(errors.any.value).toBe(true);
    expect(errors.state.summary).toEqual(['nowhere: odd']);
    errors.clear('emails');
    expect(errors.status('emails')).toBeUndefined();
    expect(errors.check([])).toBe(true);
    expect(errors.any.value).toBe(false);
    const failure = clerkError([{ code: 'form_identifier_exists', message: 'taken', paramName: 'username' }]);
    errors.show(failure);
    expect(errors.message('username')).toBe('taken');
    expect(errors.failure.value).toBe(failure);
  });
});
