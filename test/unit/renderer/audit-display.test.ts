import { describe, expect, it } from 'vitest';
import { AUDIT_FULL_WIDTH, AUDIT_MEDIUM_WIDTH, auditColumns, auditColumnsWidth } from '../../../renderer/src/views/audit-log/audit-columns';
import { formatTime } from '../../../renderer/src/format';
import {
  diffTime,
  diffValue,
  filterToRange,
  formatBytes,
  formatDuration,
  knownEnvironment,
  outcomeText,
  rangeToFilter,
  targetRecord,
  targetText,
} from '../../../renderer/src/views/audit-log/audit-display';

describe('audit display', () => {
  it('names outcomes, with the Clerk error code when there is one', () => {
    expect(outcomeText({ outcome: 'clerk_error', errorCode: 'resource_not_found' })).toBe('Clerk error · resource_not_found');
    expect(outcomeText({ outcome: 'clerk_error', errorCode: null })).toBe('Clerk error');
    expect(outcomeText({ outcome: 'unknown', errorCode: null })).toBe('Outcome unknown');
    expect(outcomeText({ outcome: 'network_error', errorCode: 'timeout' })).toBe('Network error');
  });

  it('maps targets to the tabs that open them; creates and unknown types have none', () => {
    expect(targetRecord({ type: 'user', id: 'user_1' })).toEqual({ record: 'user', id: 'user_1' });
    expect(targetRecord({ type: 'saml_connection', id: 'samlc_1' })).toEqual({ record: 'saml-connection', id: 'samlc_1' });
    expect(targetRecord({ type: 'organization' })).toBeNull();
    expect(targetRecord({ type: 'jwt_template', id: 'jtmp_1' })).toBeNull();
    expect(targetRecord(null)).toBeNull();
    expect(targetText({ type: 'redirect_url' })).toBe('redirect url (new)');
    expect(targetText({ type: 'user', id: 'user_1' })).toBe('user · user_1');
  });

  it('formats durations and sizes for people', () => {
    expect(formatDuration(85)).toBe('85 ms');
    expect(formatDuration(1400)).toBe('1.4 s');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
    expect(formatDuration(null)).toBe('—');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(65_536)).toBe('64 KB');
    expect(formatBytes(4.5 * 1024 * 1024)).toBe('4.5 MB');
  });

  it('shows diff values as JSON, absent sides as such, and cuts long values short', () => {
    expect(diffValue(false, true)).toBe('false');
    expect(diffValue('Ann', true)).toBe('"Ann"');
    expect(diffValue(null, true)).toBe('null');
    expect(diffValue(undefined, false)).toBe('(absent)');
    const long = diffValue({ text: 'x'.repeat(1000) }, true, 50);
    expect(long).toHaveLength(50);
    expect(long.endsWith('…')).toBe(true);
  });

  it('turns the time-range picker (last second included) into filter bounds (end exclusive) and back', () => {
    const start = Date.UTC(2026, 4, 1, 0, 0, 0);
    const end = Date.UTC(2026, 4, 1, 23, 59, 59);
    expect(rangeToFilter([start, end])).toEqual({ from: start, to: Date.UTC(2026, 4, 2) });
    expect(filterToRange(rangeToFilter([start, end]))).toEqual([start, end]);
    expect(rangeToFilter(null)).toEqual({ from: undefined, to: undefined });
    expect(filterToRange({ from: start })).toBeNull();
  });

  it('knows the app’s environments and nothing else', () => {
    expect(knownEnvironment('production')).toBe('production');
    expect(knownEnvironment('qa')).toBeNull();
  });

  it('shows epoch-millisecond timestamps in the diff as times, and nothing else', () => {
    const ms = Date.UTC(2026, 4, 20, 9, 5, 3);
    expect(diffTime('/updated_at', ms)).toBe(formatTime(ms));
    expect(diffTime('/email_addresses/0/verification/expire_at', ms)).toBe(formatTime(ms));
    expect(diffTime('/updated_at', null)).toBeNull();
    expect(diffTime('/updated_at', 'yesterday')).toBeNull();
    expect(diffTime('/updated_at', 42)).toBeNull();
    expect(diffTime('/banned', ms)).toBeNull();
    expect(diffTime('/public_metadata/count', ms)).toBeNull();
  });

  it('keeps Time, Profile, Action, Target, Outcome and Status at every width, and fits them in a 1000 px window', () => {
    const keys = (width: number) => auditColumns(width).map((column) => ('key' in column ? column.key : ''));
    expect(keys(Infinity)).toEqual(['time', 'actor', 'profile', 'action', 'target', 'outcome', 'status', 'duration']);
    expect(keys(AUDIT_FULL_WIDTH - 1)).toEqual(['time', 'actor', 'profile', 'action', 'target', 'outcome', 'status']);
    expect(keys(AUDIT_MEDIUM_WIDTH - 1)).toEqual(['time', 'profile', 'action', 'target', 'outcome', 'status']);
    // 716 px: the table in a 1000 px window beside the open sidebar.
    for (const width of [716, 744, AUDIT_MEDIUM_WIDTH, AUDIT_FULL_WIDTH, 996]) expect(auditColumnsWidth(width)).toBeLessThanOrEqual(width);
  });
});
