/**
 * The membership overview's two tables (ResourceTable columns): organizations without an admin
 * (name with its copyable id, slug, members) and users in more than N organizations (name with
 * its copyable id, identifier, how many organizations and which, with the role in each).
 */
import { h, type VNodeChild } from 'vue';
import type { OverviewOrganization, OverviewUser } from '@shared/ipc/membership-overview';
import CopyableId from '../../components/CopyableId.vue';
import type { ResourceColumn } from '../../components/resource-table/resource-columns';
import { mutedCell } from '../../components/table-cells';

/** A user's name as the overview shows it: first and last name, else the identifier, else the id. */
export function overviewUserName(user: OverviewUser): string {
  return [user.firstName, user.lastName].filter(Boolean).join(' ').trim() || user.identifier || user.userId;
}

/** "Acme (org:admin), Globex (org:member)": a user's organizations with the role in each. */
export function overviewMembershipsText(user: OverviewUser): string {
  return user.memberships.map((membership) => `${membership.organizationName} (${membership.role})`).join(', ');
}

// A name over its copyable id, as the members table shows a member.
function namedId(name: string, id: string, label: string, testId: string): VNodeChild {
  return h('div', { class: 'overview-named' }, [
    h('div', { class: 'overview-name', title: name, 'data-testid': `${testId}-name` }, name),
    h('div', { class: 'overview-id' }, [h(CopyableId, { value: id, label, mono: true, nowrap: true, focusable: false, valueTestId: `${testId}-id` })]),
  ]);
}

/** The columns of the organizations without an admin. */
export function withoutAdminColumns(): ResourceColumn<OverviewOrganization>[] {
  return [
    { key: 'organization', title: 'Organization', minWidth: 260, required: true, render: (org) => namedId(org.name, org.id, 'Copy organization ID', 'overview-org') },
    { key: 'slug', title: 'Slug', width: 180, ellipsis: true, autoFrom: 0, render: (org) => h('span', { title: org.slug }, org.slug) },
    { key: 'members', title: 'Members', width: 96, align: 'right', autoFrom: 0, render: (org) => (org.membersCount ? String(org.membersCount) : mutedCell('None')) },
  ];
}

/** The columns of the users in more than N organizations. */
export function usersInManyColumns(): ResourceColumn<OverviewUser>[] {
  return [
    { key: 'user', title: 'User', width: 300, required: true, render: (user) => namedId(overviewUserName(user), user.userId, 'Copy user ID', 'overview-user') },
    { key: 'count', title: 'Orgs', width: 70, align: 'right', autoFrom: 0, render: (user) => h('span', { 'data-testid': 'overview-user-count' }, String(user.memberships.length)) },
    {
      key: 'organizations',
      title: 'Organizations (role)',
      minWidth: 220,
      ellipsis: true,
      autoFrom: 0,
      render: (user) => {
        const text = overviewMembershipsText(user);
        return h('span', { title: text }, text);
      },
    },
  ];
}
