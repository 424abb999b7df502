import { describe, expect, it } from 'vitest';
import { targetNameOf } from '../../../electron/services/audit/changes';

describe('the target name a change shows', () => {
  it('takes the first name found in the after state, the before state, the response, then the request', () => {
    expect(targetNameOf([{ id: 'org_1', name: 'Globex' }, { name: 'Old name' }])).toBe('Globex');
    expect(targetNameOf([null, { id: 'user_1', first_name: 'Ann', last_name: 'Lee' }])).toBe('Ann Lee');
    expect(targetNameOf([undefined, { id: 'user_1', first_name: null, last_name: null, username: 'ann' }])).toBe('ann');
    expect(targetNameOf([{ id: 'user_1', email_addresses: [{ email_address: 'ann@example.com' }] }])).toBe('ann@example.com');
    expect(targetNameOf([{ deleted: true }, 'text', [1], { name: '  ' }])).toBeNull();
    // A membership's change targets its organization: named by the organization, not the member.
    const membership = { object: 'organization_membership', role: 'org:admin', organization: { id: 'org_1', name: 'Globex' }, public_user_data: { first_name: 'Ann' } };
    expect(targetNameOf([null, membership])).toBe('Globex');
  });
});
