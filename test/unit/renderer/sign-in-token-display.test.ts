/** How the sign-in token views read: lifetimes offered, a custom lifetime's check, time to expiry. */
import { describe, expect, it } from 'vitest';
import { formatFromNow } from '../../../renderer/src/format';
import { EXPIRY_PRESETS, customSecondsProblem, formatLifetime } from '../../../renderer/src/views/sign-in-tokens/token-display';

describe('sign-in token display', () => {
  it('offers the short lifetimes first and Clerk’s 30-day default last', () => {
    expect(EXPIRY_PRESETS.map((preset) => preset.seconds)).toEqual([900, 3600, 86_400, 604_800, 2_592_000]);
    expect(EXPIRY_PRESETS.at(-1)!.label).toContain('Clerk’s default');
  });

  it('checks a custom lifetime against the spec’s bounds', () => {
    expect(customSecondsProblem(null)).toBe('Enter the lifetime in seconds.');
    expect(customSecondsProblem(0)).toBe('At least 1 second.');
    expect(customSecondsProblem(1.5)).toBe('Whole seconds only.');
    expect(customSecondsProblem(2_147_483_648)).toMatch(/^At most/);
    expect(customSecondsProblem(1)).toBeNull();
    expect(customSecondsProblem(2_147_483_647)).toBeNull();
  });

  it('reads a lifetime in whole units', () => {
    expect(formatLifetime(90)).toBe('1 minute 30 seconds');
    expect(formatLifetime(900)).toBe('15 minutes');
    expect(formatLifetime(90_061)).toBe('1 day 1 hour 1 minute 1 second');
    expect(formatLifetime(2_592_000)).toBe('30 days');
  });

  it('reads the time to expiry towards now, in the largest whole unit', () => {
    const now = 1_000_000_000;
    expect(formatFromNow(now + 14 * 60_000 + 59_000, now)).toBe('in 14 minutes');
    expect(formatFromNow(now + 3 * 86_400_000, now)).toBe('in 3 days');
    expect(formatFromNow(now + 30_000, now)).toBe('in 30 seconds');
    expect(formatFromNow(now - 2 * 3_600_000, now)).toBe('2 hours ago');
  });
});
