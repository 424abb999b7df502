/**
 * The members table's columns (a {@link ResourceColumn} list): one per documented `order_by` of
 * `GET /organizations/{id}/memberships` (first name, last name, email address, phone number,
 * username, joined), plus the role and the row's actions. Clerk's membership carries only the
 * member's primary identifier, so Email shows it when it is an email address and Phone when it is
 * a phone number. At 1000 px the table shows Member, Email, Role and the actions, at 1280 px Joined
 * and Username too; the rest are in the column chooser.
 */
import { h, type VNodeChild } from 'vue';
import { NTag } from 'naive-ui';
import type { OrganizationMembership } from '@shared/clerk';
import CopyableId from '../../components/CopyableId.vue';
import RecordAvatar from '../../components/RecordAvatar.vue';
import type { ResourceColumn } from '../../components/resource-table/resource-columns';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { formatDate, formatTime } from '../../format';
import { ADMIN_ROLE } from './last-admin';
import { memberName, memberUserId, roleText } from './member-display';

const identifierOf = (membership: OrganizationMembership) => membership.public_user_data?.identifier ?? null;
const titled = (value: string | null | undefined) => (value ? h('span', { title: value }, value) : muted('—'));

function memberCell(membership: OrganizationMembership): VNodeChild {
  const data = membership.public_user_data;
  const name = memberName(membership);
  const letters = [data?.first_name, data?.last_name].filter(Boolean).map((part) => part!.trim()[0]).join('') || name[0] || '?';
  return h('div', { class: 'cell-user' }, [
    h(RecordAvatar, { seed: memberUserId(membership), initials: letters.slice(0, 2).toUpperCase(), imageUrl: data?.has_image ? data.image_url : undefined }),
    h('div', { class: 'cell-user-text' }, [
      h('div', { class: 'cell-user-name', title: name, 'data-testid': 'member-name' }, name),
      h('div', { class: 'cell-user-id' }, [h(CopyableId, { value: memberUserId(membership), label: 'Copy user ID', mono: true, nowrap: true, focusable: false, valueTestId: 'member-user-id' })]),
    ]),
  ]);
}

/** Widths (px). */
const WIDTH = { member: 250, emailMin: 170, role: 130, joined: 108, username: 130, actions: 48, selection: 40 } as const;
/** From this table width on, Joined shows while the table fits itself (a 1000 px window shows Member, Email, Role). */
export const MEMBER_JOINED_WIDTH = WIDTH.member + WIDTH.emailMin + WIDTH.role + WIDTH.joined + WIDTH.actions + WIDTH.selection;
/** From this width on, Username shows too. */
export const MEMBER_MEDIUM_WIDTH = MEMBER_JOINED_WIDTH + WIDTH.username;

/** The members table's columns; `actions` renders the row's action menu. */
export function memberColumns(actions: (membership: OrganizationMembership) => VNodeChild): ResourceColumn<OrganizationMembership>[] {
  return [
    { key: 'member', title: 'Member', sortField: 'first_name', width: WIDTH.member, fixed: 'left', required: true, render: memberCell },
    { key: 'lastName', title: 'Last name', sortField: 'last_name', width: 132, ellipsis: true, render: (m) => titled(m.public_user_data?.last_name) },
    {
      key: 'email',
      title: 'Email',
      sortField: 'email_address',
      minWidth: WIDTH.emailMin,
      autoFrom: 0,
      render: (m) => {
        const identifier = identifierOf(m);
        return identifier?.includes('@') ? h(CopyableId, { value: identifier, label: 'Copy email address', mono: false, nowrap: true, focusable: false }) : muted('—');
      },
    },
    { key: 'username', title: 'Username', sortField: 'username', width: WIDTH.username, ellipsis: true, autoFrom: MEMBER_MEDIUM_WIDTH, render: (m) => titled(m.public_user_data?.username) },
    {
      key: 'phone',
      title: 'Phone',
      sortField: 'phone_number',
      width: 140,
      render: (m) => {
        const identifier = identifierOf(m);
        return identifier?.startsWith('+') ? nowrapCell(identifier) : muted('—');
      },
    },
    {
      key: 'role',
      title: 'Role',
      width: WIDTH.role,
      autoFrom: 0,
      render: (m) =>
        h(NTag, { size: 'small', bordered: false, type: m.role === ADMIN_ROLE ? 'info' : 'default', title: m.role, 'data-testid': 'member-role', 'data-role': m.role }, () => roleText(m)),
    },
    {
      key: 'joined',
      title: 'Joined',
      sortField: 'created_at',
      width: WIDTH.joined,
      autoFrom: MEMBER_JOINED_WIDTH,
      render: (m) => nowrapCell(formatDate(m.created_at), { title: formatTime(m.created_at), 'data-testid': 'member-joined' }),
    },
    { key: 'actions', title: '', width: WIDTH.actions, required: true, align: 'right', render: actions },
  ];
}

/** The column keys, for checking a remembered choice. */
export const MEMBER_COLUMN_KEYS = memberColumns(() => null).map((column) => column.key);
