/** The sign-up tab's edit sends only what changed (an emptied external ID as null) and previews it in Clerk's names. */
import { describe, expect, it } from 'vitest';
import type { SignUp } from '../../../shared/clerk';
import { draftOf, signUpChangeRows, signUpChanges, signUpStatus } from '../../../renderer/src/views/sign-ups/sign-up-display';

const attempt = { id: 'sua_1', status: 'missing_requirements', external_id: 'crm-1', custom_action: false } as SignUp;

describe('sign-up edit', () => {
  it('sends nothing when nothing changed, and trims', () => {
    expect(signUpChanges(attempt, draftOf(attempt))).toEqual({});
    expect(signUpChanges(attempt, { externalId: '  crm-1 ', customAction: false })).toEqual({});
  });

  it('sends an emptied external ID as null, and a flipped custom action', () => {
    expect(signUpChanges(attempt, { externalId: '', customAction: true })).toEqual({ externalId: null, customAction: true });
    expect(signUpChanges({ ...attempt, external_id: null }, { externalId: 'crm-2', customAction: false })).toEqual({ externalId: 'crm-2' });
  });

  it("previews the changes in Clerk's field names", () => {
    expect(signUpChangeRows(attempt, { externalId: 'crm-2', customAction: true })).toEqual([
      { field: 'external_id', before: 'crm-1', after: 'crm-2' },
      { field: 'custom_action', before: false, after: true },
    ]);
  });

  it('says which statuses Clerk still changes', () => {
    expect(signUpStatus('missing_requirements').editable).toBe(true);
    expect(signUpStatus('complete').editable).toBe(false);
    expect(signUpStatus('abandoned').editable).toBe(false);
  });
});
