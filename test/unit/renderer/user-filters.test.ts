import { describe, expect, it } from 'vitest';
import { activeKinds, parseValues, sentenceParts, sentenceText, USER_FILTERS, valuesProblem, withFilter } from '../../../renderer/src/views/users/user-filters';
import { formatDate } from '../../../renderer/src/format';

describe('users filter model', () => {
  it('offers every list filter of GET /users the issue names', () => {
    expect(USER_FILTERS.map((info) => info.kind)).toEqual(['emailAddress', 'phoneNumber', 'username', 'externalId', 'web3Wallet', 'userId', 'organizationId', 'lastActiveAtSince']);
  });

  it('splits values on commas and new lines, dropping blanks and repeats', () => {
    expect(parseValues(' a@x.com, b@y.com\n\na@x.com ,\r\nc@z.com ')).toEqual(['a@x.com', 'b@y.com', 'c@z.com']);
  });

  it('checks values with the contract’s own rules', () => {
    expect(valuesProblem('emailAddress', [])).toBe('Type at least one value.');
    expect(valuesProblem('userId', ['user_abc', 'nope'])).toMatch(/^“nope”: Must be a user id/);
    expect(valuesProblem('organizationId', ['-org_1'])).toBeUndefined();
    expect(valuesProblem('emailAddress', Array.from({ length: 101 }, (_, i) => `u${i}@x.com`))).toMatch(/at most 100/);
  });

  it('sets and removes filters without touching the others', () => {
    let filters = withFilter({}, 'emailAddress', ['a@x.com']);
    filters = withFilter(filters, 'lastActiveAtSince', 1_700_000_000_000);
    expect(activeKinds(filters)).toEqual(['emailAddress', 'lastActiveAtSince']);
    expect(withFilter(filters, 'emailAddress', [])).toEqual({ lastActiveAtSince: 1_700_000_000_000 });
    expect(withFilter(filters, 'lastActiveAtSince', undefined)).toEqual({ emailAddress: ['a@x.com'] });
  });

  it('reads as a sentence: “whose” once, exclusions as “not”, the date and the search last', () => {
    const since = Date.UTC(2026, 10, 1, 12);
    const filters = { emailAddress: ['a@x', 'b@y'], username: ['ada'], organizationId: ['org_1', '-org_2'], lastActiveAtSince: since };
    expect(sentenceText(filters, ' ada ')).toBe(
      `Users whose email is a@x, b@y · username is ada · in organization org_1, not org_2 · active since ${formatDate(since)} · matching “ada”`,
    );
    expect(sentenceParts(filters, 'ada').map((part) => part.kind)).toEqual(['emailAddress', 'username', 'organizationId', 'lastActiveAtSince', 'query']);
    expect(sentenceText({ phoneNumber: ['+15551234567'], externalId: ['+crm-1'] })).toBe('Users whose phone is +15551234567 · external ID is crm-1');
    expect(sentenceText({})).toBe('All users');
    expect(sentenceText({}, 'x')).toBe('Users matching “x”');
  });
});
