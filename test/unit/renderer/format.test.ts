import { describe, expect, it } from 'vitest';
import { formatDate, formatTime } from '../../../renderer/src/format';

describe('the one time format', () => {
  const ms = Date.UTC(2026, 4, 20, 15, 5, 3);

  it("is the locale's date and time to the second, on the locale's own 12- or 24-hour clock", () => {
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' }).format(ms);
    expect(formatTime(ms)).toBe(expected);
    const hourCycle = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).resolvedOptions().hourCycle;
    if (hourCycle === 'h12' || hourCycle === 'h11') expect(formatTime(ms)).toMatch(/PM|pm|p\.m\./);
    expect(formatTime(ms)).toContain(formatDate(ms));
  });

  it('shows a fallback for absent times', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime(undefined, 'Never')).toBe('Never');
    expect(formatTime(Number.NaN)).toBe('—');
  });
});
