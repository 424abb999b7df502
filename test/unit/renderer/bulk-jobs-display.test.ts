// @vitest-environment happy-dom
/**
 * The bulk job UI's view logic: the ETA and progress in words, the states offered as filters, the
 * budget meter's text (used of the limit, queued, a 429's hold), Space/Shift+Space selection, and
 * the undo texts (the inverse operation's verb).
 */
import { describe, expect, it } from 'vitest';
import type { BudgetMeter, BulkCounts } from '@shared/ipc/bulk-jobs';
import { BULK_ITEM_STATES } from '@shared/ipc/bulk-jobs';
import { countedStates, formatEta, isLive, progressPercent, progressText, rateLimitWait } from '../../../renderer/src/components/bulk-jobs/bulk-display';
import { budgetText } from '../../../renderer/src/components/bulk-jobs/budget-text';
import { undoTexts } from '../../../renderer/src/components/bulk-jobs/bulk-operation-texts';
import { inSelectionCell, toggledKeys } from '../../../renderer/src/components/resource-table/useSelectionKeys';

const counts = (partial: Partial<BulkCounts>): BulkCounts => ({ pending: 0, sending: 0, unknown: 0, done: 0, skipped: 0, failed: 0, cancelled: 0, ...partial });

describe('bulk job display', () => {
  it('writes the ETA in seconds, minutes and hours, and nothing when unknown', () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta(-5)).toBeNull();
    expect(formatEta(400)).toBe('under a second');
    expect(formatEta(42_000)).toBe('about 42 s');
    expect(formatEta(185_000)).toBe('about 3 min');
    expect(formatEta(3_900_000)).toBe('about 1 h 5 min');
  });

  it('says the job waits for the rate limit, in whole seconds, only while a 429 holds it', () => {
    expect(rateLimitWait(3_200, 1_000)).toBe('waiting for the rate limit, 3 s');
    expect(rateLimitWait(1_000, 1_000)).toBeNull();
    expect(rateLimitWait(null, 1_000)).toBeNull();
  });

  it('writes progress with thousands and a floored percentage', () => {
    expect(progressText({ progress: { done: 1199, total: 1234 } })).toBe('1,199 of 1,234 items (97 %)');
    expect(progressText({ progress: { done: 0, total: 1 } })).toBe('0 of 1 item (0 %)');
    expect(progressPercent({ progress: { done: 5, total: 0 } })).toBe(0);
    expect(progressPercent({ progress: { done: 3, total: 3 } })).toBe(100);
  });

  it('offers only the states a job has items in, in the filter order', () => {
    expect(countedStates({ counts: counts({ failed: 2, done: 10, skipped: 1 }) }, BULK_ITEM_STATES)).toEqual([
      { state: 'done', count: 10 },
      { state: 'skipped', count: 1 },
      { state: 'failed', count: 2 },
    ]);
  });

  it('is live only while queued or running', () => {
    expect(['queued', 'running'].every((state) => isLive(state as never))).toBe(true);
    expect(['draft', 'paused', 'done', 'cancelled', 'failed'].some((state) => isLive(state as never))).toBe(false);
  });

  it('undoes with the inverse operation’s texts', () => {
    expect(undoTexts('users.ban').verb).toBe('Unban');
    expect(undoTexts('users.lock').verb).toBe('Unlock');
    expect(undoTexts('users.metadata').verb).toBe('Restore metadata of');
  });
});

describe('budget meter text', () => {
  const meter: BudgetMeter = { profileId: 'p', used: 312, limit: 1000, windowMs: 10_000, inFlight: 3, waiting: 2, queued: 1800, heldUntil: null };
  it('writes used of the limit per window and what is queued', () => {
    expect(budgetText(meter, 0)).toMatchObject({ used: '312 / 1,000 per 10 s', queued: '1,802 queued', held: null });
  });
  it('says nothing is queued when nothing is, and shows a 429 hold only while it lasts', () => {
    const idle = { ...meter, waiting: 0, queued: 0, heldUntil: 5_000 };
    expect(budgetText(idle, 2_100)).toMatchObject({ queued: null, held: 'held 3 s (429)' });
    expect(budgetText(idle, 5_000).held).toBeNull();
  });
});

describe('selection keys', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'];
  it('Space toggles the focused row', () => {
    expect(toggledKeys([], rows, null, 1, false)).toEqual(['b']);
    expect(toggledKeys(['b', 'x'], rows, 1, 1, false)).toEqual(['x']);
  });
  it('Shift+Space checks the range from the last toggled row, either way, keeping other pages’ keys', () => {
    expect(toggledKeys(['x', 'b'], rows, 1, 3, true).sort()).toEqual(['b', 'c', 'd', 'x']);
    expect(toggledKeys([], rows, 4, 2, true).sort()).toEqual(['c', 'd', 'e']);
    // Without an anchor, Shift+Space is a plain toggle.
    expect(toggledKeys([], rows, null, 2, true)).toEqual(['c']);
  });
  it('knows a click in the checkbox cell', () => {
    const cell = document.createElement('td');
    cell.className = 'n-data-table-td--selection';
    const box = document.createElement('span');
    cell.append(box);
    expect(inSelectionCell({ target: box } as unknown as Event)).toBe(true);
    expect(inSelectionCell({ target: document.createElement('td') } as unknown as Event)).toBe(false);
  });
});
