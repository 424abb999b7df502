import { describe, expect, it } from 'vitest';
import { isSecretKey, REDACTED, redactSecrets, redactString } from '../../../electron/services/audit/redact';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEifQ.c2lnbmF0dXJlLWJ5dGVz';

describe('redactSecrets', () => {
  it('masks passwords, digests, TOTP secrets, backup codes and tokens by key name', () => {
    const out = redactSecrets({
      password: 'hunter2',
      password_digest: '$2a$10$abc',
      passwordDigest: '$2a$10$def',
      totp_secret: 'JBSWY3DPEHPK3PXP',
      backup_codes: ['1111-2222', '3333-4444'],
      token: 'tok_1',
      jwt: 'not-even-a-jwt',
      access_token: 'ya29.a0',
      'refresh-token': 'r1',
      token_secret: 'oauth1-secret',
      client_secret: 'cs_1',
      secret: 's',
      signing_key: '-----BEGIN PRIVATE KEY-----',
      first_name: 'Ann',
    });
    expect(out).toEqual({
      password: REDACTED,
      password_digest: REDACTED,
      passwordDigest: REDACTED,
      totp_secret: REDACTED,
      backup_codes: REDACTED,
      token: REDACTED,
      jwt: REDACTED,
      access_token: REDACTED,
      'refresh-token': REDACTED,
      token_secret: REDACTED,
      client_secret: REDACTED,
      secret: REDACTED,
      signing_key: REDACTED,
      first_name: 'Ann',
    });
  });

  it('keeps flags and empty values under secret-looking names, and harmless look-alikes', () => {
    const user = { password_enabled: true, totp_enabled: false, backup_code_enabled: true, password: null, password_hasher: 'bcrypt', tokenizer: 'x' };
    expect(redactSecrets(user)).toEqual(user);
  });

  it('masks JWT-shaped strings and Clerk keys anywhere, even under innocent keys', () => {
    expect(redactSecrets({ note: `Bearer ${JWT}`, list: [JWT], other: 'sk_live_abcDEF123 leaked' })).toEqual({
      note: `Bearer ${REDACTED}`,
      list: [REDACTED],
      other: `${REDACTED} leaked`,
    });
  });

  it("masks a sign-in token's url and ticket parameters in any URL", () => {
    const out = redactSecrets({
      object: 'sign_in_token',
      id: 'sit_1',
      url: 'https://accounts.example.com/sign-in/tokens/verify?ticket_id=x',
      invitation: { url: 'https://app.example.com/accept?__clerk_ticket=abc.def&x=1' },
      link: 'https://example.com/cb?ticket=T0P&next=/home',
    }) as Record<string, unknown>;
    expect(out.url).toBe(REDACTED);
    expect(out.id).toBe('sit_1');
    expect(out.invitation).toEqual({ url: `https://app.example.com/accept?__clerk_ticket=${REDACTED}&x=1` });
    expect(out.link).toBe(`https://example.com/cb?ticket=${REDACTED}&next=/home`);
  });

  it('normalises to plain JSON data and leaves the input untouched', () => {
    const input = { when: new Date(Date.UTC(2026, 0, 1)), skip: undefined, fn: () => 1, n: 10n, nested: { password: 'p' } };
    const out = redactSecrets(input);
    expect(out).toEqual({ when: '2026-01-01T00:00:00.000Z', n: '10', nested: { password: REDACTED } });
    expect(input.nested.password).toBe('p');
  });

  it('rejects circular data with a clear error', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => redactSecrets(loop)).toThrow(/circular/);
  });

  it('recognises secret names in any case style', () => {
    for (const key of ['password', 'newPassword', 'PASSWORD_DIGEST', 'sessionToken', 'session_token', 'api-key', 'backupCodes', 'totpSecret']) {
      expect(isSecretKey(key), key).toBe(true);
    }
    for (const key of ['first_name', 'id', 'code', 'password_enabled', 'tokenizer']) expect(isSecretKey(key), key).toBe(false);
  });

  it('leaves ordinary strings alone', () => {
    expect(redactString('/users/user_2abc/ban')).toBe('/users/user_2abc/ban');
    expect(redactString('a=b&c=d')).toBe('a=b&c=d');
  });
});
