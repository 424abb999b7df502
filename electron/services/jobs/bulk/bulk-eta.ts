/**
 * How long a job still needs at its profile's rate budget: what fits in the current window goes
 * now, the rest at the budget's rate (`limit` per window), after what is left of a 429's hold;
 * and, when 429s have held the job back already, as much hold time again per request still to
 * send (an instance that keeps refusing will keep holding: the ETA should not promise the
 * budget's full rate).
 */
import type { BudgetUsage, HoldStats } from '../../clerk/rate-budget';

/** Milliseconds to send `requests` more requests with the budget in state `usage` at time `now`; `holdPerRequest`: hold time so far per request sent. */
export function etaMs(requests: number, usage: BudgetUsage, now: number, holdPerRequest = 0): number {
  const held = usage.heldUntil !== null ? Math.max(0, usage.heldUntil - now) : 0;
  const fitsNow = Math.max(0, usage.limit - usage.used);
  const later = Math.max(0, requests - fitsNow);
  return held + Math.ceil((later / usage.limit) * usage.windowMs) + Math.round(requests * holdPerRequest);
}

/**
 * The hold time per request sent between two readings of a budget's {@link HoldStats} (the job's
 * start and now), leaving out what is still to come of the current hold (`etaMs` adds that).
 */
export function holdPerRequest(since: HoldStats, now: HoldStats, heldFor: number): number {
  const sent = now.starts - since.starts;
  const pastHold = now.heldMs - since.heldMs - heldFor;
  return sent > 0 && pastHold > 0 ? pastHold / sent : 0;
}
