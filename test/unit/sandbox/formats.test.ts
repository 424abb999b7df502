import { describe, expect, it } from 'vitest';
import {
  containsUrlOrHtml, isE164, isEmailAddress, isValidSlug, isWeb3Wallet, parseRfc3339, redirectUrlProblem, slugify, usernameProblem,
} from '../../../electron/services/sandbox/validation/formats';

describe('E.164 phone numbers', () => {
  it.each(['+14155550101', '+442079460958', '+5511987654321', '+861012345678'])('accepts %s', (n) => expect(isE164(n)).toBe(true));
  it.each(['4155550101', '+0123456789', '+1 415 555 0101', '+1-415-555-0101', '+1234', '+1234567890123456', '++14155550101', ''])('rejects %j', (n) =>
    expect(isE164(n)).toBe(false));
});

describe('organization slugs', () => {
  it.each(['acme', 'acme-inc', 'a1-b2', '2024'])('accepts %s', (s) => expect(isValidSlug(s)).toBe(true));
  it.each(['Acme', 'acme inc', 'acme_inc', 'acmé', '', 'a'.repeat(257)])('rejects %j', (s) => expect(isValidSlug(s)).toBe(false));
  it('derives a valid slug from any name', () => {
    expect(slugify('Acme, Inc.')).toBe('acme-inc');
    expect(slugify('  Café Münster  ')).toBe('cafe-munster');
    expect(slugify('!!!')).toBe('organization');
    for (const name of ['Hello World', 'Ωmega', 'a--b']) expect(isValidSlug(slugify(name))).toBe(true);
  });
});

describe('other identifiers', () => {
  it('checks emails', () => {
    expect(isEmailAddress('ada@example.com')).toBe(true);
    expect(isEmailAddress('ada.lovelace+tag@mail.example.org')).toBe(true);
    for (const bad of ['ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com', 'ada@exa mple.com']) expect(isEmailAddress(bad)).toBe(false);
  });
  it('checks web3 wallets', () => {
    expect(isWeb3Wallet(`0x${'a'.repeat(40)}`)).toBe(true);
    expect(isWeb3Wallet(`0x${'g'.repeat(40)}`)).toBe(false);
    expect(isWeb3Wallet('0x1234')).toBe(false);
  });
  it('checks usernames', () => {
    expect(usernameProblem('ada_l-1')).toBeUndefined();
    expect(usernameProblem('abc')).toBe('length');
    expect(usernameProblem('a'.repeat(65))).toBe('length');
    expect(usernameProblem('ada lovelace')).toBe('character');
  });
  it('finds URLs or HTML in names', () => {
    expect(containsUrlOrHtml('Acme <b>Corp</b>')).toBe(true);
    expect(containsUrlOrHtml('see https://x.test')).toBe(true);
    expect(containsUrlOrHtml('Acme Corp')).toBe(false);
  });
});

describe('redirect URLs', () => {
  it.each(['https://app.example.com/callback', 'my-app://oauth-callback', 'http://localhost:3000/cb', 'http://127.0.0.1:8080/'])('accepts %s', (url) =>
    expect(redirectUrlProblem(url)).toBeUndefined());
  it.each(['http://app.example.com/cb', 'javascript:alert(1)', 'data:text/html,hi', 'not a url', 'myapp:callback'])('rejects %s', (url) =>
    expect(redirectUrlProblem(url)).toBeTypeOf('string'));
});

describe('RFC 3339 times', () => {
  it('parses valid times to ms', () => {
    expect(parseRfc3339('2012-10-20T07:15:20.902Z')).toBe(Date.UTC(2012, 9, 20, 7, 15, 20, 902));
    expect(parseRfc3339('2012-10-20T09:15:20+02:00')).toBe(Date.UTC(2012, 9, 20, 7, 15, 20));
  });
  it('rejects other formats', () => {
    for (const bad of ['2012-10-20', '1350717320902', '2012-13-40T99:00:00Z', 'yesterday']) expect(parseRfc3339(bad)).toBeUndefined();
  });
});
