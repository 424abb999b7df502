import { generateKeyPairSync, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { JwtError, jwks, resolveShortcodes, signJwt, verifyJwt } from '../../../electron/services/sandbox/jwt';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const NOW = 1_800_000_000_000;
const iat = NOW / 1000;

describe('RS256 JWTs', () => {
  it('sign and verify round trip, with the kid in the header', () => {
    const token = signJwt({ sub: 'user_1', iat, exp: iat + 60 }, privatePem, 'kid-1');
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'kid-1' });
    expect(verifyJwt(token, publicPem, NOW)).toMatchObject({ sub: 'user_1' });
  });

  it('verify independently with the published JWKS', () => {
    const token = signJwt({ sub: 'user_1' }, privatePem, 'kid-1');
    const [key] = jwks(publicPem, 'kid-1').keys;
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: 'kid-1' });
    const [h, p, s] = token.split('.');
    const ok = verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key: key as any, format: 'jwk' }), Buffer.from(s, 'base64url'));
    expect(ok).toBe(true);
  });

  it('reject a tampered payload, another key, expired and premature tokens, and garbage', () => {
    const token = signJwt({ sub: 'user_1', exp: iat + 60, nbf: iat }, privatePem, 'k');
    const [h, , s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: 'user_2', exp: iat + 60 })).toString('base64url')}.${s}`;
    expect(() => verifyJwt(forged, publicPem, NOW)).toThrow(JwtError);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => verifyJwt(token, other, NOW)).toThrow(/signature/);
    expect(() => verifyJwt(token, publicPem, NOW + 120_000)).toThrow(/expired/);
    expect(() => verifyJwt(token, publicPem, NOW - 60_000)).toThrow(/not yet valid/);
    expect(() => verifyJwt('a.b', publicPem, NOW)).toThrow(/three/);
  });
});

describe('JWT template shortcodes', () => {
  const values: Record<string, unknown> = { 'user.id': 'user_1', 'user.first_name': 'Ada', 'user.public_metadata': { plan: 'pro' }, 'user.username': null };
  const lookup = (path: string) => values[path];
  it('replace whole-string shortcodes with the value of any type', () => {
    expect(resolveShortcodes({ sub: '{{user.id}}', meta: '{{ user.public_metadata }}', u: '{{user.username}}' }, lookup)).toEqual({
      sub: 'user_1',
      meta: { plan: 'pro' },
      u: null,
    });
  });
  it('interpolate shortcodes inside strings and walk arrays and nested objects', () => {
    expect(resolveShortcodes({ a: ['Hi {{user.first_name}}!', { b: '{{user.id}}' }], n: 3 }, lookup)).toEqual({ a: ['Hi Ada!', { b: 'user_1' }], n: 3 });
  });
});
