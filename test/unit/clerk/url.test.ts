import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { buildUrl, encodeQuery } from '../../../electron/services/clerk/url';

describe('encodeQuery', () => {
  it('repeats array keys, drops undefined and null, writes booleans and numbers as text', () => {
    expect(
      encodeQuery({ user_id: ['user_a', '-user_b'], banned: true, locked: false, limit: 10, offset: 0, query: undefined, order_by: null }),
    ).toBe('user_id=user_a&user_id=-user_b&banned=true&locked=false&limit=10&offset=0');
  });

  it('percent-encodes values, including + and spaces', () => {
    expect(encodeQuery({ order_by: '+created_at', query: 'ada lovelace&co', email_address: ['a+b@example.com'] })).toBe(
      'order_by=%2Bcreated_at&query=ada+lovelace%26co&email_address=a%2Bb%40example.com',
    );
  });

  it('keeps empty strings, sends an empty array as nothing, and refuses non-finite numbers', () => {
    expect(encodeQuery({ query: '', user_id: [] })).toBe('query=');
    expect(encodeQuery(undefined)).toBe('');
    expect(() => encodeQuery({ limit: Number.NaN })).toThrow(AppError);
  });
});

describe('buildUrl', () => {
  it('joins a base URL with a version path and the call path, with or without a trailing slash', () => {
    expect(buildUrl('https://api.clerk.com/v1', '/users', { limit: 1 }).href).toBe('https://api.clerk.com/v1/users?limit=1');
    expect(buildUrl('http://127.0.0.1:1234/v1/', '/users/count').href).toBe('http://127.0.0.1:1234/v1/users/count');
  });

  it('keeps encoded IDs encoded', () => {
    expect(buildUrl('https://api.clerk.com/v1', `/users/${encodeURIComponent('a/b?c')}`).pathname).toBe('/v1/users/a%2Fb%3Fc');
  });

  it('refuses dot segments (plain or percent-encoded), query strings in the path and relative paths', () => {
    for (const path of ['/users/..', '/users/%2e%2E', '/users/.%2e/x', '/./users', '/users?x=1', '/users#x', 'users']) {
      expect(() => buildUrl('https://api.clerk.com/v1', path), path).toThrow(AppError);
    }
    expect(buildUrl('https://api.clerk.com/v1', '/users/a..b').pathname).toBe('/v1/users/a..b');
  });

  it('refuses an invalid base URL with a clear message', () => {
    expect(() => buildUrl('not a url', '/users')).toThrow('Invalid API URL "not a url".');
  });
});
