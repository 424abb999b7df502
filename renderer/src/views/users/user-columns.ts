/** The Users table's columns: what each shows and which Clerk field it sorts by. */
import { h } from 'vue';
import { NTag, type DataTableColumns } from 'naive-ui';
import type { User } from '@shared/clerk';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { formatDate, formatDateTime } from '../../format';
import type { SortDirection, UserSortColumn } from './user-sort';
import UserAvatar from './UserAvatar.vue';
import { displayName, primaryEmail, primaryPhone } from './user-display';

const orDash = (value: string | null | undefined) => (value ? value : muted('—'));

function statusTags(user: User) {
  const tags = [];
  if (user.banned) tags.push(h(NTag, { type: 'error', size: 'small', bordered: false, 'data-testid': 'user-banned' }, () => 'Banned'));
  if (user.locked) tags.push(h(NTag, { type: 'warning', size: 'small', bordered: false, 'data-testid': 'user-locked' }, () => 'Locked'));
  return tags.length ? h('span', { class: 'cell-tags' }, tags) : muted('—');
}

/** The columns, with each sortable column showing `direction(column)`. */
export function userColumns(direction: (column: UserSortColumn) => SortDirection): DataTableColumns<User> {
  const sortable = (key: UserSortColumn) => ({ key, sorter: true as const, sortOrder: direction(key) });
  return [
    {
      ...sortable('name'),
      title: 'User',
      minWidth: 240,
      render: (user) =>
        h('div', { class: 'cell-user' }, [
          h(UserAvatar, { user }),
          h('div', { class: 'cell-user-text' }, [
            h('div', { class: 'cell-user-name', title: displayName(user), 'data-testid': 'user-name' }, displayName(user)),
            h('div', { class: 'cell-user-id mono' }, user.id),
          ]),
        ]),
    },
    { ...sortable('email'), title: 'Primary email', minWidth: 200, ellipsis: { tooltip: true }, render: (user) => orDash(primaryEmail(user)) },
    { ...sortable('username'), title: 'Username', minWidth: 110, ellipsis: { tooltip: true }, render: (user) => orDash(user.username) },
    { ...sortable('phone'), title: 'Phone', width: 140, render: (user) => orDash(primaryPhone(user)) },
    {
      ...sortable('createdAt'),
      title: 'Created',
      width: 116,
      render: (user) => h('span', { title: formatDateTime(user.created_at), 'data-testid': 'user-created' }, formatDate(user.created_at)),
    },
    {
      ...sortable('lastSignInAt'),
      title: 'Last sign-in',
      width: 184,
      render: (user) => (user.last_sign_in_at ? nowrapCell(formatDateTime(user.last_sign_in_at)) : muted('Never')),
    },
    { key: 'status', title: 'Status', width: 100, render: statusTags },
  ];
}
