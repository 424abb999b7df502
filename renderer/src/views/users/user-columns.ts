/** The Users table's columns: what each shows and which Clerk field it sorts by. */
import { h } from 'vue';
import { NTag, type DataTableColumns } from 'naive-ui';
import type { User } from '@shared/clerk';
import CopyableId from '../../components/CopyableId.vue';
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

/** A copyable value in a cell: the table keeps one tab stop, so its copy buttons are not Tab stops. */
const copyable = (value: string, label: string, mono: boolean, testId?: string) =>
  h(CopyableId, { value, label, mono, nowrap: true, focusable: false, valueTestId: testId });

/** Column widths (px). The compact set (no Username, no Phone) fits the ~720 px a 1000 px window leaves. */
const WIDTH = { user: 220, emailMin: 170, username: 120, phone: 130, created: 100, lastSignIn: 112, status: 110 } as const;

/** The width the columns need (the table scrolls sideways, with the user column pinned, below it). */
export function userColumnsWidth(compact: boolean): number {
  const base = WIDTH.user + WIDTH.emailMin + WIDTH.created + WIDTH.lastSignIn + WIDTH.status;
  return compact ? base : base + WIDTH.username + WIDTH.phone;
}

/** Options of {@link userColumns}. */
export interface UserColumnsOptions {
  /** The direction each sortable column shows. */
  direction: (column: UserSortColumn) => SortDirection;
  /** Leave out Username and Phone (narrow windows; both are in the user's tab). */
  compact?: boolean;
}

/** The columns, with each sortable column showing `direction(column)`. */
export function userColumns({ direction, compact = false }: UserColumnsOptions): DataTableColumns<User> {
  const sortable = (key: UserSortColumn) => ({ key, sorter: true as const, sortOrder: direction(key) });
  const columns: DataTableColumns<User> = [
    {
      ...sortable('name'),
      title: 'User',
      width: WIDTH.user,
      fixed: 'left',
      render: (user) =>
        h('div', { class: 'cell-user' }, [
          h(UserAvatar, { user }),
          h('div', { class: 'cell-user-text' }, [
            h('div', { class: 'cell-user-name', title: displayName(user), 'data-testid': 'user-name' }, displayName(user)),
            h('div', { class: 'cell-user-id' }, [copyable(user.id, 'Copy user ID', true, 'user-id')]),
          ]),
        ]),
    },
    {
      ...sortable('email'),
      title: 'Primary email',
      minWidth: WIDTH.emailMin,
      render: (user) => {
        const email = primaryEmail(user);
        return email ? copyable(email, 'Copy email address', false) : muted('—');
      },
    },
  ];
  if (!compact) {
    columns.push(
      { ...sortable('username'), title: 'Username', width: WIDTH.username, ellipsis: { tooltip: true }, render: (user) => orDash(user.username) },
      { ...sortable('phone'), title: 'Phone', width: WIDTH.phone, render: (user) => orDash(primaryPhone(user)) },
    );
  }
  columns.push(
    {
      ...sortable('createdAt'),
      title: 'Created',
      width: WIDTH.created,
      render: (user) => nowrapCell(formatDate(user.created_at), { title: formatDateTime(user.created_at), 'data-testid': 'user-created' }),
    },
    {
      ...sortable('lastSignInAt'),
      title: 'Last sign-in',
      width: WIDTH.lastSignIn,
      render: (user) => (user.last_sign_in_at ? nowrapCell(formatDate(user.last_sign_in_at), { title: formatDateTime(user.last_sign_in_at) }) : muted('Never')),
    },
    { key: 'status', title: 'Status', width: WIDTH.status, render: statusTags },
  );
  return columns;
}
