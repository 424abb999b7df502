/** The results CSV (parsed back with papaparse, formulas escaped) and the ETA at the budget. */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { BulkItemRow } from '../../../../shared/ipc/bulk-jobs';
import { RESULT_COLUMNS, resultsCsv } from '../../../../electron/services/jobs/bulk/bulk-csv';
import { etaMs, holdPerRequest } from '../../../../electron/services/jobs/bulk/bulk-eta';

const row = (overrides: Partial<BulkItemRow>): BulkItemRow => ({
  ordinal: 0,
  targetId: 'user_1',
  label: null,
  state: 'done',
  skipReason: null,
  error: null,
  attempts: 1,
  result: 'banned',
  updatedAt: Date.UTC(2026, 11, 1, 12, 0, 0),
  ...overrides,
});

describe('bulk results CSV', () => {
  it('has one row per item with its state, reason and Clerk error, and reads back', () => {
    const csv = resultsCsv([
      row({}),
      row({ ordinal: 1, targetId: 'user_2', label: 'Ann, "the admin"', state: 'failed', result: null, error: { kind: 'clerk', code: 'form_param_invalid', message: 'Invalid,\nvalue' } }),
      row({ ordinal: 2, targetId: 'user_3', state: 'skipped', skipReason: 'already banned', attempts: 0, result: null }),
    ]);
    const parsed = Papa.parse<string[]>(csv.trim());
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual([...RESULT_COLUMNS]);
    expect(parsed.data[1]).toEqual(['1', 'user_1', '', 'done', '', '', '', '1', 'banned', '2026-12-01T12:00:00.000Z']);
    expect(parsed.data[2].slice(0, 7)).toEqual(['2', 'user_2', 'Ann, "the admin"', 'failed', '', 'form_param_invalid', 'Invalid,\nvalue']);
    expect(parsed.data[3].slice(3, 5)).toEqual(['skipped', 'already banned']);
  });

  it('escapes a label a spreadsheet would run as a formula', () => {
    const parsed = Papa.parse<string[]>(resultsCsv([row({ label: '=HYPERLINK("http://x")' })]).trim());
    expect(parsed.data[1][2]).toBe('\'=HYPERLINK("http://x")');
  });
});

describe('bulk ETA', () => {
  const usage = { used: 0, limit: 1000, windowMs: 10_000, inFlight: 0, queued: 0, heldUntil: null };
  it('sends what fits in the window now and the rest at the limit', () => {
    expect(etaMs(800, usage, 0)).toBe(0);
    expect(etaMs(4_000, usage, 0)).toBe(30_000);
    expect(etaMs(4_000, { ...usage, used: 1000 }, 0)).toBe(40_000);
  });
  it('adds what is left of a 429 hold', () => {
    expect(etaMs(1_500, { ...usage, heldUntil: 5_000 }, 2_000)).toBe(3_000 + 5_000);
  });
  it('adds the hold time per request the job has met so far, for every request still to send', () => {
    expect(etaMs(800, usage, 0, 50)).toBe(800 * 50);
    expect(etaMs(1_500, { ...usage, heldUntil: 5_000 }, 2_000, 10)).toBe(3_000 + 5_000 + 15_000);
  });
  it('measures the hold per request sent, without the part of the current hold still to come', () => {
    expect(holdPerRequest({ heldMs: 0, starts: 0 }, { heldMs: 2_000, starts: 40 }, 1_000)).toBe(25);
    expect(holdPerRequest({ heldMs: 2_000, starts: 40 }, { heldMs: 2_000, starts: 90 }, 0)).toBe(0);
    expect(holdPerRequest({ heldMs: 0, starts: 0 }, { heldMs: 1_000, starts: 0 }, 1_000)).toBe(0);
  });
});
