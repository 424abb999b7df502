/** The Users table's columns: what each shows and which Clerk field it sorts by. */
import { h } from 'vue';
import { NTag, type DataTableColumns } from 'naive-ui';
import type { User } from '@shared/clerk';
import CopyableId from '../../components/CopyableId.vue';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { formatDate, formatTime } from '../../format';
import type { SortDirection, UserSortColumn } from './user-sort';
import UserAvatar from './UserAvatar.vue';
import { displayName, primaryEmail, primaryPhone } from './user-display';

/** Text that may be cut short in its cell, whole in its title (the browser's own tooltip); '—' when absent. */
const titledOrDash = (value: string | null | undefined) => (value ? h('span', { title: value }, value) : muted('—'));

function statusTags(user: User) {
  const tags = [];
  if (user.banned) tags.push(h(NTag, { type: 'error', size: 'small', bordered: false, 'data-testid': 'user-banned' }, () => 'Banned'));
  if (user.locked) tags.push(h(NTag, { type: 'warning', size: 'small', bordered: false, 'data-testid': 'user-locked' }, () => 'Locked'));
  return tags.length ? h('span', { class: 'cell-tags' }, tags) : muted('—');
}

/** A copyable value in a cell: the table keeps one tab stop, so its copy buttons are not Tab stops. */
const copyable = (value: string, label: string, mono: boolean, testId?: string) =>
  h(CopyableId, { value, label, mono, nowrap: true, focusable: false, valueTestId: testId });

/**
 * Column widths (px). The user column holds the avatar, the name and the full id (with its copy
 * button); the email column takes whatever room is left.
 */
const WIDTH = { user: 290, emailMin: 190, username: 120, phone: 140, created: 108, lastSignIn: 112, status: 84 } as const;

/**
 * Which columns show: `full` (every column), `medium` (no Phone: a 1280 px window) or `compact`
 * (no Phone, Username or Last sign-in: a 1000 px window, where the main area is about 720 px).
 * What they leave out is in the user's tab.
 */
export type UserColumnsLevel = 'full' | 'medium' | 'compact';

const LEVELS: Record<UserColumnsLevel, (keyof typeof WIDTH)[]> = {
  full: ['user', 'emailMin', 'username', 'phone', 'created', 'lastSignIn', 'status'],
  medium: ['user', 'emailMin', 'username', 'created', 'lastSignIn', 'status'],
  compact: ['user', 'emailMin', 'created', 'status'],
};

/** The width the columns of a level need (below it the table scrolls sideways, the user column pinned). */
export function userColumnsWidth(level: UserColumnsLevel): number {
  return LEVELS[level].reduce((sum, column) => sum + WIDTH[column], 0);
}

/** The most columns that fit in `width` px (0, not measured yet: all of them). */
export function userColumnsLevel(width: number): UserColumnsLevel {
  if (width === 0 || width >= userColumnsWidth('full')) return 'full';
  return width >= userColumnsWidth('medium') ? 'medium' : 'compact';
}

/** Options of {@link userColumns}. */
export interface UserColumnsOptions {
  /** The direction each sortable column shows. */
  direction: (column: UserSortColumn) => SortDirection;
  /** Which columns show (default: all). */
  level?: UserColumnsLevel;
}

/** The columns, with each sortable column showing `direction(column)`. */
export function userColumns({ direction, level = 'full' }: UserColumnsOptions): DataTableColumns<User> {
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
  if (level !== 'compact') {
    // A CSS ellipsis, not Naive's tooltip: its NEllipsis measures the text (a forced layout) at every render, and
    // on a virtualised page the header and every row in view render again at each scrolled frame (npm run bench:ui).
    columns.push({ ...sortable('username'), title: 'Username', width: WIDTH.username, ellipsis: true, render: (user) => titledOrDash(user.username) });
  }
  if (level === 'full') {
    columns.push({ ...sortable('phone'), title: 'Phone', width: WIDTH.phone, render: (user) => { const phone = primaryPhone(user); return phone ? nowrapCell(phone) : muted('—'); } });
  }
  columns.push({
    ...sortable('createdAt'),
    title: 'Created',
    width: WIDTH.created,
    render: (user) => nowrapCell(formatDate(user.created_at), { title: formatTime(user.created_at), 'data-testid': 'user-created' }),
  });
  if (level !== 'compact') {
    columns.push({
      ...sortable('lastSignInAt'),
      title: 'Last sign-in',
      width: WIDTH.lastSignIn,
      render: (user) => (user.last_sign_in_at ? nowrapCell(formatDate(user.last_sign_in_at), { title: formatTime(user.last_sign_in_at) }) : muted('Never')),
    });
  }
  columns.push({ key: 'status', title: 'Status', width: WIDTH.status, render: statusTags });
  return columns;
}
