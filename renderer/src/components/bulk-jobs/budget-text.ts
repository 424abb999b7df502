/** The budget meter's words (pure, unit-tested): "312 / 1,000 per 10 s", "1,800 queued", "held 3 s (429)". */
import type { BudgetMeter } from '@shared/ipc/bulk-jobs';

/** The meter's parts: what is used, what is queued (null: nothing), a 429's hold (null: none), and the tooltip. */
export function budgetText(meter: BudgetMeter, now: number): { used: string; queued: string | null; held: string | null; title: string } {
  const window = meter.windowMs % 1000 === 0 ? `${meter.windowMs / 1000} s` : `${meter.windowMs} ms`;
  const used = `${meter.used.toLocaleString('en')} / ${meter.limit.toLocaleString('en')} per ${window}`;
  const waiting = meter.queued + meter.waiting;
  const queued = waiting > 0 ? `${waiting.toLocaleString('en')} queued` : null;
  const held = meter.heldUntil && meter.heldUntil > now ? `held ${Math.ceil((meter.heldUntil - now) / 1000)} s (429)` : null;
  const title = [
    `Requests started in the current ${window} window: ${meter.used.toLocaleString('en')} of ${meter.limit.toLocaleString('en')}.`,
    `In flight: ${meter.inFlight}. Waiting for a slot: ${meter.waiting}.`,
    `Still to send by bulk jobs: ${meter.queued.toLocaleString('en')}.`,
    held ? `The instance answered 429: every request waits (${held}).` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { used, queued, held, title };
}
