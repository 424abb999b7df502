/**
 * How long a job still needs at its profile's rate budget: what fits in the current window goes
 * now, the rest at the budget's rate (`limit` per window), after any 429 hold.
 */
import type { BudgetUsage } from '../../clerk/rate-budget';

/** Milliseconds to send `requests` more requests with the budget in state `usage` at time `now`. */
export function etaMs(requests: number, usage: BudgetUsage, now: number): number {
  const held = usage.heldUntil !== null ? Math.max(0, usage.heldUntil - now) : 0;
  const fitsNow = Math.max(0, usage.limit - usage.used);
  const later = Math.max(0, requests - fitsNow);
  return held + Math.ceil((later / usage.limit) * usage.windowMs);
}
