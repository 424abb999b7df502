import { describe, expect, it } from 'vitest';
import {
  PASSWORD_HASHERS, backupCodesProblem, emailProblem, isE164, organizationsLimitProblem, passwordHasherProblem, passwordProblem, timestampProblem,
  totpSecretProblem, userBodyIssues, usernameMessage, web3WalletProblem,
} from '../../../shared/clerk/user-rules';

describe("Clerk's user rules", () => {
  it('accepts E.164 numbers only', () => {
    expect(isE164('+14155550100')).toBe(true);
    for (const bad of ['14155550100', '+0155550100', '+1 415 555 0100', '+1415', '+1234567890123456']) expect(isE164(bad), bad).toBe(false);
  });

  it('checks email addresses and wallet addresses', () => {
    expect(emailProblem('ada@example.com')).toBeUndefined();
    expect(emailProblem('ada@example')).toMatch(/not a valid email/);
    expect(emailProblem('ada lovelace@example.com')).toMatch(/not a valid email/);
    expect(web3WalletProblem(`0x${'a'.repeat(40)}`)).toBeUndefined();
    expect(web3WalletProblem(`0x${'a'.repeat(39)}`)).toMatch(/40 hexadecimal/);
    expect(web3WalletProblem(`0x${'g'.repeat(40)}`)).toMatch(/40 hexadecimal/);
  });

  it('checks usernames as Clerk does: 4 to 64 letters, digits, - and _', () => {
    expect(usernameMessage('ada_l-1')).toBeUndefined();
    expect(usernameMessage('ada')).toMatch(/between 4 and 64/);
    expect(usernameMessage('a'.repeat(65))).toMatch(/between 4 and 64/);
    expect(usernameMessage('ada.lovelace')).toMatch(/letters, numbers and - or _/);
  });

  it('checks the password length unless checks are skipped', () => {
    expect(passwordProblem('1234567')).toMatch(/8 characters or more/);
    expect(passwordProblem('12345678')).toBeUndefined();
    expect(passwordProblem('x'.repeat(72))).toBeUndefined();
    expect(passwordProblem('x'.repeat(73))).toMatch(/less than 72/);
    expect(passwordProblem('123', true)).toBeUndefined();
  });

  it("takes the spec's hashers, RFC 3339 times, base32 TOTP secrets, backup codes and organization limits", () => {
    expect(PASSWORD_HASHERS).toContain('bcrypt');
    expect(PASSWORD_HASHERS).toContain('pbkdf2_sha512_hex');
    expect(passwordHasherProblem('bcrypt')).toBeUndefined();
    expect(passwordHasherProblem('rot13')).toMatch(/not one of/);
    expect(timestampProblem('2012-10-20T07:15:20.902Z')).toBeUndefined();
    expect(timestampProblem('2012-10-20T07:15:20+02:00')).toBeUndefined();
    expect(timestampProblem('2012-10-20')).toMatch(/RFC 3339/);
    expect(timestampProblem('2012-13-45T99:00:00Z')).toMatch(/RFC 3339/);
    expect(totpSecretProblem('JBSWY3DPEHPK3PXP')).toBeUndefined();
    expect(totpSecretProblem('not-base32!')).toMatch(/base32/);
    expect(backupCodesProblem(['abcd1234', 'efgh5678'])).toBeUndefined();
    expect(backupCodesProblem(['abcd 1234'])).toMatch(/spaces/);
    expect(backupCodesProblem(['abcd', 'abcd'])).toMatch(/listed twice/);
    expect(organizationsLimitProblem(0)).toBeUndefined();
    expect(organizationsLimitProblem(-1)).toMatch(/whole number/);
    expect(organizationsLimitProblem(1.5)).toMatch(/whole number/);
  });

  it('names each broken field of a body, list entries by index', () => {
    const issues = userBodyIssues({
      email_address: ['ada@example.com', 'nope', 'ADA@example.com'],
      phone_number: ['+14155550100', '4155550100'],
      web3_wallet: ['0x12'],
      username: 'a!',
      password: 'short',
      password_digest: '$2a$10$abc',
      created_at: 'yesterday',
      backup_codes: ['a', 'a'],
    });
    expect(issues.map((i) => i.field)).toEqual([
      'username', 'email_address.1', 'email_address.2', 'phone_number.1', 'web3_wallet.0', 'password', 'password_hasher', 'backup_codes', 'created_at',
    ]);
    expect(userBodyIssues({ password: 'short', skip_password_checks: true, email_address: ['ada@example.com'] })).toEqual([]);
    expect(userBodyIssues({ password_hasher: 'bcrypt' }).map((i) => i.field)).toEqual(['password_digest']);
  });
});
