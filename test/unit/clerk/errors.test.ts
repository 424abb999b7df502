import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { clerkApiError, describeFetchFailure, parseRetryAfter, withoutSecret } from '../../../electron/services/clerk/errors';

const HOST = 'api.clerk.com';

describe('clerkApiError', () => {
  it('takes code, messages and param name from the first error and camel-cases every error', () => {
    const body = JSON.stringify({
      errors: [
        { code: 'form_param_format_invalid', message: 'is invalid', long_message: 'phone_number must be E.164', meta: { param_name: 'phone_number' } },
        { code: 'form_password_pwned', message: 'pwned', long_message: 'Password found in a breach', meta: { param_name: 'password', zxcvbn_score: 0 } },
      ],
      meta: {},
      clerk_trace_id: 'trace_1',
    });
    const error = clerkApiError(422, new Headers({ 'cf-ray': 'ray-ignored' }), body, HOST);
    expect(error.toIpcError()).toEqual({
      kind: 'clerk',
      status: 422,
      code: 'form_param_format_invalid',
      message: 'is invalid',
      longMessage: 'phone_number must be E.164',
      paramName: 'phone_number',
      traceId: 'trace_1',
      errors: [
        { code: 'form_param_format_invalid', message: 'is invalid', longMessage: 'phone_number must be E.164', paramName: 'phone_number', meta: { paramName: 'phone_number' } },
        { code: 'form_password_pwned', message: 'pwned', longMessage: 'Password found in a breach', paramName: 'password', meta: { paramName: 'password', zxcvbnScore: 0 } },
      ],
    });
  });

  it('falls back to the cf-ray header when the body has no trace id', () => {
    const body = JSON.stringify({ errors: [{ code: 'resource_not_found', message: 'not found', long_message: 'No user was found' }] });
    const error = clerkApiError(404, new Headers({ 'cf-ray': '8a1b2c3d4e-FRA' }), body, HOST);
    expect(error.traceId).toBe('8a1b2c3d4e-FRA');
    expect(error.paramName).toBeUndefined();
    expect(error.errors).toEqual([{ code: 'resource_not_found', message: 'not found', longMessage: 'No user was found' }]);
  });

  it('reads Retry-After as whole seconds', () => {
    const body = JSON.stringify({ errors: [{ code: 'too_many_requests', message: 'slow down', long_message: 'slow down' }] });
    expect(clerkApiError(429, new Headers({ 'Retry-After': '7' }), body, HOST).retryAfter).toBe(7);
    expect(clerkApiError(429, new Headers(), body, HOST).retryAfter).toBeUndefined();
  });

  it('gives a readable clerk error for bodies without the envelope', () => {
    for (const body of ['<html>502</html>', '', '{"error":"nope"}', '{"errors":[]}', 'null']) {
      const error = clerkApiError(502, new Headers(), body, HOST);
      expect(error.toIpcError(), body).toEqual({ kind: 'clerk', status: 502, message: "api.clerk.com answered HTTP 502 without Clerk's error details." });
    }
  });
});

describe('parseRetryAfter', () => {
  it('accepts whole seconds only', () => {
    expect(parseRetryAfter('0')).toBe(0);
    expect(parseRetryAfter(' 12 ')).toBe(12);
    for (const value of [null, '', '1.5', '-1', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT']) expect(parseRetryAfter(value), String(value)).toBeUndefined();
  });
});

describe('describeFetchFailure', () => {
  const failure = (code: string, message = 'x') => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(message), { code }) });

  it('names the usual causes plainly', () => {
    expect(describeFetchFailure(failure('ECONNREFUSED'))).toBe('the connection was refused (is the server running?)');
    expect(describeFetchFailure(failure('ENOTFOUND'))).toBe('the host name could not be resolved (DNS)');
    expect(describeFetchFailure(failure('UND_ERR_SOCKET'))).toBe('the connection was closed unexpectedly');
    expect(describeFetchFailure(failure('CERT_HAS_EXPIRED'))).toBe('the TLS handshake failed (CERT_HAS_EXPIRED)');
    expect(describeFetchFailure(failure('EWHATEVER', 'odd'))).toBe('odd (EWHATEVER)');
    expect(describeFetchFailure(new Error('plain'))).toBe('plain');
  });
});

describe('withoutSecret', () => {
  it('replaces the key everywhere in the error and leaves clean errors untouched', () => {
    const secret = 'sk_live_abcdef123456';
    const dirty = new AppError({ kind: 'clerk', message: `bad ${secret}`, errors: [{ code: 'c', message: secret, meta: { echo: [secret] } }] });
    const clean = withoutSecret(dirty, secret);
    expect(JSON.stringify(clean.toIpcError())).not.toContain(secret);
    expect(clean.stack).not.toContain(secret);
    expect(clean.message).toBe('bad [secret key]');
    expect(clean.errors?.[0].meta).toEqual({ echo: ['[secret key]'] });

    const untouched = new AppError({ kind: 'network', message: 'fine' });
    expect(withoutSecret(untouched, secret)).toBe(untouched);
  });
});
