/** How a sign-up attempt reads: its status as a tag, and the changes an edit would send. */
import type { SignUp } from '@shared/clerk';
import { changeRows, type ChangeRow } from '../../components/guardrails/change-rows';

/** A status's label, tag colour, and whether Clerk still accepts changes. */
export function signUpStatus(status: SignUp['status']): { label: string; type: 'warning' | 'success' | 'default'; editable: boolean } {
  if (status === 'missing_requirements') return { label: 'In progress', type: 'warning', editable: true };
  if (status === 'complete') return { label: 'Complete', type: 'success', editable: false };
  return { label: 'Abandoned', type: 'default', editable: false };
}

/** The editable fields as the form holds them. */
export interface SignUpDraft {
  externalId: string;
  customAction: boolean;
}

/** The form's values for an attempt. */
export function draftOf(signUp: SignUp): SignUpDraft {
  return { externalId: signUp.external_id ?? '', customAction: signUp.custom_action };
}

/** What an update sends: only the fields that changed (an emptied external id is sent as null). */
export function signUpChanges(signUp: SignUp, draft: SignUpDraft): { externalId?: string | null; customAction?: boolean } {
  const changes: { externalId?: string | null; customAction?: boolean } = {};
  const externalId = draft.externalId.trim();
  if (externalId !== (signUp.external_id ?? '')) changes.externalId = externalId === '' ? null : externalId;
  if (draft.customAction !== signUp.custom_action) changes.customAction = draft.customAction;
  return changes;
}

/** The change preview's rows, in Clerk's field names. */
export function signUpChangeRows(signUp: SignUp, draft: SignUpDraft): ChangeRow[] {
  const changes = signUpChanges(signUp, draft);
  const after: Record<string, unknown> = {};
  if ('externalId' in changes) after.external_id = changes.externalId;
  if ('customAction' in changes) after.custom_action = changes.customAction;
  return changeRows({ external_id: signUp.external_id, custom_action: signUp.custom_action }, after);
}

/** A list of field names for a fact ("—" when empty). */
export function fieldList(fields: readonly string[]): string {
  return fields.length ? fields.join(', ') : '—';
}
