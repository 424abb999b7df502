/** The Audit log table's columns: one line per change, so rows keep one height for the virtual list. */
import { h } from 'vue';
import type { DataTableColumns } from 'naive-ui';
import type { AuditChange } from '@shared/ipc/audit';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { environmentStyle } from '../../environments';
import { formatDateTimePrecise } from '../../format';
import { formatDuration, formatLogTime, knownEnvironment, targetText } from './audit-display';
import OutcomeTag from './OutcomeTag.vue';

function profileCell(change: AuditChange) {
  const environment = knownEnvironment(change.profile.environment);
  const colour = environment ? environmentStyle(environment).color : 'currentColor';
  return h('span', { class: 'cell-profile', title: `${change.profile.name} (${change.profile.environment})`, 'data-testid': 'audit-profile' }, [
    h('span', { class: 'env-dot', style: { background: colour }, 'data-environment': change.profile.environment }),
    h('span', { class: 'cell-text' }, change.profile.name),
  ]);
}

/** The columns, newest change first. */
export function auditColumns(): DataTableColumns<AuditChange> {
  return [
    {
      key: 'time',
      title: 'Time',
      width: 182,
      render: (change) => nowrapCell(formatLogTime(change.time), { title: formatDateTimePrecise(change.time), 'data-testid': 'audit-time' }),
    },
    {
      key: 'actor',
      title: 'Actor',
      width: 100,
      ellipsis: { tooltip: true },
      render: (change) => h('span', { title: `${change.actor.user} on ${change.actor.host}` }, change.actor.user),
    },
    { key: 'profile', title: 'Profile', width: 140, render: profileCell },
    {
      key: 'action',
      title: 'Action',
      width: 130,
      ellipsis: { tooltip: true },
      render: (change) => h('span', { class: 'mono', 'data-testid': 'audit-action' }, change.action),
    },
    {
      key: 'target',
      title: 'Target',
      minWidth: 150,
      ellipsis: true,
      // The id alone (its prefix names the type); a create has no id yet and shows its type.
      render: (change) =>
        change.target
          ? h('span', { class: 'mono', title: targetText(change.target), 'data-testid': 'audit-target' }, change.target.id ?? targetText(change.target))
          : muted('—'),
    },
    { key: 'outcome', title: 'Outcome', width: 205, render: (change) => h(OutcomeTag, { change }) },
    {
      key: 'status',
      title: 'Status',
      width: 64,
      align: 'right',
      render: (change) => (change.status === null ? muted('—') : h('span', { class: 'mono', 'data-testid': 'audit-status' }, String(change.status))),
    },
    {
      key: 'duration',
      title: 'Duration',
      width: 84,
      align: 'right',
      render: (change) => (change.durationMs === null ? muted('—') : nowrapCell(formatDuration(change.durationMs))),
    },
  ];
}
