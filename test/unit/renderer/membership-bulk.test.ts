/** The bulk membership rules on screen (issue 11, item 7): the "Add many" list, the CSV's columns and roles, the bulk last-admin warning. */
import { describe, expect, it } from 'vitest';
import { addItems, bulkLastAdminWarning, fileEntries, guessColumns, mergeRows, rowsFromResolution, type AddRow } from '../../../renderer/src/views/organizations/membership-bulk';

const row = (userId: string, role: string | null = null, label = userId): AddRow => ({ userId, label, role, source: 'picked' });

describe('the Add many list', () => {
  it('keeps each user once, in the order first listed, and takes an explicit role given later', () => {
    const merged = mergeRows([row('user_a'), row('user_b', 'org:admin')], [row('user_b'), row('user_c'), row('user_a', 'org:billing')]);
    expect(merged.map((r) => [r.userId, r.role])).toEqual([
      ['user_a', 'org:billing'],
      ['user_b', 'org:admin'],
      ['user_c', null],
    ]);
  });

  it('gives each item its own role, else the default', () => {
    expect(addItems([row('user_a'), row('user_b', 'org:admin', 'b@example.com')], 'org:member')).toEqual([
      { userId: 'user_a', label: 'user_a', role: 'org:member' },
      { userId: 'user_b', label: 'b@example.com', role: 'org:admin' },
    ]);
  });

  it('adds the entries that matched one user, lists the misses and leaves out the entries that matched several', () => {
    const found = rowsFromResolution(
      {
        matched: [
          { entry: 'ada@example.com', kind: 'email_address', userIds: ['user_ada'] },
          { entry: 'grace', kind: 'username_or_external_id', userIds: ['user_g1', 'user_g2'] },
          { entry: 'user_ada', kind: 'user_id', userIds: ['user_ada'] },
        ],
        unmatched: ['ghost@example.com'],
        userIds: ['user_ada', 'user_g1', 'user_g2'],
      },
      'pasted',
      (entry) => (entry === 'ada@example.com' ? 'org:admin' : null),
    );
    expect(found.rows).toEqual([{ userId: 'user_ada', label: 'ada@example.com', role: 'org:admin', source: 'pasted' }]);
    expect(found.ambiguous).toEqual([{ entry: 'grace', userIds: ['user_g1', 'user_g2'] }]);
    expect(found.unmatched).toEqual(['ghost@example.com']);
  });
});

describe('a CSV of users and roles', () => {
  it('guesses the user and role columns from the headers', () => {
    expect(guessColumns(['Name', 'Email Address', 'Org role'])).toEqual({ user: 'Email Address', role: 'Org role' });
    expect(guessColumns(['user_id', 'role'])).toEqual({ user: 'user_id', role: 'role' });
    expect(guessColumns(['login', 'notes'])).toEqual({ user: 'login', role: null });
  });

  it('reads each row\u2019s role (blank: the default), and refuses a role that is not a role key or a user listed twice with another role, by row', () => {
    const file = {
      columns: ['email', 'role'],
      records: [
        { email: 'ada@example.com', role: 'org:admin' },
        { email: 'bob@example.com', role: '' },
        { email: 'eve@example.com', role: 'admin' },
        { email: '', role: '' },
        { email: '', role: 'org:member' },
        { email: 'ada@example.com', role: 'org:member' },
      ],
    };
    const read = fileEntries(file, 'email', 'role');
    expect(read.entries).toEqual(['ada@example.com', 'bob@example.com']);
    expect([...read.roles]).toEqual([
      ['ada@example.com', 'org:admin'],
      ['bob@example.com', null],
    ]);
    expect(read.problems).toEqual([
      { row: 3, message: 'admin is not a role key such as org:admin or org:member.' },
      { row: 5, message: 'No user in the email column.' },
      { row: 6, message: "ada@example.com is listed again with another role; the first row's role is kept." },
    ]);
  });

  it('without a role column every row takes the default', () => {
    const read = fileEntries({ columns: ['user'], records: [{ user: 'user_1' }, { user: 'user_2' }] }, 'user', null);
    expect([...read.roles.values()]).toEqual([null, null]);
    expect(read.problems).toEqual([]);
  });
});

describe('the bulk last-admin warning', () => {
  const base = { admins: ['user_a', 'user_b'], adminTotal: 2, organizationName: 'Acme' };

  it('warns when every admin is among the members removed or demoted', () => {
    expect(bulkLastAdminWarning({ ...base, selected: ['user_a', 'user_b', 'user_c'], change: { kind: 'remove' } })).toBe(
      'Removing these members leaves Acme without any admin (org:admin): nobody in it can manage its members or settings until an admin is added again.',
    );
    expect(bulkLastAdminWarning({ ...base, selected: ['user_b', 'user_a'], change: { kind: 'role', role: 'org:member' } })).toMatch(/^Making these members org:member leaves Acme/);
  });

  it('says nothing while an admin stays, when they are made admins, when there is no admin, or when not every admin was read', () => {
    expect(bulkLastAdminWarning({ ...base, selected: ['user_a'], change: { kind: 'remove' } })).toBeUndefined();
    expect(bulkLastAdminWarning({ ...base, selected: ['user_a', 'user_b'], change: { kind: 'role', role: 'org:admin' } })).toBeUndefined();
    expect(bulkLastAdminWarning({ admins: [], adminTotal: 0, organizationName: 'Acme', selected: ['user_a'], change: { kind: 'remove' } })).toBeUndefined();
    expect(bulkLastAdminWarning({ ...base, adminTotal: 600, selected: ['user_a', 'user_b'], change: { kind: 'remove' } })).toBeUndefined();
  });
});
