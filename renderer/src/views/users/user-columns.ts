/**
 * The Users table's columns (a {@link ResourceColumn} list): what each shows and which `order_by`
 * field it sorts by, so every documented sort field has a column. Fitting the window by itself
 * (no columns chosen), the table shows User, Primary email, Created and Status in a 1000 px window,
 * Username and Last sign-in too at 1280 px, and Phone when there is room; the rest are in the
 * column chooser, and everything is in the user's tab.
 */
import { h } from 'vue';
import { NTag } from 'naive-ui';
import type { User } from '@shared/clerk';
import CopyableId from '../../components/CopyableId.vue';
import type { ResourceColumn } from '../../components/resource-table/resource-columns';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { formatDate, formatTime } from '../../format';
import UserAvatar from './UserAvatar.vue';
import { displayName, primaryEmail, primaryPhone } from './user-display';

/** Text that may be cut short in its cell, whole in its title (the browser's own tooltip); '—' when absent. */
const titledOrDash = (value: string | null | undefined) => (value ? h('span', { title: value }, value) : muted('—'));

/** A date cell: the day, the exact time in its title; `empty` when there is none. */
const dateCell = (at: number | null | undefined, empty = '—', testId?: string) =>
  at ? nowrapCell(formatDate(at), { title: formatTime(at), 'data-testid': testId }) : muted(empty);

function statusTags(user: User) {
  const tags = [];
  if (user.banned) tags.push(h(NTag, { type: 'error', size: 'small', bordered: false, 'data-testid': 'user-banned' }, () => 'Banned'));
  if (user.locked) tags.push(h(NTag, { type: 'warning', size: 'small', bordered: false, 'data-testid': 'user-locked' }, () => 'Locked'));
  return tags.length ? h('span', { class: 'cell-tags' }, tags) : muted('—');
}

/** A copyable value in a cell: the table keeps one tab stop, so its copy buttons are not Tab stops. */
const copyable = (value: string, label: string, mono: boolean, testId?: string) =>
  h(CopyableId, { value, label, mono, nowrap: true, focusable: false, valueTestId: testId });

/** Column widths (px): the user column holds the avatar, the name and the full id with its copy button. */
const WIDTH = { user: 290, emailMin: 190, username: 132, phone: 140, created: 108, lastSignIn: 120, status: 84 } as const;

/** From this table width on (px), Username and Last sign-in show while the table fits itself. */
export const USER_MEDIUM_WIDTH = WIDTH.user + WIDTH.emailMin + WIDTH.username + WIDTH.created + WIDTH.lastSignIn + WIDTH.status;
/** From this width on, Phone shows too. */
export const USER_FULL_WIDTH = USER_MEDIUM_WIDTH + WIDTH.phone;

const primaryWallet = (user: User) => (user.web3_wallets.find((wallet) => wallet.id === user.primary_web3_wallet_id) ?? user.web3_wallets[0])?.web3_wallet ?? null;

/** Every column of the Users table, in order. */
export const USER_COLUMNS: ResourceColumn<User>[] = [
  {
    key: 'name',
    title: 'User',
    sortField: 'first_name',
    width: WIDTH.user,
    fixed: 'left',
    required: true,
    render: (user) =>
      h('div', { class: 'cell-user' }, [
        h(UserAvatar, { user }),
        h('div', { class: 'cell-user-text' }, [
          h('div', { class: 'cell-user-name', title: displayName(user), 'data-testid': 'user-name' }, displayName(user)),
          h('div', { class: 'cell-user-id' }, [copyable(user.id, 'Copy user ID', true, 'user-id')]),
        ]),
      ]),
  },
  { key: 'lastName', title: 'Last name', sortField: 'last_name', width: 120, ellipsis: true, render: (user) => titledOrDash(user.last_name) },
  {
    key: 'email',
    title: 'Primary email',
    sortField: 'email_address',
    minWidth: WIDTH.emailMin,
    autoFrom: 0,
    render: (user) => {
      const email = primaryEmail(user);
      return email ? copyable(email, 'Copy email address', false) : muted('—');
    },
  },
  // A CSS ellipsis, not Naive's tooltip: its NEllipsis measures the text (a forced layout) at every render, and
  // on a virtualised page the header and every row in view render again at each scrolled frame (npm run bench:ui).
  { key: 'username', title: 'Username', sortField: 'username', width: WIDTH.username, ellipsis: true, autoFrom: USER_MEDIUM_WIDTH, render: (user) => titledOrDash(user.username) },
  {
    key: 'phone',
    title: 'Phone',
    sortField: 'phone_number',
    width: WIDTH.phone,
    autoFrom: USER_FULL_WIDTH,
    render: (user) => {
      const phone = primaryPhone(user);
      return phone ? nowrapCell(phone) : muted('—');
    },
  },
  { key: 'web3Wallet', title: 'Web3 wallet', sortField: 'web3wallet', width: 150, ellipsis: true, render: (user) => titledOrDash(primaryWallet(user)) },
  {
    key: 'externalId',
    title: 'External ID',
    width: 150,
    render: (user) => (user.external_id ? copyable(user.external_id, 'Copy external ID', true) : muted('—')),
  },
  { key: 'createdAt', title: 'Created', sortField: 'created_at', width: WIDTH.created, autoFrom: 0, render: (user) => dateCell(user.created_at, '—', 'user-created') },
  { key: 'updatedAt', title: 'Updated', sortField: 'updated_at', width: WIDTH.created, render: (user) => dateCell(user.updated_at) },
  { key: 'lastActiveAt', title: 'Last active', sortField: 'last_active_at', width: WIDTH.lastSignIn, render: (user) => dateCell(user.last_active_at, 'Never') },
  { key: 'lastSignInAt', title: 'Last sign-in', sortField: 'last_sign_in_at', width: WIDTH.lastSignIn, autoFrom: USER_MEDIUM_WIDTH, render: (user) => dateCell(user.last_sign_in_at, 'Never') },
  { key: 'status', title: 'Status', width: WIDTH.status, autoFrom: 0, render: statusTags },
];

/** The column keys, for checking a saved choice. */
export const USER_COLUMN_KEYS = USER_COLUMNS.map((column) => column.key);
