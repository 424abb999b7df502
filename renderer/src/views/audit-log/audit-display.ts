/** How audit records read in the table and the drawer: outcomes, targets, durations, sizes and values. */
import type { AuditChange, AuditFilter, AuditOutcomeKind, AuditTarget } from '@shared/ipc/audit';
import type { Environment, RecordKind } from '@shared/ipc/types';
import { ENVIRONMENTS } from '@shared/ipc/types';
import { recordKindForAuditTarget } from '@shared/sections';
import { formatTime } from '../../format';

/** One outcome's label and tag colour. */
export interface OutcomeLook {
  label: string;
  type: 'success' | 'error' | 'warning' | 'default';
  /** What the outcome means, for a tooltip or the drawer. */
  explanation: string;
}

const OUTCOMES: Record<AuditOutcomeKind, OutcomeLook> = {
  success: { label: 'Success', type: 'success', explanation: 'The instance accepted the change.' },
  clerk_error: { label: 'Clerk error', type: 'error', explanation: 'The instance answered with an error; nothing was changed.' },
  network_error: {
    label: 'Network error',
    type: 'warning',
    explanation: 'The instance could not be reached or did not answer in time; the change may or may not have been applied.',
  },
  unknown: {
    label: 'Outcome unknown',
    type: 'default',
    explanation:
      'The change was recorded and sent, but no answer was recorded (the app stopped, or could not write the outcome). Check the target’s current state.',
  },
};

/** Outcome filter options, in a sensible order. */
export const OUTCOME_OPTIONS = (Object.keys(OUTCOMES) as AuditOutcomeKind[]).map((value) => ({ value, label: OUTCOMES[value].label }));

/** An outcome's look. */
export function outcomeLook(outcome: AuditOutcomeKind): OutcomeLook {
  return OUTCOMES[outcome];
}

/** The tag text of a change's outcome: Clerk errors name their code. */
export function outcomeText(change: Pick<AuditChange, 'outcome' | 'errorCode'>): string {
  const look = outcomeLook(change.outcome);
  return change.outcome === 'clerk_error' && change.errorCode ? `${look.label} · ${change.errorCode}` : look.label;
}

/** An environment name as recorded (free text in old records), if it is one the app knows. */
export function knownEnvironment(value: string): Environment | null {
  return (ENVIRONMENTS as readonly string[]).includes(value) ? (value as Environment) : null;
}

/** `user · user_2x…`, or just the type when the target has no id yet (a create). */
export function targetText(target: AuditTarget | null): string {
  if (!target) return '—';
  const type = target.type.replace(/_/g, ' ');
  return target.id ? `${type} · ${target.id}` : `${type} (new)`;
}

/** The record tab a target opens in (the section registry's audit target types), or null when it has none (or no id). */
export function targetRecord(target: AuditTarget | null): { record: RecordKind; id: string } | null {
  const record = target?.id ? recordKindForAuditTarget(target.type) : null;
  return record && target?.id ? { record, id: target.id } : null;
}

/** `85 ms`, `1.4 s`, `2 min 5 s`; a dash when absent. */
export function formatDuration(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** `512 B`, `12.3 KB`, `4.0 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

// Clerk's timestamps are Unix milliseconds in fields named `…_at` (`updated_at`, `last_sign_in_at`, …).
const TIME_FIELD = /_at$/;
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2200, 0, 1);

/** The formatted time of a diff value that is a timestamp (an `…_at` field holding Unix ms), else null. */
export function diffTime(path: string, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_MS || value > MAX_MS) return null;
  return TIME_FIELD.test(path.split('/').at(-1) ?? '') ? formatTime(value) : null;
}

/** A value in the diff table: strings quoted, absent shown as such, long JSON cut short. */
export function diffValue(value: unknown, present: boolean, max = 400): string {
  if (!present) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * The time-range picker's value as filter bounds: the picker's end is the last second included,
 * the filter's `to` is exclusive. `null` clears both.
 */
export function rangeToFilter(range: [number, number] | null): Pick<AuditFilter, 'from' | 'to'> {
  return range ? { from: range[0], to: range[1] + 1000 } : { from: undefined, to: undefined };
}

/** The picker's value for a filter's bounds (null unless both are set). */
export function filterToRange(filter: Pick<AuditFilter, 'from' | 'to'>): [number, number] | null {
  return filter.from !== undefined && filter.to !== undefined ? [filter.from, filter.to - 1000] : null;
}
