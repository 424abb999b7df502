/**
 * The Backend API's sign-in token operations the app uses, each declared once. Clerk has no route
 * that reads a sign-in token, so neither has a state route: the audit log keeps the answer, with
 * the token and its URL redacted (audit/redact.ts).
 */
import type { SignInToken } from '../../../../shared/clerk';
import { operation } from '../operation';

/** The sign-in token operations. */
export const signInTokenOperations = {
  /**
   * `POST /sign_in_tokens`: a pending token that signs in as the user of `user_id` (its audit
   * target, passed as the run's `targetId`). The answer holds the token and its URL.
   */
  create: operation<SignInToken>()({
    method: 'POST',
    route: '/sign_in_tokens',
    action: 'sign_in_tokens.create',
    target: { type: 'user' },
    destructive: false,
  }),
  /** `POST /sign_in_tokens/{id}/revoke`: a pending token can no longer be used (Clerk refuses any other). */
  revoke: operation<SignInToken>()({
    method: 'POST',
    route: '/sign_in_tokens/{sign_in_token_id}/revoke',
    action: 'sign_in_tokens.revoke',
    target: { type: 'sign_in_token', idParam: 'sign_in_token_id' },
    destructive: true,
  }),
} as const;
