/**
 * The SAML connections table's columns (a {@link ResourceColumn} list): name and id, domains,
 * provider, active, the IdP certificate's expiry (a warning tag within 30 days, or once expired) and
 * created. `now` is the clock the expiry is read against (the view passes one that ticks hourly).
 */
import { h } from 'vue';
import { NTag } from 'naive-ui';
import type { SamlConnectionRecord } from '@shared/ipc/channels/saml-connections';
import CopyableId from '../../components/CopyableId.vue';
import type { ResourceColumn } from '../../components/resource-table/resource-columns';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { formatDate, formatTime } from '../../format';
import { certificateExpiry, domainsOf, providerLabel } from './saml-display';

const WIDTH = { name: 250, domains: 150, provider: 150, active: 84, certificate: 210, created: 104 } as const;
// Name, domains, active and the certificate always show; provider and created when there is room.
const BASE = WIDTH.name + WIDTH.domains + WIDTH.active + WIDTH.certificate;

/** The columns, reading certificate expiry against `now()`. */
export function samlConnectionColumns(now: () => number): ResourceColumn<SamlConnectionRecord>[] {
  return [
    {
      key: 'name',
      title: 'Connection',
      sortField: 'name',
      width: WIDTH.name,
      fixed: 'left',
      required: true,
      render: ({ connection }) =>
        h('div', { class: 'cell-saml' }, [
          h('div', { class: 'cell-saml-name', title: connection.name, 'data-testid': 'saml-connection-name' }, connection.name),
          h('div', { class: 'cell-saml-id' }, [h(CopyableId, { value: connection.id, label: 'Copy connection ID', mono: true, nowrap: true, focusable: false })]),
        ]),
    },
    {
      key: 'domains',
      title: 'Domains',
      minWidth: WIDTH.domains,
      autoFrom: 0,
      render: ({ connection }) => {
        const domains = domainsOf(connection);
        return domains.length ? h('span', { class: 'cell-saml-domains', title: domains.join(', '), 'data-testid': 'saml-connection-domains' }, domains.join(', ')) : muted('—');
      },
    },
    { key: 'provider', title: 'Provider', width: WIDTH.provider, autoFrom: BASE + WIDTH.provider, render: ({ connection }) => nowrapCell(providerLabel(connection.provider)) },
    {
      key: 'active',
      title: 'Active',
      width: WIDTH.active,
      autoFrom: 0,
      render: ({ connection }) =>
        h(NTag, { size: 'small', bordered: false, type: connection.active ? 'success' : 'default', 'data-testid': 'saml-connection-active' }, () => (connection.active ? 'Active' : 'Inactive')),
    },
    {
      key: 'certificate',
      title: 'IdP certificate',
      width: WIDTH.certificate,
      autoFrom: 0,
      render: (record) => {
        const expiry = certificateExpiry(record, now());
        const attrs = { 'data-testid': 'saml-connection-expiry', 'data-state': expiry.state, title: expiry.expiresAt ? `Expires ${formatTime(expiry.expiresAt)}` : undefined };
        if (expiry.state === 'none') return h('span', attrs, [muted(expiry.text)]);
        if (expiry.state === 'valid') return nowrapCell(expiry.text, attrs);
        return h(NTag, { size: 'small', type: expiry.state === 'expired' ? 'error' : 'warning', bordered: false, ...attrs }, () => expiry.text);
      },
    },
    {
      key: 'created',
      title: 'Created',
      sortField: 'created_at',
      width: WIDTH.created,
      autoFrom: BASE + WIDTH.provider + WIDTH.created,
      render: ({ connection }) => nowrapCell(formatDate(connection.created_at), { title: formatTime(connection.created_at) }),
    },
  ];
}
