/**
 * The Sessions section's columns (a {@link ResourceColumn} list): the device with the session's
 * copyable id, the user (copyable id), status, where (location and IP), last active and expiry.
 * Clerk's `GET /sessions` has no `order_by`, so none sorts.
 */
import { h } from 'vue';
import { NTag } from 'naive-ui';
import type { Session } from '@shared/clerk';
import CopyableId from '../../components/CopyableId.vue';
import type { ResourceColumn } from '../../components/resource-table/resource-columns';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { formatDate, formatFromNow, formatTime } from '../../format';
import { deviceText, locationText, statusTagType } from './session-display';

// Device, status, where and last active fit the 1000 px window; expiry and the user from wider.
const WIDTH = { device: 220, user: 220, status: 90, where: 160, lastActive: 130, expires: 120 } as const;
const BASE = WIDTH.device + WIDTH.status + WIDTH.where + WIDTH.lastActive + 40;

/** The Sessions list's columns. */
export function sessionColumns(): ResourceColumn<Session>[] {
  return [
    {
      key: 'device',
      title: 'Device',
      minWidth: WIDTH.device,
      fixed: 'left',
      required: true,
      render: (session) =>
        h('div', { class: 'cell-session' }, [
          h('div', { class: 'cell-session-device', title: deviceText(session), 'data-testid': 'session-device-cell' }, deviceText(session)),
          h('div', { class: 'cell-session-id' }, [h(CopyableId, { value: session.id, label: 'Copy session ID', nowrap: true, focusable: false })]),
        ]),
    },
    {
      key: 'status',
      title: 'Status',
      width: WIDTH.status,
      autoFrom: 0,
      render: (session) => h(NTag, { size: 'small', bordered: false, class: 'cell-session-status', type: statusTagType(session.status), 'data-testid': 'session-status' }, () => session.status),
    },
    {
      key: 'where',
      title: 'Location · IP',
      width: WIDTH.where,
      autoFrom: 0,
      render: (session) => {
        const text = [locationText(session), session.latest_activity?.ip_address].filter(Boolean).join(' · ');
        return text ? nowrapCell(text, { title: text }) : muted('Unknown');
      },
    },
    // Relative ("5 minutes ago") against the time the page was drawn; the exact time in the title.
    { key: 'last-active', title: 'Last active', width: WIDTH.lastActive, autoFrom: 0, render: (session) => nowrapCell(formatFromNow(session.last_active_at, Date.now()), { title: formatTime(session.last_active_at) }) },
    { key: 'expires', title: 'Expires', width: WIDTH.expires, autoFrom: BASE + WIDTH.expires, render: (session) => nowrapCell(formatDate(session.expire_at), { title: formatTime(session.expire_at) }) },
    {
      key: 'user',
      title: 'User',
      width: WIDTH.user,
      autoFrom: BASE + WIDTH.expires + WIDTH.user,
      render: (session) => h(CopyableId, { value: session.user_id, label: 'Copy user ID', nowrap: true, focusable: false }),
    },
  ];
}
