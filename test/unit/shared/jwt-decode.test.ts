/** The JWT decode the session tab shows beside a created token: header and claims read, bad tokens refused with why. */
import { describe, expect, it } from 'vitest';
import { base64UrlDecode, claimTimes, decodeJwt } from '../../../shared/jwt-decode';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeJwt', () => {
  it('reads the header and claims of a compact JWS, with base64url characters and UTF-8', () => {
    // "ü" and "?>" make the base64url text contain `-`/`_` and need no padding handling by the caller.
    const claims = { sub: 'user_1', name: 'Jürgen ?>?>', iat: 1_700_000_000, exp: 1_700_000_060 };
    const jwt = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'ins_1' })}.${encode(claims)}.c2lnbmF0dXJl`;
    expect(encode(claims)).toMatch(/[-_]/);
    expect(decodeJwt(jwt)).toEqual({ header: { alg: 'RS256', typ: 'JWT', kid: 'ins_1' }, claims });
  });

  it('refuses what is not a JWT, saying which part is wrong', () => {
    expect(() => decodeJwt('abc.def')).toThrow('three parts');
    expect(() => decodeJwt(`not+base64.${encode({})}.x`)).toThrow("header is not base64url-encoded JSON");
    expect(() => decodeJwt(`${encode({ alg: 'none' })}.${encode([1, 2])}.x`)).toThrow('claims is not a JSON object');
  });

  it('decodes unpadded segments of every length and refuses an impossible one', () => {
    expect(base64UrlDecode('YQ')).toBe('a');
    expect(base64UrlDecode('YWI')).toBe('ab');
    expect(base64UrlDecode('YWJj')).toBe('abc');
    expect(() => base64UrlDecode('YWJjZ')).toThrow('Not base64url');
  });
});

describe('claimTimes', () => {
  it('gives iat, nbf and exp in milliseconds, skipping what is not a number', () => {
    expect(claimTimes({ exp: 20, iat: 10, nbf: 'soon', sub: 'x' })).toEqual([
      { claim: 'iat', at: 10_000 },
      { claim: 'exp', at: 20_000 },
    ]);
  });
});
