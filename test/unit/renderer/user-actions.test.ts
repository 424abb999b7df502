// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { NDialogProvider, NMessageProvider } from 'naive-ui';
import type { User } from '../../../shared/clerk';
import { AppError } from '../../../shared/ipc/errors';
import { installBridge } from '../../../renderer/src/api';
import UserActions from '../../../renderer/src/views/users/UserActions.vue';
import { deferred, fakeBridge, type FakeBridge, type FakeHandlers } from './fake-bridge';

const PROFILE = '00000000-0000-4000-8000-00000000000a';
const ada = { id: 'user_ada', first_name: 'Ada', last_name: 'Lovelace', banned: false, locked: false, email_addresses: [], phone_numbers: [] } as unknown as User;

let main: FakeBridge;
let changed: User[];

/** Mounts the actions bar inside the providers it uses (dialogs, messages). */
function setup(handlers: FakeHandlers, user: User = ada): VueWrapper {
  main = fakeBridge(handlers);
  installBridge(main.bridge);
  changed = [];
  const Host = defineComponent(() => () =>
    h(NDialogProvider, () => h(NMessageProvider, () => h(UserActions, { user, profileId: PROFILE, onChanged: (u: User) => changed.push(u) }))),
  );
  return mount(Host, { global: { plugins: [createPinia()] }, attachTo: document.body });
}

const byTestId = (testId: string) => document.body.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

describe('UserActions', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    document.body.innerHTML = '';
  });

  it('asks before banning, explaining that the user is signed out of all sessions, then bans', async () => {
    const wrapper = setup({ 'users:ban': () => ({ ...ada, banned: true }) });
    await wrapper.find('[data-testid="user-ban"]').trigger('click');
    await flushPromises();
    expect(document.body.textContent).toContain('signed out of all sessions');
    expect(main.inputs('users:ban')).toEqual([]);
    byTestId('confirm-ban')!.click();
    await flushPromises();
    expect(main.inputs('users:ban')).toEqual([{ profileId: PROFILE, userId: 'user_ada' }]);
    expect(changed.map((u) => u.banned)).toEqual([true]);
    expect(document.body.textContent).toContain('Banned Ada Lovelace.');
    wrapper.unmount();
  });

  it('does nothing when the ban is cancelled', async () => {
    const wrapper = setup({ 'users:ban': () => ({ ...ada, banned: true }) });
    await wrapper.find('[data-testid="user-ban"]').trigger('click');
    await flushPromises();
    byTestId('cancel-ban')!.click();
    await flushPromises();
    expect(main.inputs('users:ban')).toEqual([]);
    wrapper.unmount();
  });

  it('shows the loading state while an action runs, and no success message when it fails', async () => {
    const answer = deferred<User>();
    const wrapper = setup({ 'users:lock': () => answer.promise });
    await wrapper.find('[data-testid="user-lock"]').trigger('click');
    expect(wrapper.find('[data-testid="user-actions"]').attributes('data-pending')).toBe('lock');
    expect(wrapper.find('[data-testid="user-ban"]').attributes('disabled')).toBeDefined();
    answer.resolve({ ...ada, locked: true });
    await flushPromises();
    expect(wrapper.find('[data-testid="user-actions"]').attributes('data-pending')).toBe('');
    expect(changed.map((u) => u.locked)).toEqual([true]);
    wrapper.unmount();
  });

  it('explains Clerk’s refusal with its code and trace id', async () => {
    const wrapper = setup({
      'users:unlock': () => {
        throw new AppError({ kind: 'clerk', status: 403, code: 'operation_not_allowed', message: 'Not allowed', traceId: 'trace_abc' });
      },
    }, { ...ada, locked: true } as User);
    await wrapper.find('[data-testid="user-unlock"]').trigger('click');
    await flushPromises();
    const error = wrapper.find('[data-testid="user-action-error"]');
    expect(error.text()).toContain('Clerk refused to unlock this user');
    expect(error.find('[data-testid="error-code"]').text()).toBe('operation_not_allowed');
    expect(error.find('[data-testid="error-trace-id"]').text()).toBe('trace_abc');
    expect(error.find('[data-testid="user-action-close-tab"]').exists()).toBe(false);
    expect(changed).toEqual([]);
    wrapper.unmount();
  });

  it('says a user deleted meanwhile no longer exists (a 404 is no refusal), with its code and trace id and Close tab', async () => {
    const wrapper = setup({
      'users:unlock': () => {
        throw new AppError({ kind: 'clerk', status: 404, code: 'resource_not_found', message: 'User not found', traceId: 'trace_abc' });
      },
    }, { ...ada, locked: true } as User);
    await wrapper.find('[data-testid="user-unlock"]').trigger('click');
    await flushPromises();
    const error = wrapper.find('[data-testid="user-action-error"]');
    expect(error.text()).toContain('Could not unlock this user: it no longer exists');
    expect(error.text()).not.toContain('Clerk refused');
    expect(error.find('[data-testid="user-action-close-tab"]').exists()).toBe(true);
    expect(error.find('[data-testid="error-code"]').text()).toBe('resource_not_found');
    expect(error.find('[data-testid="error-trace-id"]').text()).toBe('trace_abc');
    expect(changed).toEqual([]);
    expect(document.body.textContent).not.toContain('Unlocked');
    wrapper.unmount();
  });

  it('says plainly that a change the audit log could not record was not sent', async () => {
    const wrapper = setup({
      'users:lock': () => {
        throw new AppError({ kind: 'audit', message: 'The change was not sent: the audit log could not record it (disk full).' });
      },
    });
    await wrapper.find('[data-testid="user-lock"]').trigger('click');
    await flushPromises();
    const error = wrapper.find('[data-testid="user-action-error"]');
    expect(error.attributes('data-kind')).toBe('audit');
    expect(error.text()).toContain('Not sent: the audit log could not record this change');
    expect(error.text()).toContain('disk full');
    wrapper.unmount();
  });
});
