/** How failures read to an administrator: shared by ErrorState and the action error alerts. */
import { AppError } from '@shared/ipc/errors';

/** True when the failure says the record does not exist (any more): Clerk's 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof AppError && (error.status === 404 || error.kind === 'not_found');
}

/** True when Clerk answered 402 Payment Required: the instance's plan does not include the feature (SAML, for one). */
export function isPaymentRequired(error: unknown): boolean {
  return error instanceof AppError && error.kind === 'clerk' && error.status === 402;
}

/** What a 402 means to an administrator, instead of "error 402"; undefined for any other failure. */
export function paidPlanMessage(error: unknown): string | undefined {
  if (!isPaymentRequired(error)) return undefined;
  return "This needs a paid Clerk plan: the instance's plan does not include this feature. Upgrade the plan in the Clerk Dashboard (Billing), then try again.";
}

/** The kind of a failure for `data-kind` attributes ('internal' for anything that is not an AppError). */
export function errorKind(error: unknown): string {
  return error instanceof AppError ? error.kind : 'internal';
}

/**
 * The title of a failed action on a record, e.g. `Clerk refused to lock this user`. A 404 says
 * the record no longer exists: Clerk did not refuse anything, there was nothing left to change.
 */
export function actionErrorTitle(error: unknown, verb: string, noun: string): string {
  if (error instanceof AppError && error.kind === 'audit') return 'Not sent: the audit log could not record this change';
  // The read-only guardrail in main (issue 9): refused before anything was recorded or sent.
  if (error instanceof AppError && error.code === 'profile_read_only') return 'Not sent: this profile is read-only';
  if (isNotFound(error)) return `Could not ${verb} this ${noun}: it no longer exists`;
  if (isPaymentRequired(error)) return `Could not ${verb} this ${noun}: it needs a paid Clerk plan`;
  if (error instanceof AppError && error.kind === 'network') return `Could not ${verb} this ${noun}: the instance did not answer`;
  if (error instanceof AppError && error.kind === 'clerk') return `Clerk refused to ${verb} this ${noun}`;
  return `Could not ${verb} this ${noun}`;
}
