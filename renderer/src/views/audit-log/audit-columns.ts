/**
 * The Audit log table's columns: one line per change, so rows keep one height for the virtual list.
 * They fit the width the table has: below {@link AUDIT_FULL_WIDTH} Duration goes (the drawer shows
 * it), below {@link AUDIT_MEDIUM_WIDTH} Actor goes too (the time's title and the drawer name it) and
 * the rest narrow, so Time, Profile, Action, Target, Outcome and Status always fit with readable headers.
 */
import { h } from 'vue';
import type { DataTableColumns } from 'naive-ui';
import type { AuditChange } from '@shared/ipc/audit';
import { mutedCell as muted, nowrapCell } from '../../components/table-cells';
import { environmentStyle } from '../../environments';
import { formatTime } from '../../format';
import { formatDuration, knownEnvironment, targetText } from './audit-display';
import OutcomeTag from './OutcomeTag.vue';

/** From this table width (px) on, every column shows. */
export const AUDIT_FULL_WIDTH = 975;
/** From this width on, Actor shows (Duration from {@link AUDIT_FULL_WIDTH}). */
export const AUDIT_MEDIUM_WIDTH = 890;

function profileCell(change: AuditChange) {
  const environment = knownEnvironment(change.profile.environment);
  const colour = environment ? environmentStyle(environment).color : 'currentColor';
  return h('span', { class: 'cell-profile', title: `${change.profile.name} (${change.profile.environment})`, 'data-testid': 'audit-profile' }, [
    h('span', { class: 'env-dot', style: { background: colour }, 'data-environment': change.profile.environment }),
    h('span', { class: 'cell-text' }, change.profile.name),
  ]);
}

// The name where the record has one, then the id (its prefix names the type); a create has no id yet and shows its type.
// Narrow, a named target shows its name alone (the id is in the title and the drawer).
function targetCell(change: AuditChange, withId: boolean) {
  if (!change.target) return muted('—');
  const title = change.targetName ? `${change.targetName} · ${targetText(change.target)}` : targetText(change.target);
  const name = change.targetName ? h('span', { class: 'target-name', 'data-testid': 'audit-target-name' }, change.targetName) : null;
  const id = h('span', { class: 'mono target-id', 'data-testid': 'audit-target' }, change.target.id ?? targetText(change.target));
  return h('span', { class: 'cell-target', title, 'data-target-id': change.target.id }, name && !withId ? [name] : [name, id]);
}

/** The columns for a table `width` px wide (omitted: every column), newest change first. */
export function auditColumns(width = Infinity): DataTableColumns<AuditChange> {
  const full = width >= AUDIT_FULL_WIDTH;
  const medium = width >= AUDIT_MEDIUM_WIDTH;
  const columns: DataTableColumns<AuditChange> = [
    {
      key: 'time',
      title: 'Time',
      width: 196,
      render: (change) =>
        h('span', { title: `${formatTime(change.time)} by ${change.actor.user} on ${change.actor.host}`, 'data-testid': 'audit-time', class: 'cell-nowrap cell-time' }, formatTime(change.time)),
    },
  ];
  if (medium) {
    columns.push({
      key: 'actor',
      title: 'Actor',
      width: 80,
      ellipsis: { tooltip: true },
      render: (change) => h('span', { title: `${change.actor.user} on ${change.actor.host}` }, change.actor.user),
    });
  }
  columns.push(
    { key: 'profile', title: 'Profile', width: medium ? 120 : 96, render: profileCell },
    {
      key: 'action',
      title: 'Action',
      width: medium ? 126 : 108,
      ellipsis: { tooltip: true },
      render: (change) => h('span', { class: 'mono', 'data-testid': 'audit-action' }, change.action),
    },
    { key: 'target', title: 'Target', minWidth: 100, ellipsis: true, render: (change) => targetCell(change, medium) },
    { key: 'outcome', title: 'Outcome', width: 150, render: (change) => h(OutcomeTag, { change }) },
    {
      key: 'status',
      title: 'Status',
      width: 64,
      align: 'right',
      render: (change) => (change.status === null ? muted('—') : h('span', { class: 'mono', 'data-testid': 'audit-status' }, String(change.status))),
    },
  );
  if (full) {
    columns.push({
      key: 'duration',
      title: 'Duration',
      width: 86,
      align: 'right',
      render: (change) => (change.durationMs === null ? muted('—') : nowrapCell(formatDuration(change.durationMs))),
    });
  }
  return columns;
}

/** The narrowest width the columns for a table `width` px wide need (the table scrolls sideways below it). */
export function auditColumnsWidth(width = Infinity): number {
  return auditColumns(width).reduce((sum, column) => sum + Number(('width' in column && column.width) || ('minWidth' in column && column.minWidth) || 0), 0);
}
