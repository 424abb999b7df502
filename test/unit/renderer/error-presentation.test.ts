// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { AppError } from '../../../shared/ipc/errors';
import ErrorDetails from '../../../renderer/src/components/ErrorDetails.vue';
import ErrorState from '../../../renderer/src/components/ErrorState.vue';
import { actionErrorTitle, isNotFound } from '../../../renderer/src/components/error-presentation';

const notFound = new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'User not found', traceId: 'trace_1' });

describe('error presentation', () => {
  it('names what went wrong with an action, and a 404 as a record that no longer exists', () => {
    expect(actionErrorTitle(notFound, 'ban', 'user')).toBe('Could not ban this user: it no longer exists');
    expect(actionErrorTitle(new AppError({ kind: 'clerk', status: 403, message: 'No' }), 'ban', 'user')).toBe('Clerk refused to ban this user');
    expect(actionErrorTitle(new AppError({ kind: 'network', message: 'down' }), 'lock', 'user')).toBe('Could not lock this user: the instance did not answer');
    expect(actionErrorTitle(new AppError({ kind: 'audit', message: 'disk full' }), 'lock', 'user')).toBe('Not sent: the audit log could not record this change');
    expect(isNotFound(new Error('boom'))).toBe(false);
  });

  it('calls only Clerk’s codes “Clerk code”; the app’s own are an “Error code”', () => {
    const clerk = mount(ErrorDetails, { props: { error: notFound } });
    expect(clerk.text()).toContain('Clerk code');
    const own = mount(ErrorDetails, { props: { error: new AppError({ kind: 'validation', code: 'invalid_input', message: 'query: Too long.' }) } });
    expect(own.text()).toContain('Error code');
    expect(own.text()).not.toContain('Clerk code');
  });

  it('in a record’s tab, a 404 says the record no longer exists and offers Close tab', async () => {
    const gone = mount(ErrorState, { props: { error: notFound, record: 'user' } });
    expect(gone.find('[data-testid="record-gone"]').text()).toContain('This user no longer exists');
    expect(gone.find('[data-testid="error-state"]').exists()).toBe(false);
    await gone.find('[data-testid="record-gone-close"]').trigger('click');
    expect(gone.emitted('close')).toHaveLength(1);
    // Anywhere else, or for another failure, it stays an error with its details and Retry.
    const failed = mount(ErrorState, { props: { error: new AppError({ kind: 'network', message: 'down' }), record: 'user' } });
    expect(failed.find('[data-testid="error-state"]').exists()).toBe(true);
  });
});
