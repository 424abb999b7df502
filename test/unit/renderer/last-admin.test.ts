import { describe, expect, it } from 'vitest';
import { lastAdminWarning, leavesNoAdmin } from '../../../renderer/src/views/organizations/last-admin';

describe('the last-admin rule', () => {
  it('warns when the only admin is demoted or removed', () => {
    expect(leavesNoAdmin({ currentRole: 'org:admin', change: { kind: 'role', role: 'org:member' }, adminCount: 1 })).toBe(true);
    expect(leavesNoAdmin({ currentRole: 'org:admin', change: { kind: 'remove' }, adminCount: 1 })).toBe(true);
    // A count that missed the member (a stale page) still means no admin is left.
    expect(leavesNoAdmin({ currentRole: 'org:admin', change: { kind: 'remove' }, adminCount: 0 })).toBe(true);
  });

  it('says nothing while another admin stays', () => {
    expect(leavesNoAdmin({ currentRole: 'org:admin', change: { kind: 'role', role: 'org:member' }, adminCount: 2 })).toBe(false);
    expect(leavesNoAdmin({ currentRole: 'org:admin', change: { kind: 'remove' }, adminCount: 3 })).toBe(false);
  });

  it('says nothing for a member who is no admin, or an admin staying admin', () => {
    expect(leavesNoAdmin({ currentRole: 'org:member', change: { kind: 'remove' }, adminCount: 1 })).toBe(false);
    expect(leavesNoAdmin({ currentRole: 'org:billing', change: { kind: 'role', role: 'org:member' }, adminCount: 0 })).toBe(false);
    expect(leavesNoAdmin({ currentRole: 'org:admin', change: { kind: 'role', role: 'org:admin' }, adminCount: 1 })).toBe(false);
  });

  it('names the member, the change and the organization', () => {
    expect(lastAdminWarning({ currentRole: 'org:admin', change: { kind: 'remove' }, adminCount: 1, memberName: 'Ada', organizationName: 'Acme' })).toBe(
      'Removing Ada leaves Acme without any admin (org:admin): nobody in it can manage its members or settings until an admin is added again.',
    );
    expect(lastAdminWarning({ currentRole: 'org:admin', change: { kind: 'role', role: 'org:billing' }, adminCount: 1, memberName: 'Ada', organizationName: 'Acme' })).toMatch(
      /^Making Ada org:billing leaves Acme without any admin/,
    );
    expect(lastAdminWarning({ currentRole: 'org:admin', change: { kind: 'remove' }, adminCount: 2, memberName: 'Ada', organizationName: 'Acme' })).toBeUndefined();
  });
});
