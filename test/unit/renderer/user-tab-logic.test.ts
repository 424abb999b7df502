import { describe, expect, it } from 'vitest';
import type { User } from '../../../shared/clerk';
import { changedFlags, flagChangeRows, flagsProblem } from '../../../renderer/src/views/phone-numbers/phone-number-changes';
import { deviceText, isRevocable, locationText } from '../../../renderer/src/views/sessions/session-display';
import { MASKED_TOKEN, oauthProviders, providerLabel, shownToken } from '../../../renderer/src/views/users/oauth-providers';
import { lockState, lockText, securityFacts } from '../../../renderer/src/views/users/user-security';

const RECEIVED = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('the lock of a user', () => {
  it('expires the given seconds after the answer was received, not after now', () => {
    expect(lockState({ locked: true, lockout_expires_in_seconds: 1800 }, RECEIVED)).toEqual({ locked: true, until: RECEIVED + 1_800_000 });
    // Ten minutes later the same record still names the same deadline.
    expect(lockText(lockState({ locked: true, lockout_expires_in_seconds: 1800 }, RECEIVED), RECEIVED + 600_000)).toContain('(in 20 minutes)');
  });

  it('never lifts by itself when a locked user has no expiry, and is no lock when not locked', () => {
    expect(lockState({ locked: true, lockout_expires_in_seconds: null }, RECEIVED)).toEqual({ locked: true, until: null });
    expect(lockText({ locked: true, until: null }, RECEIVED)).toBe('Yes, until unlocked (no expiry)');
    expect(lockState({ locked: false, lockout_expires_in_seconds: 99 }, RECEIVED)).toEqual({ locked: false });
    expect(lockText({ locked: false }, RECEIVED)).toBe('No');
  });

  it('counts down in the largest whole unit, and says so once the deadline has passed', () => {
    const until = (ms: number) => lockText({ locked: true, until: RECEIVED + ms }, RECEIVED);
    expect(until(40_500)).toContain('(in 40 seconds)');
    expect(until(7_500_000)).toContain('(in 2 hours)');
    expect(until(-1)).toContain('(any moment now)');
  });

  it('is one of the Security facts, beside MFA, password and attempts left', () => {
    const user = {
      two_factor_enabled: true,
      totp_enabled: true,
      backup_code_enabled: false,
      password_enabled: false,
      password_last_updated_at: null,
      banned: false,
      locked: true,
      lockout_expires_in_seconds: 60,
      verification_attempts_remaining: null,
      mfa_enabled_at: null,
    } as unknown as User;
    const facts = Object.fromEntries(securityFacts(user, RECEIVED, RECEIVED).map((fact) => [fact.testId ?? fact.label, fact.value]));
    expect(facts).toMatchObject({
      'security-two-factor': 'On',
      'security-totp': 'On',
      'security-backup-codes': 'Off',
      'security-password': 'Not set',
      'security-attempts': 'No limit (lockout off)',
    });
    expect(facts['security-locked']).toMatch(/^Until .*\(in 1 minute\)$/);
  });
});

describe('the OAuth providers of a user', () => {
  const accounts = (...providers: string[]) => ({ external_accounts: providers.map((provider) => ({ provider })) }) as unknown as User;

  it('lists each provider once, in Clerk’s oauth_ form, counting its accounts', () => {
    expect(oauthProviders(accounts('oauth_google', 'oauth_github', 'oauth_google'))).toEqual([
      { provider: 'oauth_google', label: 'Google', accounts: 2 },
      { provider: 'oauth_github', label: 'GitHub', accounts: 1 },
    ]);
  });

  it('adds the prefix the path needs and leaves out what is no OAuth provider', () => {
    expect(oauthProviders(accounts('google', 'saml_okta', '', 'oauth_bad/../x')).map((entry) => entry.provider)).toEqual(['oauth_google']);
    expect(oauthProviders(accounts())).toEqual([]);
    expect(providerLabel('oauth_custom_acme')).toBe('Custom acme');
  });

  it('masks a token with a fixed mask that tells nothing of it', () => {
    expect(shownToken('goo_at_secret', false)).toBe(MASKED_TOKEN);
    expect(shownToken('goo_at_x', false)).toBe(shownToken('a-much-longer-token-value', false));
    expect(MASKED_TOKEN).not.toMatch(/[A-Za-z0-9]/);
    expect(shownToken('goo_at_secret', true)).toBe('goo_at_secret');
  });
});

describe('a phone number edit', () => {
  const before = { verified: false, primary: false, reservedForSecondFactor: false };

  it('sends only what changed, and never un-makes a primary', () => {
    expect(changedFlags(before, { ...before, verified: true })).toEqual({ verified: true });
    expect(changedFlags({ ...before, primary: true }, { ...before, primary: false })).toEqual({});
    expect(changedFlags(before, before)).toEqual({});
  });

  it('previews each changed flag, before and after', () => {
    expect(flagChangeRows(before, { verified: true, primary: true, reservedForSecondFactor: true })).toEqual([
      { field: 'Verified', before: 'No', after: 'Yes' },
      { field: 'Primary', before: 'No', after: 'Yes' },
      { field: 'Reserved for second factor', before: 'No', after: 'Yes' },
    ]);
  });

  it('refuses a second factor on an unverified number, as Clerk does', () => {
    expect(flagsProblem({ ...before, reservedForSecondFactor: true })).toMatch(/verified/);
    expect(flagsProblem({ ...before, verified: true, reservedForSecondFactor: true })).toBeUndefined();
  });
});

describe('a session as the tabs describe it', () => {
  it('names browser, device and place, and offers revoke only while it can be used', () => {
    const session = { status: 'active', latest_activity: { object: 'session_activity', id: 'sess_act_1', device_type: 'iPhone', is_mobile: true, browser_name: 'Safari', browser_version: '18.0.0', city: 'Berlin', country: 'DE' } } as const;
    expect(deviceText(session)).toBe('Safari 18 on iPhone (mobile)');
    expect(locationText(session)).toBe('Berlin, DE');
    expect(deviceText({ latest_activity: null })).toBe('Unknown device');
    expect(isRevocable(session)).toBe(true);
    expect(isRevocable({ status: 'revoked' })).toBe(false);
    expect(isRevocable({ status: 'ended' })).toBe(false);
  });
});
