import { describe, expect, it } from 'vitest';
import type { OrganizationMembership } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import { memberConfirmPhrase, memberName, refusalField, rolesOffered, roleOptionLabel } from '../../../renderer/src/views/organizations/member-display';

const member = (data: Partial<NonNullable<OrganizationMembership['public_user_data']>> | undefined) =>
  ({ id: 'orgmem_1', role: 'org:member', public_user_data: data && { user_id: 'user_1', first_name: null, last_name: null, ...data } }) as OrganizationMembership;

describe('member display', () => {
  it('names a member by name, else identifier, else user id', () => {
    expect(memberName(member({ first_name: 'Ada', last_name: 'Lovelace', identifier: 'ada@x.test' }))).toBe('Ada Lovelace');
    expect(memberName(member({ identifier: 'ada@x.test' }))).toBe('ada@x.test');
    expect(memberName(member({}))).toBe('user_1');
    expect(memberName(member(undefined))).toBe('orgmem_1');
    expect(memberConfirmPhrase(member({ first_name: 'Ada', identifier: 'ada@x.test' }))).toBe('ada@x.test');
    expect(memberConfirmPhrase(member({ first_name: 'Ada' }))).toBe('user_1');
  });

  it('offers org:admin and org:member first, always, then the other roles in use', () => {
    expect(rolesOffered([])).toEqual([{ key: 'org:admin', name: 'Admin' }, { key: 'org:member', name: 'Member' }]);
    expect(rolesOffered([{ key: 'org:viewer' }, { key: 'org:member', name: 'Member' }, { key: 'org:billing', name: 'Billing manager' }])).toEqual([
      { key: 'org:admin', name: 'Admin' },
      { key: 'org:member', name: 'Member' },
      { key: 'org:billing', name: 'Billing manager' },
      { key: 'org:viewer' },
    ]);
    expect(roleOptionLabel({ key: 'org:billing', name: 'Billing manager' })).toBe('Billing manager (org:billing)');
    // Every option reads "Name (key)", also a role nobody named.
    expect(rolesOffered([]).map(roleOptionLabel)).toEqual(['Admin (org:admin)', 'Member (org:member)']);
    expect(roleOptionLabel({ key: 'org:viewer' })).toBe('viewer (org:viewer)');
  });

  it('puts Clerk refusals that name no parameter on the field they are about', () => {
    const refusal = (code: string, paramName?: string) => new AppError({ kind: 'clerk', status: 400, code, message: 'already a member', longMessage: 'User user_1 is already a member.', paramName });
    expect(refusalField(refusal('already_a_member_in_organization'))).toEqual({ field: 'user', message: 'User user_1 is already a member.' });
    expect(refusalField(refusal('already_a_member_in_organization'), { user: 'Ada Lovelace', organization: 'Acme' })).toEqual({ field: 'user', message: 'Ada Lovelace is already a member of Acme.' });
    expect(refusalField(refusal('organization_membership_quota_exceeded'))?.field).toBe('organization');
    // Named parameters go through the shared field mapping instead; unknown codes to the summary.
    expect(refusalField(refusal('already_a_member_in_organization', 'user_id'))).toBeUndefined();
    expect(refusalField(refusal('something_else'))).toBeUndefined();
    expect(refusalField(new Error('x'))).toBeUndefined();
  });
});
