/** Sample audit-log inputs for tests (unit, integration and e2e), with overrides for what a test is about. */
import type { IntentInput, OutcomeInput } from '../../shared/audit/types';

/** An intent for `users.update` on `user_1` through profile `prof_1`, with `overrides` applied. */
export function intentInput(overrides: Partial<IntentInput> = {}): IntentInput {
  return {
    actor: { user: 'alice', host: 'alice-laptop' },
    appVersion: '1.2.3',
    profile: { id: 'prof_1', name: 'Acme Production', environment: 'production' },
    instance: { apiUrl: 'https://api.clerk.com/v1', keyFingerprint: '3f9a0c4be172' },
    action: 'users.update',
    method: 'PATCH',
    route: '/users/{user_id}',
    path: '/users/user_1',
    target: { type: 'user', id: 'user_1' },
    body: { first_name: 'Ann' },
    ...overrides,
  };
}

/** A successful outcome. */
export function successOutcome(overrides: Partial<OutcomeInput> = {}): OutcomeInput {
  return { outcome: 'success', status: 200, durationMs: 120, traceId: 'trace_ok', response: { object: 'user', id: 'user_1' }, ...overrides };
}
